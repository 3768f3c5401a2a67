// What every command shares: turning errors into one clear message and an exit code, Ctrl-C handling, and
// the terminal renderer. Kept out of the commands so each stays a few dozen lines.

import { SecretRegistry } from '../auth/secrets.js';
import { DependencyCycleError } from '../graph/dag.js';
import { CancelledError, ConfigError, ConfigErrors, CredentialsError, UsageError } from '../errors.js';
import type { EventSink } from '../run/events.js';
import type { LogLevel } from '../run/options.js';
import type { Signals } from '../run/run.js';
import { hasColors, TerminalRenderer } from '../render/terminal.js';
import type { LogFormat } from '../render/log-format.js';

export interface Outcome {
  exitCode: number;
}

/** One message, no stack trace unless debugging; exit code 1 for every error, 0 for a declined prompt. */
export function reportError(e: unknown, level: LogLevel, secrets: SecretRegistry): number {
  const write = (s: string) => process.stderr.write(`${secrets.redact(s)}\n`);
  if (e instanceof CancelledError) {
    write(e.message);
    return e.exitCode;
  }
  const known = e instanceof UsageError || e instanceof ConfigError || e instanceof ConfigErrors
    || e instanceof CredentialsError || e instanceof DependencyCycleError;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof ConfigErrors) {
    write(`ERROR ${e.errors.length} configuration errors, nothing was run:`);
    for (const x of e.errors) write(`  ${x.message}`);
  } else {
    write(`ERROR ${msg}`);
  }
  if ((level === 'debug' || !known) && e instanceof Error && e.stack) {
    if (level === 'debug') write(e.stack);
    else write('(run with --terragrunt-log-level debug for details)');
  }
  return 1;
}

/** First SIGINT/SIGTERM: forward once, start nothing new. Second: kill. Exit code 130 is decided by the run. */
export function installSignals(sink: () => EventSink | undefined): Signals & { dispose(): void } {
  const interrupt = new AbortController();
  const kill = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!interrupt.signal.aborted) {
      sink()?.emit({ type: 'interrupt', signal, second: false });
      interrupt.abort(signal);
    } else if (!kill.signal.aborted) {
      sink()?.emit({ type: 'interrupt', signal, second: true });
      kill.abort(signal);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    interrupt: interrupt.signal,
    kill: kill.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Raw output for commands whose stdout is consumed by programs (as Terragrunt does). */
export function isRawOutput(command: string, args: string[]): boolean {
  return command === 'output' || command === 'version' || args.includes('-json') || args.includes('-version')
    || (command === 'show' && args.includes('-json'));
}

export function terminalRenderer(level: LogLevel, command: string, args: string[], all: boolean, secrets: SecretRegistry, env: NodeJS.ProcessEnv,
  captureStdout = false, logFormat?: LogFormat): TerminalRenderer {
  // Records for programs (json, key-value) get no colour and no live status line, as in Terragrunt.
  const structured = logFormat === 'json' || logFormat === 'key-value';
  return new TerminalRenderer(process.stdout, process.stderr, {
    captureStdout,
    level,
    prefix: all,
    raw: isRawOutput(command, args),
    color: hasColors(process.stderr, env) && !structured,
    secrets,
    progress: all,
    live: all && !!process.stderr.isTTY && env.TERM !== 'dumb' && !env.CI && !logFormat,
    logFormat,
  });
}

export { SecretRegistry };
