/**
 * Terragrunt 1.x's --filter query language (docs: features/filter/*; code: internal/filter, the discovery that
 * applies it, internal/cli/flags/shared/filter.go and queue.go): which units `find` (and so run --all, which
 * selects the same way) gets for each kind of expression, on a tree of our own. The selection matrix runs
 * in-process (options parsed from argv as the CLI does); the CLI cases check what a user sees: the listing,
 * the filters file, and a bad filter's diagnostic with nothing run.
 *
 * Tree (working dir live/): prod/vpc → ../../ext/iam (outside), prod/db → prod/vpc, prod/app → prod/db and
 * reads shared.hcl, dev/vpc, dev/app → dev/vpc, "my stuff/tool".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, run } from './support.js';
import { baseEnv } from '../support/tgo.js';
import { runOptions } from '../../src/cli/options.js';
import { createLoader, loadStack } from '../../src/run/stack.js';
import { selectForRun } from '../../src/run/selection.js';

const deps = (...p: string[]) => `dependencies {\n  paths = [${p.map((x) => JSON.stringify(x)).join(', ')}]\n}\n`;
const root = fixture({
  'live/prod/vpc/terragrunt.hcl': deps('../../../ext/iam'),
  'live/prod/db/terragrunt.hcl': deps('../vpc'),
  'live/prod/app/terragrunt.hcl': `locals {\n  shared = read_terragrunt_config("../../shared.hcl")\n}\n${deps('../db')}`,
  'live/dev/vpc/terragrunt.hcl': '# dev vpc\n',
  'live/dev/app/terragrunt.hcl': deps('../vpc'),
  'live/my stuff/tool/terragrunt.hcl': '# tool\n',
  'live/shared.hcl': 'locals {\n  region = "eu-west-1"\n}\n',
  'ext/iam/terragrunt.hcl': '# iam\n',
});
const live = path.join(root, 'live');
const ALL = ['dev/app', 'dev/vpc', 'my stuff/tool', 'prod/app', 'prod/db', 'prod/vpc'];

/** What `find <args>` selects, in-process: paths relative to live/ (outside ones as ../…). */
async function selected(args: string[], env: Record<string, string> = {}): Promise<{ ids: string[]; warnings: string[] }> {
  const opts = runOptions(args, baseEnv(env), live, true);
  const sel = await selectForRun(opts, loadStack(opts, createLoader(opts)), async () => false);
  return { ids: sel.ids.map((d) => path.relative(live, d)).sort(), warnings: sel.warnings };
}
const find = async (...filters: string[]) => (await selected(filters.flatMap((f) => ['--filter', f]))).ids;

describe('name, path and attribute expressions (features/filter/name, path, attributes)', () => {
  it.each([
    [['vpc'], ['dev/vpc', 'prod/vpc']],
    [['name=app'], ['dev/app', 'prod/app']],
    [['v*'], ['dev/vpc', 'prod/vpc']],
    [['./prod/**'], ['prod/app', 'prod/db', 'prod/vpc']],
    [['prod/*'], ['prod/app', 'prod/db', 'prod/vpc']],
    [['./prod'], []], // a path glob matches units, not folders above them
    [['{./my stuff/tool}'], ['my stuff/tool']],
    [['my stuff/tool'], ['my stuff/tool']],
    [['tool'], ['my stuff/tool']],
    [[`${live}/dev/*`], ['dev/app', 'dev/vpc']],
    [['type=unit'], ALL],
    [['!type=stack'], ALL],
    [['external=false'], ALL],
    [['external=true'], []], // only graph expressions reach units outside the working dir
    [['reading=shared.hcl'], ['prod/app']],
    [[`reading=${live}/shared.hcl`], ['prod/app']],
  ])('%j', async (filters, want) => {
    expect(await find(...filters)).toEqual(want);
  });
});

describe('negation, intersection and union (features/filter/combining)', () => {
  it.each([
    [['!./prod/**'], ['dev/app', 'dev/vpc', 'my stuff/tool']],
    [['./prod/** | name=app'], ['prod/app']],
    [['./prod/** | !name=app'], ['prod/db', 'prod/vpc']],
    [['./dev/** | type=unit | !name=vpc'], ['dev/app']],
    [['vpc', 'tool'], ['dev/vpc', 'my stuff/tool', 'prod/vpc']],
    [['vpc', '!./prod/**'], ['dev/vpc']],
    [['!./prod/**', 'vpc'], ['dev/vpc']], // negations apply last, whatever their order
    [['!./prod/** | name=vpc', 'name=db'], ['dev/vpc', 'prod/db']], // a mixed chain is a positive filter
    [['!vpc', '!app'], ['my stuff/tool', 'prod/db']],
  ])('%j', async (filters, want) => {
    expect(await find(...filters)).toEqual(want);
  });
});

describe('graph expressions (features/filter/graph)', () => {
  it.each([
    [['./prod/app...'], ['../ext/iam', 'prod/app', 'prod/db', 'prod/vpc']],
    [['./prod/app... | external=false'], ['prod/app', 'prod/db', 'prod/vpc']],
    [['./prod/app...1'], ['prod/app', 'prod/db']],
    [['^./prod/app...'], ['../ext/iam', 'prod/db', 'prod/vpc']],
    [['...vpc'], ['dev/app', 'dev/vpc', 'prod/app', 'prod/db', 'prod/vpc']],
    [['...^./prod/vpc'], ['prod/app', 'prod/db']],
    [['1...db'], ['prod/app', 'prod/db']],
    [['...db...'], ['../ext/iam', 'prod/app', 'prod/db', 'prod/vpc']],
    [['{./**}... | external=true'], ['../ext/iam']],
    [['tool...'], ['my stuff/tool']],
    [['vpc...', '!../ext/**'], ['dev/vpc', 'prod/vpc']],
  ])('%j', async (filters, want) => {
    expect(await find(...filters)).toEqual(want);
  });
});

describe('queue flags are the filters they alias (migrate/queue-to-filter)', () => {
  it('--queue-include-dir is a path filter, unioned with --filter; --queue-exclude-dir a negation', async () => {
    expect((await selected(['--queue-include-dir', 'dev/vpc', '--filter', 'tool'])).ids).toEqual(['dev/vpc', 'my stuff/tool']);
    expect((await selected(['--filter', './prod/**', '--queue-exclude-dir', 'prod/db'])).ids).toEqual(['prod/app', 'prod/vpc']);
    expect((await selected(['--queue-include-units-reading', 'shared.hcl', '--filter', 'name=vpc'])).ids).toEqual(['dev/vpc', 'prod/app', 'prod/vpc']);
  });
  it('TG_FILTER sets filters too', async () => {
    expect((await selected([], { TG_FILTER: './dev/**' })).ids).toEqual(['dev/app', 'dev/vpc']);
  });
});

describe('filters files (features/filter/filters-file)', () => {
  it('.terragrunt-filters in the working dir applies unless --no-filters-file; --filters-file names another', async () => {
    writeFileSync(path.join(live, '.terragrunt-filters'), '# never the tool\n\n!tool\n./dev/**\n');
    writeFileSync(path.join(live, 'prod-only.txt'), './prod/**\n!./prod/db\n');
    try {
      expect((await selected([])).ids).toEqual(['dev/app', 'dev/vpc']);
      expect((await selected(['--no-filters-file'])).ids).toEqual(ALL);
      expect((await selected(['--filters-file', 'prod-only.txt'])).ids).toEqual(['prod/app', 'prod/vpc']);
      // Flags and the file are one union.
      expect((await selected(['--filter', 'tool'])).ids).toEqual(['dev/app', 'dev/vpc']);
      const r = await run(['find', '--filter', 'vpc'], live);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n').filter(Boolean)).toEqual(['dev/app', 'dev/vpc', 'prod/vpc']);
    } finally {
      rmSync(path.join(live, '.terragrunt-filters'));
      rmSync(path.join(live, 'prod-only.txt'));
    }
  });
  it('a named filters file that does not exist is an error, and so is a bad line, naming file and line', async () => {
    expect(() => runOptions(['--filters-file', 'missing.txt'], baseEnv(), live, true)).toThrow(/--filters-file: .*missing.txt does not exist/);
    writeFileSync(path.join(live, 'bad.txt'), './dev/**\n\n[main\n');
    try {
      expect(() => runOptions(['--filters-file', 'bad.txt'], baseEnv(), live, true)).toThrow(/--> --filters-file bad.txt:3 '\[main'/);
    } finally {
      rmSync(path.join(live, 'bad.txt'));
    }
  });
});

describe('what a user sees', () => {
  it('find and list print the selected units', async () => {
    const r = await run(['find', '--filter', './prod/** | !name=db'], live);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('prod/app\nprod/vpc\n');
    const l = await run(['list', '--filter', '...^./dev/vpc'], live);
    expect(l.code, l.stderr).toBe(0);
    expect(l.stdout.trim()).toBe('dev/app');
  });

  it('dag graph shows the selected units; hcl validate checks them; hcl fmt picks files by path (features/filter: special interactions)', async () => {
    const dot = await run(['dag', 'graph', '--filter', './prod/app...1'], live);
    expect(dot.code, dot.stderr).toBe(0);
    expect(dot.stdout).toBe('digraph {\n\t"prod/app" ;\n\t"prod/db" ;\n\t"prod/app" -> "prod/db";\n\t"prod/db" -> "prod/vpc";\n}\n');
    const valid = await run(['hcl', 'validate', '--filter', 'vpc'], live);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toBe('2 units: configuration valid\n');
    const messy = fixture({ 'prod/a/terragrunt.hcl': 'x   = 1\n', 'dev/b/terragrunt.hcl': 'x   = 1\n', 'root.hcl': 'y   = 2\n' });
    const fmt = await run(['hcl', 'fmt', '--check', '--filter', './prod/**/*.hcl', '--filter', './root.hcl'], messy);
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toContain('2 files need formatting:\n  prod/a/terragrunt.hcl\n  root.hcl\n');
    const byName = await run(['hcl', 'fmt', '--filter', 'root.hcl'], messy);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toContain("hcl fmt filters files by path only; 'name=root.hcl' needs discovered units (a path starts with ./ or /: './root.hcl')");
  });

  it('a bad filter is a usage error with the flag, the query and a caret at the position; every bad one is named', async () => {
    const r = await run(['find', '--filter', 'vpc', '--filter', './prod/** |', '--filter', 'HEAD^'], live);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(" --> --filter './prod/** |'\n\n     ./prod/** |\n                ^ Missing right-hand side of '|' operator");
    expect(r.stderr).toContain("hint: Git-based expressions require surrounding references with '[]'. Did you mean '[HEAD^]'?");
    const bad = await run(['find', '--filter', 'kind=unit'], live);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--filter 'kind=unit': unknown attribute key: kind");
  });

  it("refuses what tgo does not do: Terragrunt's bounded-discovery boundary, --discovery-boundary, --filter on commands that do not select", async () => {
    const boundary = await run(['find', '--filter', '(./prod)...vpc'], live);
    expect(boundary.code).toBe(1);
    expect(boundary.stderr).toContain('bounded-discovery experiment');
    const flag = await run(['find', '--discovery-boundary', 'prod'], live);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/--discovery-boundary is a Terragrunt flag .*that tgo does not implement/);
    // Terragrunt's components include stacks; tgo's selection has units only, so a filter for stacks is refused.
    for (const q of ['type=stack', 'name=prod | type=stack', '!type=unit']) {
      expect(() => runOptions(['--filter', q], baseEnv(), live, true)).toThrow(`--filter '${q}' selects stacks: tgo selects units only`);
    }
    const render = await run(['render', '--all', '--filter', 'vpc'], live);
    expect(render.code).toBe(1);
    expect(render.stderr).toContain('--filter is not used by tgo render');
  });
});

describe('git expressions (features/filter/git)', () => {
  const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
  // main: the tree above; HEAD~1: prod/vpc edited; HEAD: shared.hcl edited and dev/app removed.
  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    git('config', 'init.defaultBranch', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    appendFileSync(path.join(live, 'prod/vpc/terragrunt.hcl'), '# vpc changed\n');
    git('commit', '-qam', 'vpc');
    appendFileSync(path.join(live, 'shared.hcl'), '# shared changed\n');
    rmSync(path.join(live, 'dev/app'), { recursive: true });
    git('add', '-A');
    git('commit', '-qm', 'shared, dev/app removed');
  });

  it('[from...to] and [from] select the units changed between the commits: their own files and the files they read', async () => {
    expect(await find('[HEAD~1...HEAD]')).toEqual(['prod/app']);
    expect(await find('[HEAD~2]')).toEqual(['prod/app', 'prod/vpc']);
    expect(await find('[main...HEAD]')).toEqual(['prod/app', 'prod/vpc']);
    // An edit not committed is not part of a commit range.
    appendFileSync(path.join(live, 'dev/vpc/terragrunt.hcl'), '# uncommitted\n');
    try {
      expect(await find('[main]')).toEqual(['prod/app', 'prod/vpc']);
    } finally {
      git('checkout', '-q', '--', 'live/dev/vpc/terragrunt.hcl');
    }
  });

  it('composes: dependents or dependencies of what changed, a path chain, and --filter-affected for [<default branch>...HEAD]', async () => {
    expect(await find('...[HEAD~2]')).toEqual(['prod/app', 'prod/db', 'prod/vpc']);
    expect(await find('[HEAD~1]...')).toEqual(['../ext/iam', 'prod/app', 'prod/db', 'prod/vpc']);
    expect(await find('[main...HEAD] | ./prod/vpc')).toEqual(['prod/vpc']);
    expect(await find('./prod/** | ![main...HEAD]')).toEqual(['prod/db']);
    expect((await selected(['--filter-affected'])).ids).toEqual(['prod/app', 'prod/vpc']);
  });

  it('a removed unit is reported, not selected; with --filter-allow-destroy a run refuses to go on', async () => {
    const { ids, warnings } = await selected(['--filter', '[main...HEAD]']);
    expect(ids).toEqual(['prod/app', 'prod/vpc']);
    expect(warnings.join('\n')).toContain('The `dev/app` unit was removed between main and HEAD');
    const opts = runOptions(['--filter', '[main...HEAD]', '--filter-allow-destroy', '--', 'apply'], baseEnv(), live, true);
    await expect(selectForRun(opts, loadStack(opts, createLoader(opts)), async () => false)).rejects.toThrow(/cannot destroy it/);
  });

  it('refuses what tgo cannot do faithfully: a second reference other than HEAD, destroy, other commands', async () => {
    await expect(find('[HEAD~2...HEAD~1]')).rejects.toThrow(/the second reference must be the checked-out commit/);
    await expect(find('[nope]')).rejects.toThrow(/"nope" is not a commit/);
    for (const command of [['destroy'], ['plan', '-destroy'], ['output']]) {
      const opts = runOptions(['--filter', '[main]', '--', ...command], baseEnv(), live, true);
      await expect(selectForRun(opts, loadStack(opts, createLoader(opts)), async () => false))
        .rejects.toThrow(`Git-based filtering is not supported with the command '${command.join(' ')}'`);
    }
  });
});
