/**
 * `--report-file` on real tgo runs with the fake terraform: CSV, JSON and HTML of a run with a failure and its
 * early-exit dependents, an excluded module, an interrupted run, the env twin, the path relative to the
 * working dir, and bad report files refused before anything runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, startTgo, tgo } from '../support/tgo.js';
import { moduleHcl, writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

const run = (args: string[], cwd: string, env: Record<string, string | undefined> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf.path], { cwd, env: baseEnv({ TZ: 'UTC', ...env }) });
const applies = (root: string) => tf.records().filter((r) => r.cwd.startsWith(root) && r.argv[0] === 'apply');

/** vpc → db → app; net fails, so svc (net) and web (svc, app) exit early; dns is independent. */
function failingStack(): string {
  return writeStack({
    'vpc/terragrunt.hcl': moduleHcl(),
    'vpc/fake-tf.json': { sleepMs: 300 },
    'db/terragrunt.hcl': moduleHcl(['../vpc']),
    'db/fake-tf.json': { sleepMs: 400 },
    'app/terragrunt.hcl': moduleHcl(['../db', '../vpc']),
    'app/fake-tf.json': { sleepMs: 300 },
    'net/terragrunt.hcl': moduleHcl(),
    'net/fake-tf.json': { sleepMs: 150, failOn: ['apply'], exitCode: 3, stderr: 'Error: creating subnet: quota "exceeded", try again' },
    'svc/terragrunt.hcl': moduleHcl(['../net']),
    'web/terragrunt.hcl': moduleHcl(['../svc', '../app']),
    'dns/terragrunt.hcl': moduleHcl(),
    'dns/fake-tf.json': { sleepMs: 200 },
  });
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const RFC3339_FRACTION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

interface JsonRow { Started: string; Ended: string; Reason?: string; Cause?: string; Name: string; Result: string }

describe('reports of a run with a failure', () => {
  let root: string;
  let code: number | null;
  beforeAll(async () => {
    root = failingStack();
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive', '--report-file', 'run.json', '--terragrunt-exclude-dir', 'dns'], root);
    code = r.code;
    // The same run's CSV and HTML come from two more runs: each report is one run.
  });

  it('JSON: one object per module, in start order, with results, reasons and causes', () => {
    expect(code).toBe(3);
    const text = readFileSync(path.join(root, 'run.json'), 'utf8');
    const rows = JSON.parse(text) as JsonRow[];
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['Started', 'Ended', ...(r.Reason ? ['Reason'] : []), ...(r.Cause ? ['Cause'] : []), 'Name', 'Result']);
      expect(r.Started).toMatch(RFC3339_FRACTION);
      expect(r.Ended).toMatch(RFC3339_FRACTION);
      expect(Date.parse(r.Ended)).toBeGreaterThanOrEqual(Date.parse(r.Started));
    }
    const starts = rows.map((r) => Date.parse(r.Started));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const by = Object.fromEntries(rows.map((r) => [r.Name, { Result: r.Result, Reason: r.Reason, Cause: r.Cause }]));
    expect(by).toEqual({
      vpc: { Result: 'succeeded' },
      db: { Result: 'succeeded' },
      app: { Result: 'succeeded' },
      net: { Result: 'failed', Reason: 'run error', Cause: 'terraform apply exited with code 3' },
      svc: { Result: 'early exit', Reason: 'ancestor error', Cause: 'net' },
      web: { Result: 'early exit', Reason: 'ancestor error', Cause: 'net' },
      dns: { Result: 'excluded', Reason: '--queue-exclude-dir' },
    });
    // Timings agree with what terraform saw: db started after vpc's apply ended.
    const t = Object.fromEntries(rows.map((r) => [r.Name, r]));
    expect(Date.parse(t.db!.Started)).toBeGreaterThanOrEqual(Date.parse(t.vpc!.Ended));
    expect(Date.parse(t.svc!.Started)).toBeGreaterThanOrEqual(Date.parse(t.net!.Ended));
    expect(text.endsWith(']\n')).toBe(true);
  });

  it('CSV: Terragrunt\'s header and columns, RFC 3339 seconds', async () => {
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive', '--report-file', 'run.csv'], root);
    expect(r.code).toBe(3);
    const lines = readFileSync(path.join(root, 'run.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('Name,Started,Ended,Result,Reason,Cause');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row).toHaveLength(6);
      expect(row[1]).toMatch(RFC3339);
      expect(row[2]).toMatch(RFC3339);
    }
    expect(rows.map((x) => [x[0], x[3], x[4], x[5]]).sort()).toEqual([
      ['app', 'succeeded', '', ''],
      ['db', 'succeeded', '', ''],
      ['dns', 'succeeded', '', ''],
      ['net', 'failed', 'run error', 'terraform apply exited with code 3'],
      ['svc', 'early exit', 'ancestor error', 'net'],
      ['vpc', 'succeeded', '', ''],
      ['web', 'early exit', 'ancestor error', 'net'],
    ]);
  });

  it('HTML: one bar per module that ran, a mark per module that did not, the critical path', async () => {
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive', '--report-file', 'run.html'], root);
    expect(r.code).toBe(3);
    const html = readFileSync(path.join(root, 'run.html'), 'utf8');
    const bars = [...html.matchAll(/<div class="bar"[^>]*data-module="([^"]+)" data-result="([^"]+)" data-critical="(true|false)"/g)].map((m) => [m[1], m[2], m[3]]);
    expect(bars.map((b) => b[0]).sort()).toEqual(['app', 'db', 'dns', 'net', 'vpc']);
    expect(bars.filter((b) => b[2] === 'true').map((b) => b[0])).toEqual(['vpc', 'db', 'app']);
    expect([...html.matchAll(/<div class="mark"[^>]*data-module="([^"]+)" data-result="([^"]+)"/g)].map((m) => [m[1], m[2]]).sort())
      .toEqual([['svc', 'early exit'], ['web', 'early exit']]);
    expect(html).not.toMatch(/(src|href)=/);
  });
});

describe('when a report is written', () => {
  it('TG_REPORT_FILE names it; a relative path is relative to the working dir', async () => {
    const root = writeStack({ 'live/a/terragrunt.hcl': '', 'live/b/terragrunt.hcl': moduleHcl(['../a']) });
    const r = await run(['run-all', 'plan', '--terragrunt-working-dir', 'live'], root, { TG_REPORT_FILE: 'reports/plan.csv' });
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(path.join(root, 'live', 'reports', 'plan.csv'), 'utf8');
    expect(csv.split('\n').slice(1, -1).map((l) => l.split(',')[0])).toEqual(['a', 'b']);
  });

  it('an unknown extension is a usage error before anything runs', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive', '--report-file', 'run.txt'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--report-file run\.txt: unknown report format "\.txt"; use a \.csv, \.json or \.html file\./);
    expect(r.stderr).not.toMatch(/will be processed/);
    expect(applies(root)).toEqual([]);
    expect(existsSync(path.join(root, 'run.txt'))).toBe(false);
  });

  it('no report when the configuration is bad and nothing ran', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': 'inputs = {\n' });
    const r = await run(['run-all', 'plan', '--report-file', 'run.json'], root);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(root, 'run.json'))).toBe(false);
  });

  it('a single-module run writes a one-row report named after its directory', async () => {
    const root = writeStack({ 'vpc/terragrunt.hcl': '' });
    const r = await run(['plan', '--report-file', 'run.json'], path.join(root, 'vpc'));
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(path.join(root, 'vpc', 'run.json'), 'utf8')) as JsonRow[];
    expect(rows.map((x) => [x.Name, x.Result])).toEqual([['vpc', 'succeeded']]);
  });

  it('an interrupted run still writes its report: running and waiting modules failed, cause "interrupted"', async () => {
    const root = writeStack({
      'slow/terragrunt.hcl': '',
      'slow/fake-tf.json': { sleepMs: 20_000, sleepAfterSigintMs: 100 },
      'slow/.terraform/keep': '', // initialised: no auto-init, apply starts at once
      'after/terragrunt.hcl': moduleHcl(['../slow']),
    });
    const child = startTgo(['run-all', 'apply', '--terragrunt-non-interactive', '--report-file', 'run.json', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv({ TZ: 'UTC' }) });
    const deadline = Date.now() + 120_000; // a wait for the apply to start, not a bound on how fast it does
    while (!applies(root).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(applies(root)).toHaveLength(1);
    child.kill('SIGINT');
    const r = await child.done;
    expect(r.code).toBe(130);
    const rows = JSON.parse(readFileSync(path.join(root, 'run.json'), 'utf8')) as JsonRow[];
    const by = Object.fromEntries(rows.map((x) => [x.Name, x]));
    expect(by.slow).toMatchObject({ Result: 'failed', Reason: 'run error' });
    expect(by.slow!.Cause).toMatch(/^interrupted/);
    expect(by.after).toMatchObject({ Result: 'failed', Reason: 'run error', Cause: 'interrupted before it could start' });
  });
});
