// `tgo backend bootstrap [--all]`: the unit's (or every unit's) S3 state bucket and lock table made ready with
// its own role, without running terraform; what changed is printed, a ready backend prints nothing new.
// `tgo backend delete [--all] [--force]`: the unit's state object and lock item, each after a confirmation.

import { parseCommandArgs, withoutFlags, type CommandArgs } from './command-args.js';
import type { FlagSpec } from './flags.js';
import type { ModuleConfig } from '../config/types.js';
import { BACKEND_DELETE_FLAGS, FLAGS } from './flags.js';
import { flagBool } from './parse-args.js';
import { reportError, SecretRegistry } from './kit.js';
import { runOptions } from './options.js';
import { terminalHost } from './prompt.js';
import { StateBackends } from '../run/state-backend.js';
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

export function backendBootstrap(argv: string[]): Promise<number> {
  return eachBackend(argv, 'bootstrap', FLAGS, (backends, cfg) => backends.bootstrap(cfg));
}

/** `backend delete [--all] [--force]`: each unit's state object and lock item, after a yes for each. */
export function backendDelete(argv: string[]): Promise<number> {
  return eachBackend(argv, 'delete', [...BACKEND_DELETE_FLAGS, ...FLAGS], (backends, cfg, p) => backends.deleteState(cfg, flagBool(p, 'backendForce')));
}

/** The unit in the working dir (--all: every unit) with an s3 backend, one after the other. */
async function eachBackend(argv: string[], what: string, specs: FlagSpec[],
  act: (backends: StateBackends, cfg: ModuleConfig, p: CommandArgs) => Promise<unknown>): Promise<number> {
  const secrets = new SecretRegistry();
  let level: LogLevel = 'info';
  try {
    const p = parseCommandArgs(argv, process.env, specs, `backend ${what}`, 'backend');
    const opts = runOptions(withoutFlags(argv, specs.filter((s) => !FLAGS.includes(s))), process.env, process.cwd(), false);
    level = opts.logLevel;
    const session = new RunSession(opts, { host: terminalHost(lines(level, secrets)), secrets });
    try {
      const stack = await session.loadStack();
      await session.prepare();
      const backends = new StateBackends(session);
      let done = 0;
      for (const dir of opts.all ? [...stack.modules.keys()] : [opts.workingDir]) {
        const loaded = stack.modules.get(dir);
        if (!loaded) continue;
        const cfg = await session.evaluate(loaded);
        if (!StateBackends.applies(cfg)) continue;
        await act(backends, cfg, p);
        done++;
      }
      if (done === 0) session.emit({ type: 'log', level: 'warn', message: `no unit here has remote_state with backend "s3" (and init enabled): nothing to ${what}` });
    } finally {
      await session.close();
    }
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}
