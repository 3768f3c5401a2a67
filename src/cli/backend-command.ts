// `tgo backend bootstrap [--all]`: the unit's (or every unit's) S3 state bucket and lock table made ready with
// its own role, without running terraform. What changed is printed; a ready backend prints nothing new.

import { parseCommandArgs } from './command-args.js';
import { FLAGS } from './flags.js';
import { reportError, SecretRegistry } from './kit.js';
import { runOptions } from './options.js';
import { terminalHost } from './prompt.js';
import { BackendBootstrapper } from '../run/backend-bootstrap.js';
import type { EventSink } from '../run/events.js';
import type { LogLevel } from '../run/options.js';
import { RunSession } from '../run/session.js';

/** Info lines (what changed) and above on stderr, prefixed with the unit; debug lines at debug level. */
function lines(level: LogLevel, secrets: SecretRegistry): EventSink {
  return {
    emit(e) {
      if (e.type !== 'log' || (e.level === 'debug' && level !== 'debug')) return;
      process.stderr.write(`${secrets.redact(`${e.module && e.module !== '.' ? `[${e.module}] ` : ''}${e.message}`)}\n`);
    },
  };
}

export async function backendBootstrap(argv: string[]): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  try {
    parseCommandArgs(argv, process.env, FLAGS, 'backend bootstrap', 'backend');
    const opts = runOptions(argv, process.env, process.cwd(), false);
    level = opts.logLevel;
    const session = new RunSession(opts, { host: terminalHost(lines(level, secrets)), secrets });
    try {
      const stack = await session.loadStack();
      await session.prepare();
      const bootstrapper = new BackendBootstrapper(session);
      let done = 0;
      for (const dir of opts.all ? [...stack.modules.keys()] : [opts.workingDir]) {
        const loaded = stack.modules.get(dir);
        if (!loaded) continue;
        const cfg = await session.evaluate(loaded);
        if (!BackendBootstrapper.applies(cfg)) continue;
        await bootstrapper.bootstrap(cfg);
        done++;
      }
      if (done === 0) session.emit({ type: 'log', level: 'warn', message: 'no unit here has remote_state with backend "s3" (and init enabled): nothing to bootstrap' });
    } finally {
      await session.close();
    }
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}
