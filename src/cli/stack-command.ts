// `tgo stack generate | run | output | clean` (Terragrunt Stacks): from argv to exit code. Generation and the
// output's shape are in src/stack/; `stack run` is run --all, which generates first.

import path from 'node:path';
import { ConfigLoader } from '../config/loader.js';
import { generateForRun } from '../stack/generate.js';
import { cleanStacks } from '../stack/clean.js';
import { readStackFile, type StackFile } from '../config/stack-file.js';
import { findStackFiles } from '../stack/files.js';
import { filterOutputs, nestOutputs, renderOutputs, unitKeys, type OutputFormat } from '../stack/output.js';
import { readModuleOutputs } from '../run/outputs.js';
import { RunSession } from '../run/session.js';
import type { LogLevel, RunOptions } from '../run/options.js';
import { UsageError } from '../errors.js';
import { describeSource } from '../shared/provenance.js';
import { installSignals, reportError, SecretRegistry } from './kit.js';
import { terminalHost } from './prompt.js';
import { runOptions } from './options.js';
import { flagBool, flagString, parseArgs } from './parse-args.js';
import { FLAGS, STACK_OUTPUT_FLAGS } from './flags.js';
import { unknownFlagMessage } from './command-args.js';
import { runTerraformCommand } from './run-command.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Log lines on stderr at the run's level, as the run renderer shows them. */
function logger(level: LogLevel, secrets: SecretRegistry) {
  return (lvl: 'info' | 'debug' | 'warn' | 'error', message: string) => {
    if (LEVELS.indexOf(lvl) <= LEVELS.indexOf(level)) process.stderr.write(`${secrets.redact(`${lvl.toUpperCase()} ${message}`)}\n`);
  };
}

/** Options as for run --all; a stack command takes no terraform command. */
function stackOptions(argv: string[], command: string, maxPositionals = 0): { opts: RunOptions; positionals: string[] } {
  const opts = runOptions(argv, process.env, process.cwd(), true);
  const positionals = [opts.command, ...opts.args].filter((a) => a !== '');
  const flag = positionals.find((a) => a.startsWith('-'));
  if (flag) throw new UsageError(unknownFlagMessage(flag, `stack ${command}`, 'stack', command === 'output' ? [...STACK_OUTPUT_FLAGS, ...FLAGS] : FLAGS));
  if (positionals.length > maxPositionals) {
    throw new UsageError(`tgo stack ${command} takes ${maxPositionals === 0 ? 'no arguments' : `at most ${maxPositionals}`}, got "${positionals.join(' ')}".`);
  }
  return { opts: { ...opts, command: command === 'output' ? 'output' : '', args: [] }, positionals };
}

export async function stackGenerate(argv: string[]): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  try {
    const { opts } = stackOptions(argv, 'generate');
    level = opts.logLevel;
    const log = logger(level, secrets);
    if (findStackFiles(opts.workingDir).length === 0) {
      log('warn', `No stack files found in ${opts.workingDir}: nothing to generate.`);
      return 0;
    }
    const session = new RunSession(opts, { host: terminalHost({ emit: (e) => (e.type === 'log' ? log(e.level, e.message) : undefined) }), secrets });
    try {
      await generateForRun(opts, { loader: session.loader, fetcher: session.fetcher, log });
    } finally {
      await session.close();
    }
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}

/** `stack run <command>`: run --all, which generates the stacks first (unless --no-stack-generate). */
export function stackRun(argv: string[]): Promise<number> {
  return runTerraformCommand(argv, true);
}

export async function stackClean(argv: string[]): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  try {
    const { opts } = stackOptions(argv, 'clean');
    level = opts.logLevel;
    const log = logger(level, secrets);
    for (const d of await cleanStacks(opts.workingDir)) log('info', `Deleting stack directory: ${shown(opts.workingDir, d)}`);
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}

export async function stackOutput(argv: string[]): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  const signals = installSignals(() => undefined);
  try {
    const p = parseArgs(argv, process.env, STACK_OUTPUT_FLAGS);
    const { opts, positionals } = stackOptions(p.rest, 'output', 1);
    level = opts.logLevel;
    const format = outputFormat(p);
    const log = logger(level, secrets);
    // The stack files as they are (Terragrunt does not generate here): their units are where outputs live.
    const loader = new ConfigLoader({ workingDir: opts.workingDir, env: opts.env, terraformCommand: 'output', terraformArgs: [] });
    const files: StackFile[] = findStackFiles(opts.workingDir).map((f) => readStackFile(f, { loader, warn: (m) => log('warn', m) }));
    if (files.length === 0) {
      log('warn', `No stack files found in ${opts.workingDir}: no outputs.`);
      return 0;
    }
    const keys = unitKeys(files);
    const outputs = await readModuleOutputs(opts, [...keys.keys()], {
      host: terminalHost({ emit: (e) => (e.type === 'log' ? log(e.level, `${e.module ? `[${e.module}] ` : ''}${e.message}`) : undefined) }),
      signals,
      secrets,
    });
    const flat = new Map([...outputs].map(([dir, v]) => [keys.get(dir)!, v]));
    process.stdout.write(secrets.redact(renderOutputs(filterOutputs(nestOutputs(flat), positionals[0]), format)));
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  } finally {
    signals.dispose();
  }
}

function outputFormat(p: ReturnType<typeof parseArgs>): OutputFormat {
  if (flagBool(p, 'stackOutputJson')) return 'json';
  if (flagBool(p, 'stackOutputRaw')) return 'raw';
  const f = flagString(p, 'stackOutputFormat');
  if (!f || f.value === 'default' || f.value === 'hcl') return 'hcl';
  if (f.value === 'json' || f.value === 'raw') return f.value;
  throw new UsageError(`${describeSource(f.source)} must be default, json or raw, got "${f.value}"`);
}

function shown(base: string, dir: string): string {
  return path.relative(base, dir) || '.';
}
