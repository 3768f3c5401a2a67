// Reading the outputs of a set of modules without running anything else (`stack output`): each module's
// `terraform output -json`, with its own role, through the same path a dependency's outputs are read.

import pLimit from 'p-limit';
import type { ValueObject } from '../config/hcl/values.js';
import { ModuleRunner } from './module-runner.js';
import type { RunOptions } from './options.js';
import { RunSession, type SessionDeps } from './session.js';
import type { Signals } from './run.js';

/** Each module's outputs (name → value), by directory; modules excluded from `output` are left out. */
export async function readModuleOutputs(opts: RunOptions, dirs: string[], deps: SessionDeps & { signals: Signals }): Promise<Map<string, ValueObject>> {
  const out = new Map<string, ValueObject>();
  if (dirs.length === 0) return out;
  const session = new RunSession(opts, deps);
  try {
    const stack = await session.loadStack(dirs);
    await session.prepare();
    const runner = new ModuleRunner({ session, interrupt: deps.signals.interrupt, kill: deps.signals.kill });
    const limit = pLimit(Number.isFinite(opts.parallelism) ? opts.parallelism : 16);
    const wanted = dirs.filter((d) => {
      const ex = stack.modules.get(d)?.exclude;
      return !(ex?.if && ex.actions.some((a) => a === 'output' || a === 'all'));
    });
    await Promise.all(wanted.map((d) => limit(async () => {
      try {
        out.set(d, await runner.fetchOutputs(d));
      } catch (e) {
        throw new Error(`cannot read the outputs of ${stack.id(d)}: ${(e as Error).message}`);
      }
    })));
  } finally {
    await session.close();
  }
  return out;
}
