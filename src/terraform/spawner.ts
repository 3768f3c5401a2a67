// tgo's process spawner for run --all: a small node process, started on the first terraform of a run, that
// starts terraform for tgo. Node forks to spawn, and a fork copies the page tables of the whole
// process and blocks its event loop until the child has exec'd: from tgo's heap (hundreds of MB on a big stack)
// that costs milliseconds of tgo's CPU per module, paid again as copy-on-write faults afterwards. From this
// process (a bare node heap) it is cheaper, and tgo's event loop never waits for it (BENCHMARKS.md, figure 2).
//
// Requests and replies travel over the IPC channel, the child's environment (credentials included) with them:
// never in argv or a file. tgo signals a child's process group itself once its pid is known; when tgo goes away
// (exit or SIGKILL) the channel closes and the spawner kills whatever is still running, then exits.
//
// Opt-in (TGO_SPAWNER=spawner): see aSpawner in spawn.ts for the lost-output defect that keeps it off by default.

import { spawn, type ChildProcess } from 'node:child_process';

export interface RemoteChild {
  /** Called once the child runs (its process group id), or never when it cannot be started. */
  onPid(pid: number): void;
  onData(stream: 'stdout' | 'stderr', text: string): void;
  onExit(code: number | null, signal: NodeJS.Signals | null, error?: Error): void;
}

type Reply =
  | { id: number; pid: number }
  | { id: number; stream: 'stdout' | 'stderr'; data: string }
  | { id: number; exit: { code: number | null; signal: NodeJS.Signals | null; error?: { message: string; code?: string } } };

// The spawner's own program, given to `node -e` (no file to find next to the compiled code; it holds no secret).
// Children get their own process group (tgo forwards signals to the group, as with a direct spawn) and their
// output is decoded as UTF-8 here, so a multi-byte character split between two reads arrives whole.
const PROGRAM = `
const { spawn } = require('node:child_process');
const live = new Map();
const send = (m) => { if (process.connected) process.send(m); };
process.on('message', (r) => {
  let child;
  try {
    child = spawn(r.command, r.args, { cwd: r.cwd, env: r.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  } catch (e) {
    send({ id: r.id, exit: { code: null, signal: null, error: { message: e.message, code: e.code } } });
    return;
  }
  live.set(r.id, child);
  if (child.pid !== undefined) send({ id: r.id, pid: child.pid });
  let error;
  child.on('error', (e) => { error = { message: e.message, code: e.code }; });
  for (const s of ['stdout', 'stderr']) child[s].setEncoding('utf8').on('data', (data) => send({ id: r.id, stream: s, data }));
  child.on('close', (code, signal) => {
    live.delete(r.id);
    send({ id: r.id, exit: { code, signal, error } });
  });
});
process.on('disconnect', () => {
  for (const c of live.values()) { try { process.kill(-c.pid, 'SIGKILL'); } catch {} }
  process.exit(0);
});
process.on('SIGINT', () => {});
`;

export class Spawner {
  private readonly waiting = new Map<number, RemoteChild>();
  private next = 1;
  private dead = false;

  private constructor(private readonly proc: ChildProcess) {
    proc.on('message', (m: Reply) => this.reply(m));
    proc.on('exit', (code, signal) => this.died(`tgo's process spawner exited (${signal ?? `code ${code}`})`));
    proc.on('error', (e) => this.died(`tgo's process spawner failed: ${e.message}`));
    this.idle();
  }

  /** The spawner process, or undefined when it cannot be started (the caller spawns directly then). */
  static start(): Spawner | undefined {
    try {
      // Own process group: the terminal's Ctrl-C reaches tgo, which decides what its children get. An empty
      // environment: the spawner needs none, and each request brings its child's.
      const proc = spawn(process.execPath, ['-e', PROGRAM], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], detached: true, env: {} });
      return new Spawner(proc);
    } catch {
      return undefined;
    }
  }

  /** Children started through this spawner that have not exited yet. */
  get running(): number {
    return this.waiting.size;
  }

  get usable(): boolean {
    return !this.dead && this.proc.connected;
  }

  run(command: string, args: string[], cwd: string, env: Record<string, string>, child: RemoteChild): void {
    const id = this.next++;
    this.waiting.set(id, child);
    this.busy();
    this.proc.send({ id, command, args, cwd, env });
  }

  private reply(m: Reply): void {
    const child = this.waiting.get(m.id);
    if (!child) return;
    if ('pid' in m) child.onPid(m.pid);
    else if ('stream' in m) child.onData(m.stream, m.data);
    else {
      this.waiting.delete(m.id);
      const e = m.exit.error;
      child.onExit(m.exit.code, m.exit.signal, e ? Object.assign(new Error(e.message), { code: e.code }) : undefined);
      if (this.waiting.size === 0) this.idle();
    }
  }

  private died(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    for (const child of this.waiting.values()) child.onExit(null, null, new Error(reason));
    this.waiting.clear();
  }

  // The spawner keeps tgo alive only while one of its children runs.
  private busy(): void {
    this.proc.ref();
    this.proc.channel?.ref();
  }

  private idle(): void {
    this.proc.unref();
    this.proc.channel?.unref();
  }
}
