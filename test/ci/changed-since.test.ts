/**
 * --queue-include-units-changed-since REF on a git repository built here: each kind of change (a module's own
 * file, an included root file, a file read by read_terragrunt_config — directly, through another read file, and
 * from a cached read —, file(), templatefile(), mark_as_read(), a local terraform.source, an untracked file, a
 * nested module) selects exactly the modules it touches, plus their dependents for plan and apply only. The
 * change matrix runs the selection in-process (options parsed from argv as the CLI does); the CLI runs check
 * with the fake terraform that exactly those modules really ran, and that bad input runs nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { gitEnv } from './shape.js';
import { runOptions } from '../../src/cli/options.js';
import { createLoader, loadStack } from '../../src/run/stack.js';
import { selectForRun } from '../../src/run/selection.js';

let tf: FakeTerraform;
let root: string;

const git = (args: string[], cwd = root) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv });

const include = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n';
const dependsOn = (p: string) => `dependencies {\n  paths = ["${p}"]\n}\n`;

beforeAll(async () => {
  tf = await makeFakeTerraform();
  root = writeStack({
    'root.hcl': 'inputs = {\n  team = "platform"\n}\n',
    'live/a/terragrunt.hcl': include,
    'live/a/main.tf': '# a\n',
    'live/b/terragrunt.hcl': include,
    'live/g/terragrunt.hcl': dependsOn('../a'),
    'live/g2/terragrunt.hcl': dependsOn('../g'),
    'live/c/terragrunt.hcl': 'locals {\n  env = read_terragrunt_config("../../common/env.hcl")\n}\ninputs = local.env.inputs\n',
    'live/c2/terragrunt.hcl': 'locals {\n  env = read_terragrunt_config("../../common/env.hcl")\n}\n',
    'common/env.hcl': 'locals {\n  region = read_terragrunt_config("region.hcl")\n}\ninputs = {\n  region = local.region.inputs.name\n}\n',
    'common/region.hcl': 'inputs = {\n  name = "eu-west-1"\n}\n',
    'live/d/terragrunt.hcl': 'inputs = {\n  cfg = jsondecode(file("${get_repo_root()}/data/config.json"))\n}\n',
    'data/config.json': '{"size": 1}\n',
    'live/e/terragrunt.hcl': 'inputs = {\n  motd = templatefile("../../templates/motd.tpl", { name = "e" })\n}\n',
    'templates/motd.tpl': 'hello ${name}\n',
    'live/f/terragrunt.hcl': 'terraform {\n  source = "../../modules/net"\n}\n',
    'modules/net/main.tf': '# net\n',
    'live/h/terragrunt.hcl': 'locals {\n  marker = mark_as_read("../../shared/marker.txt")\n}\n',
    'shared/marker.txt': 'v1\n',
    'live/p/terragrunt.hcl': '',
    'live/p/q/terragrunt.hcl': '',
    'live/p/q/main.tf': '# q\n',
    '.gitignore': '.terragrunt-cache/\n.terraform/\n',
  });
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'base']);
  git(['tag', 'base']);
});

/** Back to the base commit with a clean tree, then apply `change` (and commit it unless told not to). */
function changeFromBase(change: () => void, commit = true): void {
  git(['reset', '-q', '--hard', 'base']);
  git(['clean', '-qfdx']);
  change();
  if (commit) {
    git(['add', '-A']);
    git(['commit', '-qm', 'change', '--allow-empty']);
  }
}

/** The modules `run --all <command> --queue-include-units-changed-since base` selects, in-process. */
async function selection(command: string, extra: string[] = [], tfArgs: string[] = []): Promise<{ ids: string[]; warnings: string[] }> {
  const live = path.join(root, 'live');
  const opts = runOptions(['--queue-include-units-changed-since', 'base', ...extra, '--', command, ...tfArgs], baseEnv(), live, true);
  const stack = loadStack(opts, createLoader(opts));
  const sel = await selectForRun(opts, stack, async () => false);
  return { ids: sel.ids.map((d) => path.relative(live, d)), warnings: sel.warnings };
}

/** The same through the CLI: which modules the fake terraform saw. */
async function selected(command: string, extra: string[] = []): Promise<{ ran: string[]; code: number | null; stderr: string }> {
  const before = new Set(tf.records().map((r) => r.pid));
  const r = await tgo(['run', '--all', '--non-interactive', '--queue-include-units-changed-since', 'base', ...extra, '--terragrunt-tfpath', tf.path, '--', command],
    { cwd: path.join(root, 'live'), env: baseEnv() });
  const ran = tf.records().filter((x) => !before.has(x.pid) && x.argv[0] === command).map((x) => path.relative(path.join(root, 'live'), x.cwd).split('/.terragrunt-cache')[0]!);
  return { ran: [...new Set(ran)].sort(), code: r.code, stderr: r.stderr };
}

const edit = (rel: string, text = '# changed\n') => appendFileSync(path.join(root, rel), text);

describe('--queue-include-units-changed-since', () => {
  const cases: { name: string; change: () => void; commit?: boolean; plan: string[]; validate: string[] }[] = [
    { name: 'a file in the module', change: () => edit('live/a/main.tf'), plan: ['a', 'g', 'g2'], validate: ['a'] },
    { name: 'the included root file', change: () => edit('root.hcl'), plan: ['a', 'b', 'g', 'g2'], validate: ['a', 'b'] },
    { name: 'a file read by read_terragrunt_config (two readers, one cached)', change: () => edit('common/env.hcl'), plan: ['c', 'c2'], validate: ['c', 'c2'] },
    { name: 'a file read by a read file', change: () => edit('common/region.hcl', '# r\n'), plan: ['c', 'c2'], validate: ['c', 'c2'] },
    { name: 'a file read by file()', change: () => writeFileSync(path.join(root, 'data/config.json'), '{"size": 2}\n'), plan: ['d'], validate: ['d'] },
    { name: 'a templatefile() template', change: () => edit('templates/motd.tpl', 'bye ${name}\n'), plan: ['e'], validate: ['e'] },
    { name: 'a file marked with mark_as_read()', change: () => edit('shared/marker.txt', 'v2\n'), plan: ['h'], validate: ['h'] },
    { name: 'the local terraform.source', change: () => edit('modules/net/main.tf'), plan: ['f'], validate: ['f'] },
    { name: 'a new file in the nested module only', change: () => edit('live/p/q/main.tf'), plan: ['p/q'], validate: ['p/q'] },
    {
      name: 'an uncommitted new file (untracked)',
      change: () => writeFileSync(path.join(root, 'live/b/extra.tf'), '# new\n'),
      commit: false,
      plan: ['b'],
      validate: ['b'],
    },
    { name: 'an unrelated file', change: () => writeFileSync(path.join(root, 'README.md'), 'docs\n'), plan: [], validate: [] },
  ];

  for (const c of cases) {
    it(`${c.name}: plan runs ${c.plan.join(', ') || 'nothing'}`, async () => {
      changeFromBase(c.change, c.commit ?? true);
      expect((await selection('plan')).ids).toEqual(c.plan);
      expect((await selection('apply')).ids).toEqual(c.plan);
      expect((await selection('validate')).ids).toEqual(c.validate);
    }, 30_000);
  }

  it('through the CLI, exactly the selected modules run; with no change nothing runs', async () => {
    changeFromBase(() => edit('root.hcl'));
    const plan = await selected('plan');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.ran).toEqual(['a', 'b', 'g', 'g2']);
    expect(plan.stderr).toMatch(/not changed since base/);
    // find prints the changed set itself (no command, so no dependents), as Terragrunt's JSON list of units.
    const find = await tgo(['find', '--changed-since', 'base', '--json'], { cwd: path.join(root, 'live'), env: baseEnv() });
    expect(find.code, find.stderr).toBe(0);
    expect(JSON.parse(find.stdout)).toEqual(['a', 'b'].map((p) => ({ type: 'unit', path: p })));
    changeFromBase(() => undefined);
    const none = await selected('plan');
    expect(none.code, none.stderr).toBe(0);
    expect(none.ran).toEqual([]);
    expect(none.stderr).toMatch(/Nothing to run/);
  }, 60_000);

  it('with an include dir: either selects (dependencies come only with the classic include dir)', async () => {
    changeFromBase(() => edit('modules/net/main.tf'));
    expect((await selection('plan', ['--terragrunt-include-dir', 'g'])).ids).toEqual(['a', 'f', 'g']);
    // Terragrunt 1.x: the current spelling selects the matching units only.
    expect((await selection('plan', ['--queue-include-dir', 'g'])).ids).toEqual(['f', 'g']);
  }, 30_000);

  it('a module deleted since the ref is named, not run', async () => {
    changeFromBase(() => rmSync(path.join(root, 'live/b'), { recursive: true }));
    const r = await selection('plan');
    expect(r.ids).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/b was removed since base: nothing runs it/);
  }, 30_000);

  it('a ref that does not exist, a directory outside git, and destroy are refused before anything runs', async () => {
    changeFromBase(() => edit('live/a/main.tf'));
    const before = tf.records().length;
    const bad = await tgo(['run', '--all', '--non-interactive', '--queue-include-units-changed-since', 'no-such-ref', '--terragrunt-tfpath', tf.path, '--', 'plan'],
      { cwd: path.join(root, 'live'), env: baseEnv() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"no-such-ref" is not a commit/);

    expect(tf.records().length).toBe(before);

    await expect(selection('destroy')).rejects.toThrow(/does not select modules to destroy/);
    await expect(selection('apply', [], ['-destroy'])).rejects.toThrow(/does not select modules to destroy/);
    const outside = writeStack({ 'x/terragrunt.hcl': '' });
    const opts = runOptions(['--changed-since', 'HEAD', 'plan'], baseEnv(), outside, true);
    await expect(selectForRun(opts, loadStack(opts, createLoader(opts)), async () => false)).rejects.toThrow(/is not inside a git repository/);
  }, 60_000);

  it('the env twin works and a single-module run refuses the flag', async () => {
    changeFromBase(() => edit('live/a/main.tf'));
    const r = await tgo(['run', '--all', '--non-interactive', '--terragrunt-tfpath', tf.path, '--', 'validate'],
      { cwd: path.join(root, 'live'), env: baseEnv({ TG_QUEUE_INCLUDE_UNITS_CHANGED_SINCE: 'base' }) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/not changed since base/);
    mkdirSync(path.join(root, 'live/a'), { recursive: true });
    const single = await tgo(['plan', '--changed-since', 'base', '--terragrunt-tfpath', tf.path], { cwd: path.join(root, 'live/a'), env: baseEnv() });
    expect(single.code).toBe(1);
    expect(single.stderr).toMatch(/use it with run --all/);
  }, 60_000);
});
