import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from './fake-terraform.js';

let tf: FakeTerraform;
let root: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}
function run(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  onStart?: (child: ReturnType<typeof spawn>, stdout: () => string) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tf.path, args, { cwd, env: { PATH: process.env.PATH!, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid! }));
    onStart?.(child, () => stdout);
  });
}
function moduleDir(name: string, config?: object): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  if (config) writeFileSync(join(dir, 'fake-tf.json'), JSON.stringify(config));
  return dir;
}
const recordOf = (pid: number) => tf.records().find((r) => r.pid === pid)!;
const waitFor = async (cond: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('fake terraform', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tgo-fake-tf-test-'));
    tf = await makeFakeTerraform();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(tf.dir, { recursive: true, force: true });
  });

  it('is an executable named terraform in its dir', () => {
    expect(tf.path).toBe(join(tf.dir, 'terraform'));
    expect(statSync(tf.path).mode & 0o777).toBe(0o755);
  });

  it('version, init and other commands, with the environment recorded', async () => {
    const dir = moduleDir('plain');
    const v = await run(['version'], dir);
    expect(v.stdout).toMatch(/^Terraform v1\.11\.4\n/);
    expect((await run(['-version'], dir)).stdout).toContain('Terraform v1.11.4');
    const env = { AWS_ACCESS_KEY_ID: 'ASIAX', AWS_SESSION_TOKEN: 'tok', TF_VAR_region: 'eu-west-1', TGO_MODULE: 'plain', HOME: '/nowhere' };
    const init = await run(['init', '-input=false'], dir, env);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Terraform has been successfully initialized!');
    expect(existsSync(join(dir, '.terraform'))).toBe(true);
    const plan = await run(['plan', '-input=false'], dir);
    expect(plan.stdout).toBe('fake terraform: plan -input=false\n');

    const r = recordOf(init.pid);
    expect(r).toMatchObject({ argv: ['init', '-input=false'], cwd: dir, exitCode: 0 });
    expect(r.env).toEqual({ AWS_ACCESS_KEY_ID: 'ASIAX', AWS_SESSION_TOKEN: 'tok', TF_VAR_region: 'eu-west-1', TGO_MODULE: 'plain' });
    expect(r.end!).toBeGreaterThanOrEqual(r.start);
    expect(r.signal).toBeUndefined();
  });

  it('fake-tf.json: stdout, stderr, failOn, exitCode, sleepMs', async () => {
    const dir = moduleDir('failing', { stdout: 'hello\nworld', stderr: 'Error: boom', failOn: ['apply'], exitCode: 3, sleepMs: 150 });
    const plan = await run(['plan'], dir);
    expect(plan).toMatchObject({ code: 0, stdout: 'fake terraform: plan\nhello\nworld\n', stderr: '' });
    const t = Date.now();
    const apply = await run(['apply', '-auto-approve'], dir);
    expect(Date.now() - t).toBeGreaterThanOrEqual(150);
    expect(apply).toMatchObject({ code: 3, stderr: 'Error: boom\n' });
    expect(recordOf(apply.pid).exitCode).toBe(3);

    const all = moduleDir('all-fail', { exitCode: 1, stderr: 'nope' });
    expect(await run(['plan'], all)).toMatchObject({ code: 1, stderr: 'nope\n' });
    expect(await run(['plan'], all, { FAKE_TF_CONFIG: '{"exitCode":0}' })).toMatchObject({ code: 0 });
  });

  it('output -json in terraform shape, -chdir picks the module dir', async () => {
    const dir = moduleDir('outputs', { outputs: { vpc_id: 'v-1', count: 2, ids: ['a'] } });
    const o = await run(['output', '-json'], dir);
    expect(JSON.parse(o.stdout)).toEqual({
      vpc_id: { sensitive: false, type: 'string', value: 'v-1' },
      count: { sensitive: false, type: 'number', value: 2 },
      ids: { sensitive: false, type: ['tuple', ['string']], value: ['a'] },
    });
    expect((await run(['output', '-raw', 'vpc_id'], dir)).stdout).toBe('v-1\n');
    expect(JSON.parse((await run(['output', '-json'], moduleDir('no-outputs'))).stdout)).toEqual({});
    const viaChdir = await run([`-chdir=${dir}`, 'output', '-json'], root);
    expect(JSON.parse(viaChdir.stdout).vpc_id.value).toBe('v-1');
    expect(recordOf(viaChdir.pid).cwd).toBe(dir);
  });

  it('parallel processes log whole lines', async () => {
    const dir = moduleDir('parallel', { sleepMs: 50 });
    const env = { TF_VAR_blob: 'x'.repeat(20_000) };
    const runs = await Promise.all(Array.from({ length: 12 }, (_, i) => run(['plan', `-var=i=${i}`], dir, env)));
    for (const r of runs) {
      const rec = recordOf(r.pid);
      expect(rec.exitCode).toBe(0);
      expect(rec.env.TF_VAR_blob).toHaveLength(20_000);
    }
  });

  it('SIGINT is recorded and exits 130 after sleepAfterSigintMs', async () => {
    const dir = moduleDir('interrupt', { sleepMs: 10_000, sleepAfterSigintMs: 100 });
    const r = await run(['apply'], dir, {}, (child, stdout) => {
      void waitFor(() => stdout().includes('fake terraform: apply')).then(() => child.kill('SIGINT'));
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Interrupt received');
    const rec = recordOf(r.pid);
    expect(rec).toMatchObject({ exitCode: 130, signal: 'SIGINT', signals: ['SIGINT'] }); // ended by the signal, not the 10 s sleep
    expect(rec.end! - rec.start).toBeGreaterThanOrEqual(100);
  });

  it('SIGTERM too; ignoreSigint keeps running; trapSigint:false dies by the signal', async () => {
    const slow = moduleDir('term', { sleepMs: 10_000 });
    const term = await run(['apply'], slow, {}, (child, stdout) => {
      void waitFor(() => stdout().length > 0).then(() => child.kill('SIGTERM'));
    });
    expect(term.code).toBe(130);
    expect(recordOf(term.pid).signal).toBe('SIGTERM');

    const stubborn = moduleDir('stubborn', { sleepMs: 300, ignoreSigint: true });
    const ign = await run(['apply'], stubborn, {}, (child, stdout) => {
      void waitFor(() => stdout().length > 0).then(() => child.kill('SIGINT'));
    });
    expect(ign.code).toBe(0);
    expect(recordOf(ign.pid)).toMatchObject({ exitCode: 0, signal: 'SIGINT' });

    const raw = moduleDir('untrapped', { sleepMs: 10_000, trapSigint: false });
    const killed = await run(['apply'], raw, {}, (child, stdout) => {
      void waitFor(() => stdout().length > 0).then(() => child.kill('SIGINT'));
    });
    expect(killed.signal).toBe('SIGINT');
    expect(recordOf(killed.pid).end).toBeUndefined();
  });

  it('createOnStart, waitForFile and barrier order processes without clocks; seq numbers follow the log', async () => {
    const sync = join(root, 'sync');
    const held = moduleDir('held', { waitForFile: '../sync/go', createOnStart: '../sync/held-running' });
    mkdirSync(sync, { recursive: true });
    const p = run(['apply'], held);
    await waitFor(() => existsSync(join(sync, 'held-running')), 30_000);
    const other = await run(['plan'], moduleDir('other'));
    writeFileSync(join(sync, 'go'), '');
    const r = await p;
    expect(r.code).toBe(0);
    const [h, o] = [recordOf(r.pid), recordOf(other.pid)];
    expect(o.startSeq).toBeGreaterThan(h.startSeq);
    expect(h.endSeq).toBeGreaterThan(o.endSeq!); // it really waited for the file

    // Three at a barrier of three all pass; a barrier that is never filled gives up with exit 97.
    const members = ['b1', 'b2', 'b3'].map((n) => moduleDir(n, { barrier: { dir: '../sync/barrier', count: 3 } }));
    const passed = await Promise.all(members.map((d) => run(['plan'], d)));
    const recs = passed.map((x) => recordOf(x.pid));
    expect(recs.map((x) => x.exitCode)).toEqual([0, 0, 0]);
    expect(Math.max(...recs.map((x) => x.startSeq))).toBeLessThan(Math.min(...recs.map((x) => x.endSeq!)));
    const alone = await run(['plan'], moduleDir('alone', { barrier: { dir: '../sync/lonely', count: 2 }, waitTimeoutMs: 200 }));
    expect(alone.code).toBe(97);
    expect(alone.stderr).toMatch(/^fake terraform: gave up waiting for 2 terraforms at barrier .*lonely \(1 arrived\)$/m);
  });

  it('a signal is recorded when it arrives, before the process ends', async () => {
    const dir = moduleDir('ignoring', { sleepMs: 10_000, ignoreSigint: true });
    let pid = 0;
    const r = run(['apply'], dir, {}, (child, stdout) => {
      pid = child.pid!;
      void waitFor(() => stdout().length > 0).then(() => child.kill('SIGINT'));
    });
    await waitFor(() => (tf.records().find((x) => x.pid === pid)?.signals ?? []).length > 0, 30_000);
    expect(recordOf(pid).signals).toEqual(['SIGINT']);
    expect(recordOf(pid).endSeq).toBeUndefined(); // still running
    process.kill(pid, 'SIGTERM');
    expect((await r).code).toBe(130);
    expect(recordOf(pid).signals).toEqual(['SIGINT', 'SIGTERM']);
  });
});
