// `tgo <command>` and `tgo run-all <command>` from argv to exit code: options, renderer, signals, run, summary.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runOptions } from './options.js';
import { installSignals, isRawOutput, reportError, SecretRegistry, terminalRenderer } from './kit.js';
import { terminalHost } from './prompt.js';
import { run } from '../run/run.js';
import { TeeSink, type EventSink } from '../run/events.js';
import type { LogLevel, RunOptions } from '../run/options.js';
import type { TerminalRenderer } from '../render/terminal.js';
import { JsonOutputCollector } from '../render/json-out.js';
import { stringifyJson } from '../config/hcl/values.js';
import { finishReport, RunReport } from '../render/report.js';

/** `adjust` lets a command complete the options built from argv (exec sets the program to run). */
export async function runTerraformCommand(argv: string[], all: boolean, adjust?: (opts: RunOptions) => void): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  let renderer: TerminalRenderer | undefined;
  let opts: RunOptions | undefined;
  let report: RunReport | undefined;
  const signals = installSignals(() => renderer);
  // Terragrunt skips the summary where stdout is for programs (output, -json).
  const showSummary = () => !!opts && opts.all && opts.summary !== false && !isRawOutput(opts.command, opts.args);
  try {
    opts = runOptions(argv, process.env, process.cwd(), all);
    adjust?.(opts);
    level = opts.logLevel;
    report = RunReport.forOptions(opts); // an unknown --report-file extension: usage error before anything runs
    const merged = opts.all && opts.jsonOut && opts.command === 'output' ? new JsonOutputCollector() : undefined;
    renderer = terminalRenderer(level, opts.command, opts.args, opts.all, secrets, opts.noColor ? noColorEnv(opts.env) : opts.env, !!merged,
      opts.logFormat);
    const sink: EventSink = new TeeSink(...[renderer, merged, report].filter((s): s is NonNullable<typeof s> => s !== undefined));
    const result = await run(opts, { host: terminalHost(sink), signals, secrets });
    renderer.summary(showSummary());
    if (merged) writeJson(opts, merged.merged(), secrets);
    return finishReport(report, result.exitCode, secrets);
  } catch (e) {
    renderer?.summary(showSummary());
    return finishReport(report, reportError(e, level, secrets), secrets);
  } finally {
    signals.dispose();
  }
}

function writeJson(opts: RunOptions, value: unknown, secrets: SecretRegistry): void {
  const text = secrets.redact(`${stringifyJson(value, 2)}\n`);
  if (opts.jsonOut === '-') process.stdout.write(text);
  else writeFileSync(path.resolve(opts.workingDir, opts.jsonOut!), text);
}

/** --no-color wins over FORCE_COLOR in the environment. */
function noColorEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _forced, ...rest } = env;
  return { ...rest, NO_COLOR: '1' };
}
