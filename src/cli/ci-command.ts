// `tgo ci generate` from argv to exit code: options and CI settings from flags, the stack loaded and validated
// (STS only when a config calls get_aws_*), the pipeline written to --pipeline-file or stdout.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlatform, generatePipeline, repository } from '../ci/generate.js';
import { shellQuote, type CiSettings } from '../ci/pipeline.js';
import { UsageError } from '../errors.js';
import { validateCommand } from '../run/run.js';
import { RunSession } from '../run/session.js';
import type { LogLevel } from '../run/options.js';
import { FLAGS } from './flags.js';
import { logLines } from './inspect-command.js';
import { reportError, SecretRegistry } from './kit.js';
import { runOptions } from './options.js';
import { terminalHost } from './prompt.js';
import { flagNumber, flagString, parseArgs } from './parse-args.js';
import { describeSource } from '../shared/provenance.js';

/** Flags on the generating command line that each job passes on to its own `tgo run` (never a token or MFA code). */
const JOB_FLAG_GROUPS = new Set(['IAM', 'RUN']);
const NOT_FOR_JOBS = new Set(['iamWebIdentityToken', 'iamMfaToken']);

export function jobFlags(argv: string[]): string[] {
  const given = parseArgs(argv, {}).flags; // no env: only what was typed
  const out: string[] = [];
  for (const spec of FLAGS) {
    if (!(JOB_FLAG_GROUPS.has(spec.group) || spec.key === 'logLevel') || NOT_FOR_JOBS.has(spec.key)) continue;
    const v = given.get(spec.key)?.value;
    if (v === undefined || v === false) continue;
    const name = `--${spec.names[spec.names.length - 1]}`;
    out.push(v === true ? name : `${name}=${shellQuote(String(v))}`);
  }
  return out;
}

/** The engine, its settings and the output file, from the ci flags (checked before anything is loaded). */
export function ciSettings(argv: string[], env: NodeJS.ProcessEnv): { platform: string; settings: CiSettings; file?: string } {
  const p = parseArgs(argv, env);
  const platform = checkPlatform(flagString(p, 'ciPlatform')?.value);
  const parallelism = flagNumber(p, 'parallelism');
  if (parallelism && platform !== 'argo') {
    throw new UsageError(`${describeSource(parallelism.source)}: a ${platform} pipeline has no bound on its running jobs; bound the runners instead.`);
  }
  const settings: CiSettings = {
    tgoCommand: flagString(p, 'ciTgoCommand')?.value ?? 'tgo',
    image: flagString(p, 'ciImage')?.value,
    runnerTags: (flagString(p, 'ciRunnerTags')?.value ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    audience: flagString(p, 'ciAudience')?.value ?? 'sts.amazonaws.com',
    parallelism: parallelism?.value,
    jobFlags: jobFlags(argv),
  };
  return { platform, settings, file: flagString(p, 'ciFile')?.value };
}

export async function ciGenerate(argv: string[]): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  try {
    const opts = { ...runOptions(argv, process.env, process.cwd(), true), nonInteractive: true };
    level = opts.logLevel;
    const { platform, settings, file } = ciSettings(argv, process.env);
    if (!opts.command) throw new UsageError('ci generate needs the terraform command its jobs run (example: tgo ci generate --platform gitlab -- plan).');
    validateCommand(opts);
    const repo = repository(opts.workingDir);
    const session = new RunSession(opts, { host: terminalHost(logLines(level, secrets)), secrets });
    const stack = await session.loadStack().finally(() => session.close());
    const out = await generatePipeline(opts, platform, settings, stack, repo);
    for (const w of out.warnings) process.stderr.write(`WARN ${secrets.redact(w)}\n`);
    if (file && file !== '-') {
      const target = path.resolve(process.cwd(), file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, out.text);
      process.stderr.write(`Wrote ${file}: ${out.jobs.length} ${platform} job${out.jobs.length === 1 ? '' : 's'} for ${opts.command}.\n`);
    } else {
      process.stdout.write(out.text);
    }
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}
