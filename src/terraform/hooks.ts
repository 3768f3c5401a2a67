// before_hook / after_hook / error_hook: commands run around terraform in the module's working dir, with the
// same environment (so they see the role's credentials), their output prefixed like terraform's.

import path from 'node:path';
import type { Hook } from '../config/types.js';
import { runProcess } from './spawn.js';

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

/** Run hooks in order; the first failure stops the rest and is returned as a message. */
export async function runHooks(kind: string, hooks: Hook[], r: HookRun): Promise<string | undefined> {
  for (const h of hooks) {
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
  }
  return undefined;
}

/** error_hook: runs when terraform failed and its stderr matches one of on_errors (regexes). */
export function errorHooksFor(hooks: Hook[], command: string, stderr: string): Hook[] {
  return hooksFor(hooks, command).filter((h) => h.onErrors.length === 0 || h.onErrors.some((re) => new RegExp(re, 'm').test(stderr)));
}
