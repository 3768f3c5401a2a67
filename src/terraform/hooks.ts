// before_hook / after_hook / error_hook: commands run around terraform in the module's working dir, with the
// same environment (so they see the role's credentials), their output prefixed like terraform's.

import path from 'node:path';
import type { Hook } from '../config/types.js';
import { runProcess } from './spawn.js';
import { compileOnError } from '../config/on-errors.js';

export interface HookRun {
  cwd: string;
  env: Record<string, string>;
  onLine(stream: 'stdout' | 'stderr', line: string): void;
  log(message: string): void;
  detached: boolean;
  interrupt?: AbortSignal;
  kill?: AbortSignal;
}

/** Hooks of one kind that apply to a command (Terragrunt also accepts its pseudo-commands here). */
export function hooksFor(hooks: Hook[], command: string): Hook[] {
  return hooks.filter((h) => h.if && h.commands.includes(command));
}

/**
 * Run hooks in order, as Terragrunt's ProcessHooks: once anything has failed (`errors`, which this appends to),
 * only hooks with run_on_error still run.
 */
export async function runHooks(kind: string, hooks: Hook[], r: HookRun, errors: string[]): Promise<void> {
  for (const h of hooks) {
    if (errors.length > 0 && !h.runOnError) continue;
    const failed = await runHook(kind, h, r);
    if (failed) errors.push(failed);
  }
}

async function runHook(kind: string, h: Hook, r: HookRun): Promise<string | undefined> {
  const cwd = h.workingDir ? path.resolve(r.cwd, h.workingDir) : r.cwd;
  r.log(`${kind} "${h.name}": ${h.execute.join(' ')}`);
  const res = await runProcess(h.execute[0]!, h.execute.slice(1), {
    cwd,
    env: r.env,
    stdin: 'ignore',
    detached: r.detached,
    interrupt: r.interrupt,
    kill: r.kill,
    onLine: (stream, line) => {
      if (stream === 'stdout' && h.suppressStdout) return;
      r.onLine(stream, line);
    },
  });
  if (res.spawnError) return `${kind} "${h.name}" could not run ${h.execute[0]}: ${res.spawnError.message}`;
  if (res.exitCode !== 0) return `${kind} "${h.name}" (${h.execute.join(' ')}) exited with code ${res.exitCode ?? res.signal}`;
  return undefined;
}

/**
 * error_hook (Terragrunt's ProcessErrorHooks): after any failure — a hook's or terraform's — every error hook for
 * the command whose on_errors match the failures' text runs, whatever failed before it; its own failure is added.
 */
export async function runErrorHooks(hooks: Hook[], command: string, r: HookRun, errors: string[]): Promise<void> {
  if (errors.length === 0) return;
  const text = errors.join('\n');
  for (const h of hooks) {
    if (!h.commands.includes(command) || !h.onErrors.some((p) => compileOnError(p)(text))) continue;
    const failed = await runHook('error_hook', h, r);
    if (failed) errors.push(failed);
  }
}
