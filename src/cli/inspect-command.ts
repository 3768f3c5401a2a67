// Shared by the inspection commands: options from argv, the stack loaded and validated through a run session
// (no terraform; STS only when a config calls get_aws_*), then the command's own rendering to stdout.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runOptions } from './options.js';
import { reportError, SecretRegistry } from './kit.js';
import { terminalHost } from './prompt.js';
import { RunSession } from '../run/session.js';
import type { Stack } from '../run/stack.js';
import type { EventSink } from '../run/events.js';
import type { LogLevel, RunOptions } from '../run/options.js';

/** For commands that only load the stack: log lines on stderr, warnings (and errors) always, the rest at debug level. */
export function logLines(level: LogLevel, secrets: SecretRegistry): EventSink {
  return {
    emit(e) {
      if (e.type === 'log' && (e.level === 'warn' || e.level === 'error' || level === 'debug')) process.stderr.write(`${secrets.redact(e.message)}\n`);
    },
  };
}

/**
 * `keepGoing` (find, list, dag graph): a unit whose configuration fails is shown without what its configuration
 * would tell (Stack.broken), the error only at debug level, as Terragrunt's discovery commands do.
 */
export async function inspect(argv: string[], all: boolean, render: (stack: Stack, opts: RunOptions) => string | Promise<string>,
  keepGoing = false): Promise<number> {
  const secrets = new SecretRegistry();
  let level: RunOptions['logLevel'] = 'info';
  try {
    // Inspection commands take no terraform command; whatever is left is passed to get_terraform_command().
    const opts = runOptions(argv, process.env, process.cwd(), all);
    level = opts.logLevel;
    const log = logLines(level, secrets);
    const session = new RunSession(opts, { host: terminalHost(log), secrets });
    try {
      const stack = await session.loadStack(undefined, keepGoing);
      // get_aws_* outside iam_* answers for the module's role, as in a run (never the base account: Terragrunt #4834).
      for (const [dir, cfg] of stack.modules) {
        try {
          stack.modules.set(dir, await session.evaluate(cfg));
        } catch (e) {
          if (!keepGoing) throw e;
          stack.modules.delete(dir);
          stack.broken.set(dir, { error: e as Error, external: false });
        }
      }
      for (const [dir, { error }] of stack.broken) {
        log.emit({ type: 'log', level: 'debug', message: `${stack.id(dir)}: configuration not loaded, shown without it: ${error.message}` });
      }
    } finally {
      await session.close();
    }
    const text = secrets.redact(await render(session.stack, opts));
    // --terragrunt-json-out FILE writes the rendering there (Terragrunt's render-json option).
    if (opts.jsonOut && opts.jsonOut !== '-') writeFileSync(path.resolve(opts.workingDir, opts.jsonOut), text);
    else process.stdout.write(text);
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}
