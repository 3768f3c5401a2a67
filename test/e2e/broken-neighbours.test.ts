/**
 * What a broken module can block (issue 10, item 5): a tree of 20 good modules (with dependencies) beside 3
 * broken ones — a syntax error, a dependency on a folder that does not exist, a read of a file that does not
 * exist. Left out of the queue (excluded, or not matched by an include) they are never evaluated and the run
 * succeeds; in the queue, nothing runs and all three errors are listed at once. render-json --all and
 * output-module-groups follow the same rule; find, list and dag graph show the broken units, as Terragrunt's
 * do. Fake terraform: what ran is read from its log.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

const GOOD = Array.from({ length: 20 }, (_, i) => `apps/app${String(i + 1).padStart(2, '0')}`);

/** app02 depends on app01, app03 on app02, every other one on app01 (each reads an output, mocked for plan). */
function goodModule(i: number): string {
  if (i === 0) return 'inputs = { name = "app01" }\n';
  const dep = i === 2 ? 'app02' : 'app01';
  return `dependency "up" {
  config_path  = "../${dep}"
  mock_outputs = { id = "mock" }
}
inputs = { up = dependency.up.outputs.id }
`;
}

const BROKEN: Record<string, string> = {
  'legacy/syntax/terragrunt.hcl': 'inputs = {\n  name = \n}\n',
  'legacy/missing-dep/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../vpc"\n}\n',
  'legacy/missing-file/terragrunt.hcl': 'locals {\n  common = read_terragrunt_config("../common.hcl")\n}\n',
};

/** The three errors, each with its file and line. */
const ERRORS = [
  /legacy\/syntax\/terragrunt\.hcl:2,\d+: Invalid expression/,
  /legacy\/missing-dep\/terragrunt\.hcl:1: dependency\.vpc\.config_path: legacy\/vpc does not exist/,
  /legacy\/missing-file\/terragrunt\.hcl:2,\d+: locals\.common: .*legacy\/common\.hcl does not exist/,
];

function tree(extra: Record<string, string> = {}): string {
  return writeStack({ ...Object.fromEntries(GOOD.map((m, i) => [`${m}/terragrunt.hcl`, goodModule(i)])), ...BROKEN, ...extra });
}

const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  tgo([...args, '--terragrunt-tfpath', tf.path, '--non-interactive'], { cwd, env: baseEnv(env) });

/** Module dirs (relative to root) where terraform ran `command`. */
function ran(root: string, command = 'plan'): string[] {
  return tf.records().filter((r) => r.cwd.startsWith(`${root}/`) && r.argv[0] === command).map((r) => path.relative(root, r.cwd)).sort();
}
const startedIn = (root: string) => tf.records().filter((r) => r.cwd.startsWith(`${root}/`));

describe('broken modules outside the queue cannot block a run', () => {
  it('selected (no flags): nothing runs and all three errors are listed', async () => {
    const root = tree();
    const r = await run(['run-all', 'plan'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 configuration errors, nothing was run');
    for (const e of ERRORS) expect(r.stderr).toMatch(e);
    expect(startedIn(root)).toEqual([]);
  });

  it('--queue-exclude-dir: the broken modules are never evaluated and the 20 good ones run', async () => {
    const root = tree();
    const r = await run(['run', '--all', 'plan', '--queue-exclude-dir', 'legacy/**'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root)).toEqual(GOOD);
    for (const m of ['legacy/missing-dep', 'legacy/missing-file', 'legacy/syntax']) {
      expect(r.stderr).toMatch(new RegExp(`${m}\\s+excluded\\s+-\\s+excluded by --queue-exclude-dir`));
    }
  });

  it('--terragrunt-exclude-dir naming each folder, and the TERRAGRUNT_EXCLUDE_DIR twin (checked with find: same loading)', async () => {
    const root = tree();
    const flags = Object.keys(BROKEN).flatMap((f) => ['--terragrunt-exclude-dir', path.dirname(f)]);
    const r = await run(['find', ...flags], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(GOOD.map((m) => `${m}\n`).join(''));
    const viaEnv = await run(['find'], root, { TERRAGRUNT_EXCLUDE_DIR: 'legacy/syntax,legacy/missing-*' });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(viaEnv.stdout).toBe(r.stdout);
  });

  it('unselected: outside --terragrunt-include-dir (with its dependencies brought in, or strict)', async () => {
    const root = tree();
    const r = await run(['run-all', 'plan', '--terragrunt-include-dir', 'apps/app03'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root)).toEqual(['apps/app01', 'apps/app02', 'apps/app03']);
    const root2 = tree();
    const strict = await run(['run-all', 'plan', '--terragrunt-include-dir', 'apps/app03', '--queue-strict-include'], root2);
    expect(strict.code, strict.stderr).toBe(0);
    expect(ran(root2)).toEqual(['apps/app03']);
  });

  it('an excluded broken module that a queued module depends on is needed (its outputs): its error stops the run', async () => {
    const root = tree({ 'apps/app21/terragrunt.hcl': 'dependency "old" {\n  config_path = "../../legacy/syntax"\n}\n' });
    const r = await run(['run-all', 'plan', '--queue-exclude-dir', 'legacy/**'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(ERRORS[0]!);
    // Only the needed one: the other two were never evaluated.
    expect(r.stderr).not.toMatch(/missing-dep|missing-file/);
    expect(startedIn(root)).toEqual([]);
  });
});

describe('inspection commands follow the same rule', () => {
  let root: string;
  beforeAll(() => {
    root = tree();
  });

  for (const cmd of [['render-json', '--all'], ['output-module-groups']]) {
    it(`${cmd.join(' ')}: all three errors when selected, none when excluded`, async () => {
      const bad = await run(cmd, root);
      expect(bad.code).toBe(1);
      for (const e of ERRORS) expect(bad.stderr).toMatch(e);
      const ok = await run([...cmd, '--queue-exclude-dir', 'legacy/**'], root);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('app20');
      expect(ok.stdout).not.toContain('legacy');
    });
  }

  // Terragrunt's find, list and dag graph discover with WithSuppressParseErrors (internal/discovery/constructor.go
  // NewForDiscoveryCommand; dag graph is list --dag): a unit whose configuration fails is still shown.
  it('find, list and dag graph (graph-dependencies) show the broken units too, without their dependencies', async () => {
    const units = [...GOOD, 'legacy/missing-dep', 'legacy/missing-file', 'legacy/syntax'];
    const f = await run(['find'], root);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toBe(units.map((m) => `${m}\n`).join(''));
    expect(f.stderr).toBe('');
    const l = await run(['find', '--json', '--dependencies'], root);
    expect(l.code, l.stderr).toBe(0);
    const listed = JSON.parse(l.stdout) as { path: string; dependencies: string[] }[];
    expect(listed.map((u) => u.path)).toEqual(units);
    expect(listed.find((u) => u.path === 'apps/app03')!.dependencies).toEqual(['apps/app02']);
    expect(listed.find((u) => u.path === 'legacy/syntax')!.dependencies).toEqual([]);
    const g = await run(['graph-dependencies'], root);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toContain('\t"legacy/syntax" ;\n');
    expect(g.stdout).toContain('\t"apps/app03" -> "apps/app02";\n');
    // The reason is there at debug level, as Terragrunt's "Suppressed parse error".
    const debug = await run(['find', '--log-level', 'debug'], root);
    expect(debug.stderr).toMatch(/legacy\/syntax: configuration not loaded, shown without it: legacy\/syntax\/terragrunt\.hcl:2,\d+: Invalid expression/);
  });

  it('output-module-groups lists what run-all would run: the include dir and its dependencies, one per group', async () => {
    const r = await run(['output-module-groups', '--terragrunt-include-dir', 'apps/app02'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ 'Group 1': [path.join(root, 'apps/app01')], 'Group 2': [path.join(root, 'apps/app02')] });
  });
});
