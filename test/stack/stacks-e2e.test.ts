/**
 * Terragrunt Stacks end to end with the real CLI and real terraform (local state): a live stack file with two
 * nested environment stacks and a unit beside it (modelled on Terragrunt's Stacks documentation) is generated,
 * applied in dependency order by run --all, read back with stack output in each format, and cleaned; bad stack
 * files stop the run with one located error and no terraform started.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { docsTree } from './catalog.js';

const run = (args: string[], cwd: string) => tgo(args, { cwd, env: baseEnv() });

describe('a documented stack tree with real terraform', () => {
  let live: string;
  beforeAll(() => {
    const root = docsTree();
    execFileSync('git', ['init', '-q', root]);
    live = path.join(root, 'live');
  });

  it('run --all generates the stacks and applies every unit, dependencies first', async () => {
    const r = await run(['run', '--all', 'apply', '--non-interactive'], live);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Generating stack dev from terragrunt.stack.hcl');
    expect(r.stderr).toContain('Generating unit database from .terragrunt-stack/prod/terragrunt.stack.hcl');
    // The app (beside the stack file) waited for prod's database, which waited for prod's vpc.
    const finished = [...r.stdout.matchAll(/^\[([^\]]+)\] .*Apply complete!/gm)].map((m) => m[1]);
    expect(finished.sort()).toEqual(['.terragrunt-stack/dev/.terragrunt-stack/database', '.terragrunt-stack/dev/.terragrunt-stack/vpc',
      '.terragrunt-stack/prod/.terragrunt-stack/database', '.terragrunt-stack/prod/.terragrunt-stack/vpc', 'app']);
    // Module output is printed as it comes: a module's "Apply complete!" precedes its dependents' start.
    const order = (m: string) => r.stdout.search(new RegExp(`^\\[${m.replace(/[./]/g, '\\$&')}\\] .*Apply complete!`, 'm'));
    expect(order('app')).toBeGreaterThan(0);
    expect(order('.terragrunt-stack/prod/.terragrunt-stack/vpc')).toBeLessThan(order('.terragrunt-stack/prod/.terragrunt-stack/database'));
    expect(order('.terragrunt-stack/prod/.terragrunt-stack/database')).toBeLessThan(order('app'));
  });

  it('stack output prints every unit\'s outputs keyed by stack and unit, in HCL, JSON and raw', async () => {
    const json = await run(['stack', 'output', '--format', 'json'], live);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      app: { name: 'app', summary: 'app||prod-db' },
      dev: { database: { name: 'dev-db', summary: 'dev-db||dev-vpc' }, vpc: { name: 'dev-vpc', summary: 'dev-vpc|10.0.0.0/16|' } },
      prod: { database: { name: 'prod-db', summary: 'prod-db||prod-vpc' }, vpc: { name: 'prod-vpc', summary: 'prod-vpc|10.1.0.0/16|' } },
    });
    const hcl = await run(['stack', 'output', 'dev.vpc'], live);
    expect(hcl.code, hcl.stderr).toBe(0);
    expect(hcl.stdout).toBe('dev = {\n  vpc = {\n    name    = "dev-vpc"\n    summary = "dev-vpc|10.0.0.0/16|"\n  }\n}\n');
    const raw = await run(['stack', 'output', '--raw', 'prod.database.summary'], live);
    expect(raw.code, raw.stderr).toBe(0);
    expect(raw.stdout).toBe('prod-db||prod-vpc');
  });

  it('stack run plan finds nothing to change; stack clean removes what was generated', async () => {
    const plan = await run(['stack', 'run', 'plan', '-detailed-exitcode'], live);
    expect(plan.code, plan.stderr).toBe(0);
    const clean = await run(['stack', 'clean'], live);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).toContain('Deleting stack directory: .terragrunt-stack');
    expect(existsSync(path.join(live, '.terragrunt-stack'))).toBe(false);
  });
});

describe('bad stack files: one error with file and line, no terraform started', () => {
  let tf: FakeTerraform;
  beforeAll(async () => {
    tf = await makeFakeTerraform();
  });
  const cases: [string, string, string][] = [
    ['a unit without source', 'unit "a" {\n  path = "a"\n}\n', 'terragrunt.stack.hcl:1: unit.a: Missing required argument: the argument "source" is required.'],
    ['duplicate unit names', 'unit "a" {\n  source = "../units/a"\n  path = "a"\n}\nunit "a" {\n  source = "../units/a"\n  path = "b"\n}\n',
      'terragrunt.stack.hcl:5: Duplicate unit "a": a block with this label is already defined at line 1.'],
    ['a path escaping the stack dir', 'unit "a" {\n  source = "../units/a"\n  path = "../../x"\n}\n',
      'terragrunt.stack.hcl:1: unit.a.path: path "../../x" leads outside the stack directory .terragrunt-stack'],
  ];
  for (const [what, text, message] of cases) {
    it(what, async () => {
      const root = writeStack({ 'units/a/terragrunt.hcl': '', 'live/other/terragrunt.hcl': '', 'live/terragrunt.stack.hcl': text });
      const r = await tgo(['run', '--all', 'plan', '--tf-path', tf.path], { cwd: path.join(root, 'live'), env: baseEnv() });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`ERROR ${message}`);
      expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
    });
  }

  it('a broken stack file in a folder --queue-exclude-dir names is never read: the rest is generated and runs', async () => {
    const root = writeStack({
      'units/a/terragrunt.hcl': '',
      'live/good/terragrunt.stack.hcl': 'unit "a" {\n  source = "../../units/a"\n  path = "a"\n}\n',
      'live/legacy/old/terragrunt.stack.hcl': 'unit "a" {\n  path = \n}\n',
    });
    const live = path.join(root, 'live');
    const bad = await tgo(['run', '--all', 'plan', '--tf-path', tf.path], { cwd: live, env: baseEnv() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ERROR legacy\/old\/terragrunt\.stack\.hcl:2,\d+: /);
    const r = await tgo(['run', '--all', 'plan', '--tf-path', tf.path, '--queue-exclude-dir', 'legacy/**'], { cwd: live, env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(tf.records().filter((x) => x.cwd.startsWith(root) && x.argv[0] === 'plan').map((x) => path.relative(live, x.cwd))).toEqual(['good/.terragrunt-stack/a']);
    expect(existsSync(path.join(live, 'legacy/old/.terragrunt-stack'))).toBe(false);
  });

  it('a unit reading a value its block does not set: the unit\'s file and line, nothing run', async () => {
    const root = writeStack({
      'units/a/terragrunt.hcl': 'inputs = {\n  name = values.name\n  size = values.size\n}\n',
      'live/terragrunt.stack.hcl': 'unit "a" {\n  source = "../units/a"\n  path = "a"\n  values = { name = "x" }\n}\n',
      'live/other/terragrunt.hcl': '',
    });
    const r = await tgo(['run', '--all', 'plan', '--tf-path', tf.path], { cwd: path.join(root, 'live'), env: baseEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ERROR \.terragrunt-stack\/a\/terragrunt\.hcl:3,\d+: inputs: Unsupported attribute: .*"size"/);
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
  });
});
