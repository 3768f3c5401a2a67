/**
 * run-all selection and output through the CLI, with the fake terraform: include/exclude globs and their env
 * twins, strict include, skip/exclude/prevent_destroy, external dependencies, fail-fast, raw output for
 * `output -json`, the merged --json-out, the summary with stderr tails, and the inspection commands.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform, type FakeTfRecord } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { startFakeSts } from '../support/fake-sts.js';
import { moduleHcl, writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});
function ran(root: string, command: string): string[] {
  return tf.records().filter((r: FakeTfRecord) => r.cwd.startsWith(root) && r.end !== undefined && r.argv[0] === command)
    .map((r) => path.relative(root, r.cwd)).sort();
}
const run = (args: string[], cwd: string, env: Record<string, string | undefined> = {}, input?: string) =>
  tgo([...args, '--terragrunt-tfpath', tf.path], { cwd, env: baseEnv(env), input });

const layout = () => writeStack({
  'prod/vpc/terragrunt.hcl': '',
  'prod/db/terragrunt.hcl': moduleHcl(['../vpc']),
  'prod/app/terragrunt.hcl': moduleHcl(['../db']),
  'dev/vpc/terragrunt.hcl': '',
  'dev/app/terragrunt.hcl': moduleHcl(['../vpc']),
});

describe('selection', () => {
  it('--terragrunt-include-dir with a glob brings dependencies', async () => {
    const root = layout();
    const r = await run(['run-all', 'plan', '--terragrunt-include-dir', 'prod/app'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root, 'plan')).toEqual(['prod/app', 'prod/db', 'prod/vpc']);
    expect(r.stderr).toMatch(/Excluded\s+2/);
  });

  it('--queue-include-dir with ** and --queue-strict-include', async () => {
    const root = layout();
    const r = await run(['run-all', 'plan', '--queue-include-dir', '**/app', '--queue-strict-include'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root, 'plan')).toEqual(['dev/app', 'prod/app']);
  });

  it('exclude-dir from the env twin (comma-separated) keeps a module out even as a dependency', async () => {
    const root = layout();
    const r = await run(['run-all', 'plan'], root, { TERRAGRUNT_EXCLUDE_DIR: 'prod/db,dev/*' });
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root, 'plan')).toEqual(['prod/app', 'prod/vpc']);
    expect(r.stderr).toMatch(/- Excluded prod\/db: excluded by TERRAGRUNT_EXCLUDE_DIR/); // the variable the user set
  });

  it('skip = true and prevent_destroy', async () => {
    const root = writeStack({
      'a/terragrunt.hcl': 'skip = true\n',
      'b/terragrunt.hcl': 'prevent_destroy = true\n',
      'c/terragrunt.hcl': '',
    });
    expect((await run(['run-all', 'plan'], root)).code).toBe(0);
    expect(ran(root, 'plan')).toEqual(['b', 'c']);
    const d = await run(['run-all', 'destroy', '--terragrunt-non-interactive'], root);
    expect(d.code, d.stderr).toBe(0);
    expect(ran(root, 'destroy')).toEqual(['c']);
    expect(d.stderr).toMatch(/- Excluded b: prevent_destroy = true/);
  });

  it('an external dependency is asked about; the answer decides', async () => {
    const root = writeStack({ 'shared/vpc/terragrunt.hcl': '', 'live/app/terragrunt.hcl': moduleHcl(['../../shared/vpc']) });
    const live = path.join(root, 'live');
    const no = await run(['run-all', 'plan'], live, {}, 'n\n');
    expect(no.stderr).toMatch(/External dependency:\s+\S*shared\/vpc/);
    expect(ran(root, 'plan')).toEqual(['live/app']);
    const yes = await run(['run-all', 'plan', '--terragrunt-include-external-dependencies'], live);
    expect(yes.code, yes.stderr).toBe(0);
    expect(ran(root, 'plan')).toEqual(['live/app', 'live/app', 'shared/vpc']);
  });

  it('--fail-fast starts nothing new after the first failure', async () => {
    const root = writeStack({
      'a/terragrunt.hcl': '', 'a/fake-tf.json': { exitCode: 1, failOn: ['plan'] },
      'b/terragrunt.hcl': '', 'b/fake-tf.json': { sleepMs: 300 },
      'c/terragrunt.hcl': '', 'd/terragrunt.hcl': '',
    });
    const r = await run(['run-all', 'plan', '--terragrunt-parallelism', '2', '--fail-fast'], root);
    expect(r.code).toBe(1);
    expect(ran(root, 'plan')).toEqual(['a', 'b']);
    expect(r.stderr).toMatch(/Early exit\s+2/);
  });

  it('--terragrunt-ignore-dependency-errors runs dependents of a failure', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/fake-tf.json': { exitCode: 1, failOn: ['plan'] }, 'b/terragrunt.hcl': moduleHcl(['../a']) });
    const r = await run(['run-all', 'plan', '--terragrunt-ignore-dependency-errors'], root);
    expect(r.code).toBe(1);
    expect(ran(root, 'plan')).toEqual(['a', 'b']);
  });
});

describe('exit codes', () => {
  const changes = { exitCode: 2, failOn: ['plan'] };
  it('-detailed-exitcode aggregates: any change → 2, all clean → 0, any error → 1', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/fake-tf.json': changes, 'b/terragrunt.hcl': '' });
    const r = await run(['run-all', 'plan', '-detailed-exitcode'], root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Succeeded\s+2/); // a change is a success
    const clean = writeStack({ 'a/terragrunt.hcl': '', 'b/terragrunt.hcl': '' });
    expect((await run(['run-all', 'plan', '-detailed-exitcode'], clean)).code).toBe(0);
    const broken = writeStack({ 'a/terragrunt.hcl': '', 'a/fake-tf.json': changes, 'b/terragrunt.hcl': '', 'b/fake-tf.json': { exitCode: 1, failOn: ['plan'] } });
    expect((await run(['run-all', 'plan', '-detailed-exitcode'], broken)).code).toBe(1);
  });
  it('without -detailed-exitcode, a lone failed module\'s own exit code is tgo\'s', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/fake-tf.json': changes, 'b/terragrunt.hcl': '' });
    expect((await run(['run-all', 'plan'], root)).code).toBe(2);
  });
});

describe('dependency outputs', () => {
  it('a module\'s dependencies are read at the same time: each read waits until both have started', async () => {
    // Each dependency's `output -json` holds at a barrier for two: read one after the other, the first would
    // give up there (exit 97) and the plan would fail.
    const barrier = { dir: '../.reads', count: 2 };
    const root = writeStack({
      'vpc/terragrunt.hcl': '', 'vpc/.terraform/keep': '', 'vpc/fake-tf.json': { outputs: { id: 'vpc-1' }, barrier },
      'dns/terragrunt.hcl': '', 'dns/.terraform/keep': '', 'dns/fake-tf.json': { outputs: { zone: 'Z1' }, barrier },
      'app/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../vpc"\n}\ndependency "dns" {\n  config_path = "../dns"\n}\ninputs = {\n  ids = "${dependency.vpc.outputs.id}/${dependency.dns.outputs.zone}"\n}\n',
      'app/.terraform/keep': '',
    });
    const r = await run(['plan'], path.join(root, 'app'));
    expect(r.code, r.stderr).toBe(0);
    const plan = tf.records().find((x) => x.cwd === path.join(root, 'app') && x.argv[0] === 'plan')!;
    expect(plan.env.TF_VAR_ids).toBe('vpc-1/Z1');
  });
});

describe('output', () => {
  const outputs = () => writeStack({
    'vpc/terragrunt.hcl': '', 'vpc/fake-tf.json': { outputs: { vpc_id: 'vpc-1' } },
    'app/terragrunt.hcl': moduleHcl(['../vpc']), 'app/fake-tf.json': { outputs: { url: 'https://x' } },
  });
  it('run-all output -json prints raw JSON documents, no prefixes, no summary', async () => {
    const root = outputs();
    const r = await run(['run-all', 'output', '-json'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('[');
    expect(r.stdout).toContain('"vpc_id"');
    expect(r.stderr).not.toMatch(/Run summary/);
  });
  it('--json-out merges them into one object keyed by module path', async () => {
    const root = outputs();
    const r = await run(['run-all', 'output', '-json', '--json-out', 'all.json'], root);
    expect(r.code, r.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(path.join(root, 'all.json'), 'utf8'));
    expect(merged).toEqual({
      app: { url: { sensitive: false, type: 'string', value: 'https://x' } },
      vpc: { vpc_id: { sensitive: false, type: 'string', value: 'vpc-1' } },
    });
    const toStdout = await run(['run-all', 'output', '-json', '--json-out', '-'], root);
    expect(JSON.parse(toStdout.stdout).vpc.vpc_id.value).toBe('vpc-1');
  });
  it('the summary shows each module with its duration, and the last stderr lines of a failure', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/fake-tf.json': { exitCode: 2, failOn: ['plan'], stderr: 'Error: first\nError: the real cause' }, 'b/terragrunt.hcl': '' });
    const r = await run(['run-all', 'plan'], root);
    expect(r.stderr).toMatch(/Run summary: 2 modules/);
    expect(r.stderr).toMatch(/^ {2}a\s+failed\s+\S+\s+terraform plan exited with code 2$/m);
    expect(r.stderr).toMatch(/^\s+\| Error: the real cause$/m);
    expect(r.stderr).toMatch(/^ {2}b\s+succeeded\s+\d/m);
    expect((await run(['run-all', 'plan', '--summary-disable'], root)).stderr).not.toMatch(/Run summary/);
  });
});

describe('inspection commands', () => {
  it('render-json shows every AssumeRole parameter with its source, and get_aws_account_id answers for the role', async () => {
    const sts = await startFakeSts();
    try {
      const root = writeStack({
        'a/terragrunt.hcl': `iam_role = "arn:aws:iam::222222222222:role/deploy"
iam_assume_role_external_id = "ext-123"
iam_assume_role_session_tags = { team = "platform" }
inputs = {
  account = get_aws_account_id()
}
`,
      });
      const r = await run(['render-json', '--iam-assume-role-source-identity', 'alice'], path.join(root, 'a'),
        { AWS_ENDPOINT_URL_STS: sts.url, AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret' });
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.resolved_role.external_id).toEqual({ value: 'ext-123', source: 'terragrunt.hcl:2' });
      expect(j.resolved_role.session_tags).toEqual({ value: { team: 'platform' }, source: 'terragrunt.hcl:3' });
      expect(j.resolved_role.source_identity).toEqual({ value: 'alice', source: '--iam-assume-role-source-identity' });
      expect(j.inputs.account).toBe('222222222222');
    } finally {
      await sts.close();
    }
  });

  it('graph-dependencies prints DOT edges; output-module-groups prints groups', async () => {
    const root = layout();
    const dot = await run(['graph-dependencies'], root);
    expect(dot.code, dot.stderr).toBe(0);
    expect(dot.stdout).toContain('"prod/app" -> "prod/db";');
    expect(dot.stdout).toContain('"prod/db" -> "prod/vpc";');
    const groups = JSON.parse((await run(['output-module-groups'], root)).stdout);
    expect(Object.keys(groups)).toEqual(['Group 1', 'Group 2', 'Group 3']);
    expect(groups['Group 3']).toEqual([path.join(root, 'prod/app')]);
  });
  it('render-json --all shows each module and where its role came from', async () => {
    const root = writeStack({
      'root.hcl': 'iam_role = "arn:aws:iam::111111111111:role/parent"\niam_assume_role_duration = 1200\n',
      'a/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
      'b/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\niam_role = "arn:aws:iam::222222222222:role/child"\n',
    });
    const r = await run(['render-json', '--all'], root, { TG_IAM_ASSUME_ROLE_SESSION_NAME: 'audit' });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.a.resolved_role).toEqual({
      role_arn: { value: 'arn:aws:iam::111111111111:role/parent', source: 'included root.hcl:1' },
      duration_seconds: { value: 1200, source: 'included root.hcl:2' },
      session_name: { value: 'audit', source: 'TG_IAM_ASSUME_ROLE_SESSION_NAME' },
    });
    expect(j.b.resolved_role.role_arn).toEqual({ value: 'arn:aws:iam::222222222222:role/child', source: 'b/terragrunt.hcl:4' });
    const flag = JSON.parse((await run(['render-json', '--terragrunt-iam-role', 'arn:aws:iam::333333333333:role/cli'], path.join(root, 'b'))).stdout);
    expect(flag.resolved_role.role_arn).toEqual({ value: 'arn:aws:iam::333333333333:role/cli', source: '--terragrunt-iam-role' });
  });
});
