import { describe, expect, it } from 'vitest';
import { selectModules } from '../../src/discovery/select.js';
import type { ModuleConfig } from '../../src/config/types.js';

function cfg(dir: string, deps: string[] = [], extra: Partial<ModuleConfig> = {}): ModuleConfig {
  return { dir, configPath: `${dir}/terragrunt.hcl`, includes: [], locals: {}, iam: {}, dependencies: [], dependencyPaths: deps, inputs: {},
    terraform: { includeInCopy: [], excludeFromCopy: [], copyTerraformLockFile: true, extraArguments: [], beforeHooks: [], afterHooks: [], errorHooks: [] },
    generate: [], skip: false, preventDestroy: false, errors: { retry: [], ignore: [] }, deferred: [], ...extra };
}

async function select(mods: ModuleConfig[], o: Partial<Parameters<typeof selectModules>[0]> = {}, external: ModuleConfig[] = []) {
  const modules = new Map(mods.map((c) => [c.dir, c]));
  const ext = new Map(external.map((c) => [c.dir, c]));
  const all = new Map([...modules, ...ext]);
  const asked: string[] = [];
  const sel = await selectModules({
    modules, external: ext, workingDir: '/w', command: 'apply', destroy: false, includeDirs: [], excludeDirs: [], strictInclude: false,
    dependencies: (d) => all.get(d)?.dependencyPaths ?? [],
    runExternal: async (d) => { asked.push(d); return false; },
    ...o,
  });
  return { run: sel.run.map((d) => d.slice(3)), excluded: Object.fromEntries(sel.excluded.map((x) => [x.dir.slice(3), x.reason])), asked };
}

describe('selectModules', () => {
  const stack = [cfg('/w/vpc'), cfg('/w/db', ['/w/vpc']), cfg('/w/app', ['/w/db']), cfg('/w/dns')];
  it('include-dir brings dependencies transitively', async () => {
    expect((await select(stack, { includeDirs: ['app'] })).run).toEqual(['app', 'db', 'vpc']);
  });
  it('strict include runs only the matches', async () => {
    const r = await select(stack, { includeDirs: ['app'], strictInclude: true });
    expect(r.run).toEqual(['app']);
    expect(r.excluded.db).toMatch(/include-dir/);
  });
  it('an excluded module never runs, even as a dependency of an included one', async () => {
    const r = await select(stack, { includeDirs: ['app'], excludeDirs: ['db'] });
    expect(r.run).toEqual(['app', 'vpc']);
    expect(r.excluded.db).toBe('excluded by --terragrunt-exclude-dir');
  });
  it('skip, prevent_destroy under destroy, and the exclude block', async () => {
    const mods = [
      cfg('/w/a', [], { skip: true }),
      cfg('/w/b', [], { preventDestroy: true }),
      cfg('/w/c', ['/w/d'], { exclude: { if: true, actions: ['apply'], excludeDependencies: true, noRun: false } }),
      cfg('/w/d'),
      cfg('/w/e', [], { exclude: { if: false, actions: ['all'], excludeDependencies: false, noRun: false } }),
    ];
    const apply = await select(mods);
    expect(apply.run).toEqual(['b', 'e']);
    expect(apply.excluded).toMatchObject({ a: 'skip = true', c: 'exclude block', d: 'exclude block of c (exclude_dependencies)' });
    const destroy = await select(mods, { destroy: true, command: 'destroy' });
    expect(destroy.run).toEqual(['c', 'd', 'e']);
    expect(destroy.excluded.b).toBe('prevent_destroy = true');
  });
  it('asks about external dependencies; yes runs them, and never for destroy', async () => {
    const ext = [cfg('/other/shared')];
    const mods = [cfg('/w/app', ['/other/shared'])];
    const no = await select(mods, {}, ext);
    expect(no.asked).toEqual(['/other/shared']);
    expect(no.run).toEqual(['app']);
    const yes = await select(mods, { runExternal: async () => true }, ext);
    expect(yes.run).toContain('app');
    expect(yes.run.length).toBe(2);
    const destroy = await select(mods, { destroy: true, runExternal: async () => true }, ext);
    expect(destroy.run).toEqual(['app']);
  });
});
