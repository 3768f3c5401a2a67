// Reading the outputs of a set of modules without running anything else (`stack output`): each module's
// `terraform output -json`, with its own role, through the same path a dependency's outputs are read.

import pLimit from 'p-limit';
import { RunCredentials } from '../auth/run-credentials.js';
import type { SecretRegistry } from '../auth/secrets.js';
import type { ValueObject } from '../config/hcl/values.js';
import type { EventSink } from './events.js';
import { ModuleRunner } from './module-runner.js';
import type { RunOptions } from './options.js';
import { createLoader, loadStack } from './stack.js';
import type { Signals } from './run.js';

export interface OutputsDeps {
  sink: EventSink;
  signals: Signals;
  secrets?: SecretRegistry;
}

/** Each module's outputs (name → value), by directory; modules excluded from `output` are left out. */
export async function readModuleOutputs(opts: RunOptions, dirs: string[], deps: OutputsDeps): Promise<Map<string, ValueObject>> {
  const out = new Map<string, ValueObject>();
  if (dirs.length === 0) return out;
  const { sink } = deps;
  const auth = new RunCredentials(opts, { secrets: deps.secrets, log: (level, message, module) => sink.emit({ type: 'log', level, message, module }) });
  const loader = createLoader(opts, (level, message) => sink.emit({ type: 'log', level, message }));
  auth.attach(loader);
  const stack = await auth.identities.load(() => loadStack(opts, loader, dirs));
  await auth.prepare(stack.roles.values());
  const runner = new ModuleRunner({ opts, stack, auth, sink, interrupt: deps.signals.interrupt, kill: deps.signals.kill });
  const limit = pLimit(Number.isFinite(opts.parallelism) ? opts.parallelism : 16);
  try {
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
    await Promise.all([auth.close(), runner.close()]);
  }
  return out;
}
