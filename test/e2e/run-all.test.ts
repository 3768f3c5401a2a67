/**
 * run-all behaviour with a fake terraform that records every start (argv, cwd, env, log order): ordering in
 * both directions, the parallelism bound, failure propagation and exit codes, the run-all argument additions,
 * the confirmation prompt, auto-init, output prefixes, and bad input that must start no terraform at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform, type FakeTfRecord } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { moduleHcl, writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

/** Records of this stack only (the fake's log is shared by the file's tests), main command only. */
function runs(root: string, command?: string): FakeTfRecord[] {
  return tf.records().filter((r) => r.cwd.startsWith(root) && r.end !== undefined && (!command || r.argv[0] === command));
}
const mod = (root: string, r: FakeTfRecord) => path.relative(root, r.cwd);
const run = (args: string[], cwd: string, input?: string, env: Record<string, string | undefined> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf.path], { cwd, input, env: baseEnv(env) });

describe('ordering', () => {
  // Order is read from the fake's log (startSeq/endSeq: one append per record), never from clocks. vpc does
  // not finish until dns has started: were dns held back behind vpc, vpc would give up waiting and fail.
  const layout = () => writeStack({
    'vpc/terragrunt.hcl': moduleHcl(), 'vpc/.terraform/keep': '',
    'vpc/fake-tf.json': { waitForFile: '../dns/.running', waitTimeoutMs: 20_000 },
    'db/terragrunt.hcl': moduleHcl(['../vpc']), 'db/.terraform/keep': '',
    'app/terragrunt.hcl': moduleHcl(['../db', '../vpc']), 'app/.terraform/keep': '',
    'dns/terragrunt.hcl': moduleHcl(), 'dns/.terraform/keep': '',
    'dns/fake-tf.json': { createOnStart: '.running' },
  });

  it('apply runs dependencies first; a module starts as soon as its own dependencies finish', async () => {
    const root = layout();
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
    expect(r.code, r.stderr).toBe(0);
    const at = Object.fromEntries(runs(root, 'apply').map((x) => [mod(root, x), x]));
    expect(Object.keys(at).sort()).toEqual(['app', 'db', 'dns', 'vpc']);
    expect(at.db!.startSeq).toBeGreaterThan(at.vpc!.endSeq!);
    expect(at.app!.startSeq).toBeGreaterThan(at.db!.endSeq!);
    expect(at.dns!.startSeq).toBeLessThan(at.vpc!.endSeq!); // independent: not held back by vpc
  });

  it('destroy runs dependents first', async () => {
    const root = layout();
    const r = await run(['run-all', 'destroy', '--terragrunt-non-interactive'], root);
    expect(r.code, r.stderr).toBe(0);
    const at = Object.fromEntries(runs(root, 'destroy').map((x) => [mod(root, x), x]));
    expect(at.db!.startSeq).toBeGreaterThan(at.app!.endSeq!);
    expect(at.vpc!.startSeq).toBeGreaterThan(at.db!.endSeq!);
    expect(at.vpc!.argv).toEqual(['destroy', '-auto-approve']);
  });

  it('plan -destroy also runs dependents first', async () => {
    const root = layout();
    expect((await run(['run-all', 'plan', '-destroy'], root)).code).toBe(0);
    const at = Object.fromEntries(runs(root, 'plan').map((x) => [mod(root, x), x]));
    expect(at.vpc!.startSeq).toBeGreaterThan(at.db!.endSeq!);
  });

  it('never runs more modules at once than --terragrunt-parallelism, and does run that many', async () => {
    // The first three wait at a barrier until three are running: reached only if tgo runs three at once.
    const files: Record<string, object | string> = {};
    for (let i = 0; i < 8; i++) {
      files[`m${i}/terragrunt.hcl`] = '';
      files[`m${i}/fake-tf.json`] = { barrier: { dir: '../.barrier', count: 3 }, waitTimeoutMs: 20_000, sleepMs: 100 };
      files[`m${i}/.terraform/keep`] = '';
    }
    const root = writeStack(files);
    const r = await run(['run-all', 'plan', '--terragrunt-parallelism', '3'], root);
    expect(r.code, r.stderr).toBe(0);
    const spans = runs(root, 'plan');
    expect(spans).toHaveLength(8);
    // Most terraforms in flight at once, counted along the log: started and not yet ended.
    const events = spans.flatMap((s) => [{ seq: s.startSeq, d: 1 }, { seq: s.endSeq!, d: -1 }]).sort((a, b) => a.seq - b.seq);
    let cur = 0;
    let max = 0;
    for (const e of events) max = Math.max(max, (cur += e.d));
    expect(max).toBe(3);
  });
});

describe('failures', () => {
  it('a failed module\'s dependents do not run, independent modules do, and the exit code is the module\'s', async () => {
    const root = writeStack({
      'vpc/terragrunt.hcl': '',
      'vpc/fake-tf.json': { failOn: ['apply'], exitCode: 3, stderr: 'Error: quota exceeded' },
      'app/terragrunt.hcl': moduleHcl(['../vpc']),
      'dns/terragrunt.hcl': '',
    });
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
    expect(r.code).toBe(3);
    expect(runs(root, 'apply').map((x) => mod(root, x)).sort()).toEqual(['dns', 'vpc']);
    expect(r.stderr).toMatch(/\[app\] early exit: dependency vpc did not succeed/);
    expect(r.stderr).toMatch(/\[vpc\] Error: quota exceeded/);
    expect(r.stderr).toMatch(/Failed\s+1/);
    expect(r.stderr).toMatch(/Early exit\s+1/);
  });

  it('two failures exit 1', async () => {
    const root = writeStack({
      'a/terragrunt.hcl': '', 'a/fake-tf.json': { exitCode: 3 },
      'b/terragrunt.hcl': '', 'b/fake-tf.json': { exitCode: 4 },
    });
    expect((await run(['run-all', 'plan'], root)).code).toBe(1);
  });
});

describe('arguments and environment', () => {
  it('adds -input=false and -auto-approve under run-all, keeping the user\'s args in order', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': 'inputs = {\n  name = "a"\n  tags = { team = "x" }\n  count = 2\n}\n' });
    const r = await run(['run-all', 'apply', '-lock=false', '--terragrunt-non-interactive', '-var', 'x=1'], root, undefined, { TF_VAR_count: '5' });
    expect(r.code, r.stderr).toBe(0);
    const [rec] = runs(root, 'apply');
    expect(rec!.argv).toEqual(['apply', '-input=false', '-auto-approve', '-lock=false', '-var', 'x=1']);
    // inputs → TF_VAR_*: strings raw, others JSON; a TF_VAR_ already set wins.
    expect(rec!.env).toMatchObject({ TF_VAR_name: 'a', TF_VAR_tags: '{"team":"x"}', TF_VAR_count: '5' });
  });

  it('prefixes every output line with the module path, keeping stdout and stderr apart', async () => {
    const root = writeStack({ 'net/vpc/terragrunt.hcl': '', 'net/vpc/fake-tf.json': { stdout: 'hello\nworld', stderr: 'careful' } });
    const r = await run(['run-all', 'plan'], root);
    expect(r.stdout).toMatch(/^\[net\/vpc\] hello$/m);
    expect(r.stdout).toMatch(/^\[net\/vpc\] world$/m);
    expect(r.stderr).toMatch(/^\[net\/vpc\] careful$/m);
    expect(r.stdout).not.toContain('careful');
  });

  it('runs terraform init first when a module has no .terraform, and not again after', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    await run(['run-all', 'plan'], root);
    await run(['run-all', 'plan'], root);
    expect(runs(root).map((x) => x.argv[0])).toEqual(['init', 'plan', 'plan']);
    const root2 = writeStack({ 'a/terragrunt.hcl': '' });
    await run(['run-all', 'plan', '--terragrunt-no-auto-init'], root2);
    expect(runs(root2).map((x) => x.argv[0])).toEqual(['plan']);
  });

  it('single-module run: terraform gets the args verbatim (no run-all additions)', async () => {
    const root = writeStack({ 'terragrunt.hcl': '' });
    const r = await run(['apply', '-target=x'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(runs(root, 'apply')[0]!.argv).toEqual(['apply', '-target=x']);
  });
});

describe('confirmation', () => {
  const one = () => writeStack({ 'a/terragrunt.hcl': '' });
  it('asks once before apply; "n" runs nothing and exits 0', async () => {
    const root = one();
    const r = await run(['run-all', 'apply'], root, 'n\n');
    expect(r.stderr).toContain("Are you sure you want to run 'tgo apply' in each folder of the stack described above? (y/n)");
    expect(r.code).toBe(0);
    expect(runs(root)).toHaveLength(0);
  });
  it('with no answer on stdin, nothing runs', async () => {
    const root = one();
    const r = await run(['run-all', 'apply'], root, '');
    expect(runs(root)).toHaveLength(0);
    expect(r.stderr).toMatch(/not confirmed/);
  });
  it('"y" runs; destroy asks with a warning', async () => {
    const root = one();
    expect((await run(['run-all', 'apply'], root, 'y\n')).code).toBe(0);
    expect(runs(root, 'apply')).toHaveLength(1);
    const d = await run(['run-all', 'destroy'], root, 'yes\n');
    expect(d.stderr).toContain("WARNING: Are you sure you want to run 'tgo destroy' in each folder of the stack described above? There is no undo!");
    expect(runs(root, 'destroy')).toHaveLength(1);
  });
  it('TF_INPUT=false answers yes', async () => {
    const root = one();
    expect((await run(['run-all', 'apply'], root, '', { TF_INPUT: 'false' })).code).toBe(0);
    expect(runs(root, 'apply')).toHaveLength(1);
  });
});

describe('bad input never half-runs: one clear error, non-zero exit, no terraform started', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['malformed HCL', { 'a/terragrunt.hcl': '', 'b/terragrunt.hcl': 'inputs = {\n  x = \n}\n' }, /b\/terragrunt\.hcl:\d+/],
    ['unknown function', { 'a/terragrunt.hcl': '', 'b/terragrunt.hcl': 'locals {\n  role = fromat("x")\n}\n' },
      /b\/terragrunt\.hcl:2,\d+: locals\.role: .*no function named "fromat".*Did you mean "format"\?/],
    ['missing include file', { 'a/terragrunt.hcl': 'include "root" {\n  path = "../nope.hcl"\n}\n' }, /^ERROR a\/terragrunt\.hcl:1: include\.root: nope\.hcl does not exist$/m],
    ['dependency path that does not exist', { 'a/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../vpc"\n}\n' },
      /a\/terragrunt\.hcl:1: dependency\.vpc\.config_path: vpc does not exist/],
    ['invalid role ARN', { 'a/terragrunt.hcl': '', 'b/terragrunt.hcl': 'iam_role = "arn:aws:iam::123:user/bob"\n' }, /b\/terragrunt\.hcl:1: invalid IAM role ARN/],
    ['duration out of range', { 'a/terragrunt.hcl': 'iam_role = "arn:aws:iam::111111111111:role/x"\niam_assume_role_duration = 60\n' },
      /a\/terragrunt\.hcl:2: iam_assume_role_duration must be between 900 and 43200 seconds, got 60/],
    ['bad session name', { 'a/terragrunt.hcl': 'iam_role = "arn:aws:iam::111111111111:role/x"\niam_assume_role_session_name = "no spaces allowed"\n' },
      /invalid session name "no spaces allowed"/],
    ['dependency cycle', { 'a/terragrunt.hcl': moduleHcl(['../b']), 'b/terragrunt.hcl': moduleHcl(['../a']) },
      /Found a dependency cycle between modules: a -> b -> a/],
    ['locals cycle', { 'a/terragrunt.hcl': 'locals {\n  x = local.y\n  y = local.x\n}\n' }, /cycle in locals: [xy] -> [xy] -> [xy]/],
    ['unknown attribute', { 'a/terragrunt.hcl': 'iam_rol = "arn:aws:iam::111111111111:role/x"\n' }, /a\/terragrunt\.hcl:1,1: Unsupported argument.*"iam_rol".*Did you mean "iam_role"\?/],
    ['duplicate block label', { 'a/terragrunt.hcl': 'generate "p" {\n  path = "a"\n  if_exists = "overwrite"\n  contents = ""\n}\ngenerate "p" {\n  path = "b"\n  if_exists = "overwrite"\n  contents = ""\n}\n' },
      /a\/terragrunt\.hcl:6: Detected generate blocks with the same name: \[p\]/],
  ];
  it.each(cases)('%s', async (_name, files, message) => {
    const root = writeStack(files);
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(runs(root)).toHaveLength(0);
  });

  it('an invalid flag value from the environment', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const r = await run(['run-all', 'plan'], root, undefined, { TG_IAM_ASSUME_ROLE_DURATION: 'soon', TG_IAM_ASSUME_ROLE: 'arn:aws:iam::111111111111:role/x' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TG_IAM_ASSUME_ROLE_DURATION: iam_assume_role_duration must be a whole number of seconds, got "soon"/);
    expect(runs(root)).toHaveLength(0);
  });

  it.each([['import'], ['taint'], ['untaint'], ['console'], ['force-unlock']])('run-all %s is refused with a reason', async (cmd) => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const r = await run(['run-all', cmd], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${cmd} with run-all is disabled: `));
    expect(runs(root)).toHaveLength(0);
  });

  it('an unknown terraform command is caught before anything runs', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const r = await run(['run-all', 'aply'], root);
    expect(r.stderr).toMatch(/Unknown terraform command "aply"\. Did you mean "apply"\?/);
    expect(runs(root)).toHaveLength(0);
  });

  it('an empty directory says there is nothing to run', async () => {
    const root = writeStack({ 'README.md': '' });
    const r = await run(['run-all', 'plan'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no terragrunt\.hcl or terragrunt\.hcl\.json found/);
  });
});
