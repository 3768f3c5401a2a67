// `tgo <command>` and `tgo run-all <command>` from argv to exit code: options, renderer, signals, run, summary.

import { runOptions } from './options.js';
import { installSignals, reportError, SecretRegistry, terminalRenderer } from './kit.js';
import { stdinPrompter } from './prompt.js';
import { run } from '../run/run.js';
import type { LogLevel } from '../run/options.js';
import type { TerminalRenderer } from '../render/terminal.js';

export async function runTerraformCommand(argv: string[], all: boolean): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  let renderer: TerminalRenderer | undefined;
  const signals = installSignals(() => renderer);
  try {
    const opts = runOptions(argv, process.env, process.cwd(), all);
    level = opts.logLevel;
    renderer = terminalRenderer(level, opts.command, opts.args, opts.all, secrets, opts.env);
    const result = await run(opts, { sink: renderer, prompter: stdinPrompter(process.stdin, process.stderr), signals, secrets });
    if (opts.all) renderer.summary();
    return result.exitCode;
  } catch (e) {
    renderer?.summary();
    return reportError(e, level, secrets);
  } finally {
    signals.dispose();
  }
}
