/**
 * How tgo starts processes, through both paths: directly (single-module runs, which may prompt) and through the
 * spawner process (run --all: own process group, no stdin). Either way: whole lines per stream, the exit code,
 * one forwarded SIGINT, a clear error for a missing program, and the environment reaching the child without
 * appearing in the spawner's argv or environment.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runProcess, type SpawnOptions } from '../../src/terraform/spawn.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSPAWNERTEST';
// The spawners are opt-in (src/terraform/spawn.ts); read on first use, so this turns them on for this file.
process.env.TGO_SPAWNER = 'spawner';

async function run(argv: string[], o: Partial<SpawnOptions> = {}) {
  const lines: string[] = [];
  const r = await runProcess(argv[0]!, argv.slice(1), {
    cwd: process.cwd(), env: { PATH: process.env.PATH!, TGO_TEST_SECRET: SECRET }, stdin: 'ignore', detached: true,
    onLine: (s, l) => lines.push(`${s}: ${l}`), ...o,
  });
  return { ...r, lines };
}

describe.each([['run --all (spawner)', true], ['single module (direct)', false]] as const)('runProcess, %s', (_name, all) => {
  const opts: Partial<SpawnOptions> = all ? {} : { stdin: 'inherit', detached: false };

  it('the child starts from the spawner under run --all, from tgo itself otherwise', async () => {
    const r = await run(['sh', '-c', 'echo "$PPID"'], opts);
    const ppid = Number(r.lines[0]!.slice('stdout: '.length));
    if (all) {
      expect(ppid).not.toBe(process.pid);
      // The spawner holds no credentials: not in its argv, not in its environment.
      expect(readFileSync(`/proc/${ppid}/cmdline`, 'utf8')).not.toContain(SECRET);
      expect(readFileSync(`/proc/${ppid}/environ`, 'utf8')).not.toContain(SECRET);
    } else {
      expect(ppid).toBe(process.pid);
    }
  });

  it('whole lines per stream (a UTF-8 character split across writes too), the last line without a newline, the exit code and the environment', async () => {
    // "é" is 0xC3 0xA9: the two bytes are written separately, with a pause between them.
    const script = 'printf "a\\n"; printf "err\\n" >&2; printf "\\303"; sleep 0.2; printf "\\251t\\n"; printf "%s" "$TGO_TEST_SECRET"; exit 3';
    const r = await run(['sh', '-c', script], opts);
    expect(r.exitCode).toBe(3);
    expect(r.spawnError).toBeUndefined();
    expect(r.lines.filter((l) => l.startsWith('stdout'))).toEqual(['stdout: a', 'stdout: ét', `stdout: ${SECRET}`]);
    expect(r.lines.filter((l) => l.startsWith('stderr'))).toEqual(['stderr: err']);
  });

  it('an interrupt reaches the child once, as SIGINT', async () => {
    const ac = new AbortController();
    const lines: string[] = [];
    const p = runProcess('bash', ['-c', 'trap \'echo got INT; kill $! 2>/dev/null; exit 130\' INT; echo ready; sleep 30 & wait $!'], {
      cwd: process.cwd(), env: { PATH: process.env.PATH! }, ...(all ? { stdin: 'ignore', detached: true } : { stdin: 'ignore', detached: false }),
      interrupt: ac.signal, onLine: (_s, l) => {
        lines.push(l);
        if (l === 'ready') ac.abort();
      },
    });
    const r = await p;
    expect(lines).toEqual(['ready', 'got INT']);
    expect(r.exitCode).toBe(130);
  });

  it('a missing program is a spawn error naming it', async () => {
    const r = await run(['/nonexistent/terraform', 'plan'], opts);
    expect(r.spawnError?.message).toMatch(/\/nonexistent\/terraform ENOENT/);
    expect(r.exitCode).not.toBe(0);
  });
});
