// What filters select, against Terragrunt's evaluator and filter-set tests (internal/filter/evaluator_test.go,
// filters_test.go, filter_test.go): each describe names the Go test it mirrors. Components are plain records
// here; the graph is given by adjacency lists.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFilters, evaluate, FilterError, parseFilter, parseFilters, type Component, type EvalContext } from '../../../src/discovery/filter/index.js';

const WD = '/repo/live';
const unit = (rel: string, extra: Partial<Component> = {}): Component =>
  ({ path: path.resolve(WD, rel), kind: 'unit', external: rel.startsWith('..'), reading: [], sources: [], ...extra });
const rel = (cs: Component[]) => cs.map((c) => path.relative(WD, c.path) || '.').sort();

/** A context whose graph is `deps` (component → what it depends on, relative paths). */
function context(all: Component[], deps: Record<string, string[]>, extra: Partial<EvalContext> = {}): EvalContext {
  const by = new Map(all.map((c) => [path.relative(WD, c.path), c]));
  const get = (r: string) => by.get(r)!;
  return {
    workingDir: WD,
    dependencies: (c) => (deps[path.relative(WD, c.path)] ?? []).map(get),
    dependents: (c) => Object.entries(deps).filter(([, ds]) => ds.includes(path.relative(WD, c.path))).map(([k]) => get(k)),
    ...extra,
  };
}
const select = (q: string, cs: Component[], ctx: EvalContext = context(cs, {})) => rel(evaluate(parseFilter(q), cs, ctx));

describe('path filters (TestEvaluate_PathFilter)', () => {
  const cs = [unit('apps/app1'), unit('apps/app2'), unit('apps/nested/deep'), unit('libs/db'), unit('.')];
  it('matches relative to the working dir, * within a folder, ** across', () => {
    expect(select('./apps/*', cs)).toEqual(['apps/app1', 'apps/app2']);
    expect(select('./apps/**', cs)).toEqual(['apps/app1', 'apps/app2', 'apps/nested/deep']);
    expect(select('apps/app1', cs)).toEqual(['apps/app1']);
    expect(select('.', cs)).toEqual(['.']);
    expect(select('./nothing/*', cs)).toEqual([]);
  });
  it('matches an absolute pattern against the absolute path', () => {
    expect(select('/repo/live/libs/*', cs)).toEqual(['libs/db']);
    expect(select('{/repo/live/apps/nested/deep}', cs)).toEqual(['apps/nested/deep']);
  });
});

describe('attribute filters (TestEvaluate_AttributeFilter, _Reading, _Source)', () => {
  const cs = [unit('apps/app1'), unit('apps/app2', { reading: ['/repo/live/shared.hcl'] }), { ...unit('stacks/s1'), kind: 'stack' as const },
    unit('../ext/dep', { sources: ['git::git@github.com:acme/vpc.git'] }), unit('local', { sources: ['./module'], reading: ['/repo/live/common/x.yaml'] })];
  it('name= matches the folder name, a glob', () => {
    expect(select('name=app1', cs)).toEqual(['apps/app1']);
    expect(select('app*', cs)).toEqual(['apps/app1', 'apps/app2']);
  });
  it('type= and external=', () => {
    expect(select('type=stack', cs)).toEqual(['stacks/s1']);
    expect(select('type=unit', cs)).toHaveLength(4);
    expect(select('external=true', cs)).toEqual(['../ext/dep']);
    expect(select('external=false', cs)).toHaveLength(4);
  });
  it('reading= matches files read, relative to the working dir or absolute', () => {
    expect(select('reading=shared.hcl', cs)).toEqual(['apps/app2']);
    expect(select('reading=/repo/live/shared.hcl', cs)).toEqual(['apps/app2']);
    expect(select('reading=common/*.yaml', cs)).toEqual(['local']);
    expect(select('reading=other.hcl', cs)).toEqual([]);
  });
  it('source= matches terraform.source, a glob', () => {
    expect(select('source=./module', cs)).toEqual(['local']);
    expect(select('source=git::git@github.com:acme/**', cs)).toEqual(['../ext/dep']);
    expect(select('source=**github.com**', cs)).toEqual(['../ext/dep']);
  });
});

describe('negation and intersection (TestEvaluate_PrefixExpression, TestEvaluate_InfixExpression, TestFilters_EvaluateCompoundNegation)', () => {
  const cs = [unit('apps/app1'), unit('apps/app2'), unit('apps/legacy'), unit('libs/db'), unit('libs/api')];
  it.each([
    ['!legacy', ['apps/app1', 'apps/app2', 'libs/api', 'libs/db']],
    ['./apps/* | !name=legacy', ['apps/app1', 'apps/app2']],
    ['!name=app1 | ./apps/*', ['apps/app2', 'apps/legacy']],
    ['!./apps/* | name=app1', []],
    ['!name=app1 | !name=app2', ['apps/legacy', 'libs/api', 'libs/db']],
    ['!name=app1 | ./apps/* | !name=legacy', ['apps/app2']],
  ])('%s', (q, want) => expect(select(q, cs)).toEqual(want));
});

describe('several filters (TestFilters_Evaluate, TestFilters_EvaluateNegationsAreOrderIndependent)', () => {
  const cs = [unit('apps/app1'), unit('apps/app2'), unit('apps/legacy'), unit('libs/db'), unit('libs/api')];
  const many = (qs: string[]) => rel(applyFilters(parseFilters(qs.map((query) => ({ query, from: '--filter' }))), cs, context(cs, {})).selected);
  it('unions positives, then removes what each pure negation rejects', () => {
    expect(many([])).toHaveLength(5);
    expect(many(['./apps/app1', 'name=db'])).toEqual(['apps/app1', 'libs/db']);
    expect(many(['./apps/*', 'name=app1'])).toEqual(['apps/app1', 'apps/app2', 'apps/legacy']);
    expect(many(['./apps/*', '!legacy', '!app2'])).toEqual(['apps/app1']);
    expect(many(['!legacy', '!db'])).toEqual(['apps/app1', 'apps/app2', 'libs/api']);
    expect(many(['!legacy', './apps/*'])).toEqual(many(['./apps/*', '!legacy']));
  });
  it('a mixed chain is a positive filter, unioned like any other', () => {
    expect(many(['!./apps/** | name=db', 'name=app1'])).toEqual(['apps/app1', 'libs/db']);
  });
  it('says which filter left each component out', () => {
    const filters = parseFilters([{ query: './apps/*', from: '--filter' }, { query: '!legacy', from: 'TG_FILTER' }]);
    const { rejectedBy } = applyFilters(filters, cs, context(cs, {}));
    expect(rejectedBy.get(path.resolve(WD, 'apps/legacy'))?.from).toBe('TG_FILTER');
    expect(rejectedBy.has(path.resolve(WD, 'libs/db'))).toBe(true);
    expect(rejectedBy.get(path.resolve(WD, 'libs/db'))).toBeUndefined();
  });
  it('reports every bad filter at once, and unknown attributes before anything is evaluated', () => {
    let message = '';
    try {
      parseFilters([{ query: 'foo |', from: '--filter' }, { query: 'ok', from: '--filter' }, { query: '[main', from: 'TG_FILTER' }]);
    } catch (e) {
      expect(e).toBeInstanceOf(FilterError);
      message = (e as Error).message;
    }
    expect(message).toContain(" --> --filter 'foo |'");
    expect(message).toContain(" --> TG_FILTER '[main'");
    expect(() => parseFilters([{ query: 'colour=red', from: '--filter' }])).toThrow(/unknown attribute key: colour/);
    expect(() => parseFilters([{ query: 'type=module', from: '--filter' }])).toThrow(/invalid type value: module \(expected 'unit' or 'stack'\)/);
    expect(() => parseFilters([{ query: 'external=yes', from: '--filter' }])).toThrow(/invalid external value/);
  });
});

describe('graph expressions (TestEvaluate_GraphExpression, _ComplexGraph, _DepthLimited, _CircularDependencies)', () => {
  // service → db, cache; db → vpc; cache → vpc; vpc → ../shared/iam (outside the working dir).
  const cs = [unit('service'), unit('db'), unit('cache'), unit('vpc'), unit('other')];
  const iam = unit('../shared/iam');
  const deps = { service: ['db', 'cache'], db: ['vpc'], cache: ['vpc'], vpc: ['../shared/iam'] };
  const ctx = context([...cs, iam], deps);
  it('target... brings dependencies, including those outside the working dir', () => {
    expect(select('service...', cs, ctx)).toEqual(['../shared/iam', 'cache', 'db', 'service', 'vpc']);
    expect(select('service... | external=false', cs, ctx)).toEqual(['cache', 'db', 'service', 'vpc']);
  });
  it('...target brings dependents; both; ^ leaves the target out', () => {
    expect(select('...vpc', cs, ctx)).toEqual(['cache', 'db', 'service', 'vpc']);
    expect(select('...db...', cs, ctx)).toEqual(['../shared/iam', 'db', 'service', 'vpc']);
    expect(select('...^vpc', cs, ctx)).toEqual(['cache', 'db', 'service']);
    expect(select('^service...', cs, ctx)).toEqual(['../shared/iam', 'cache', 'db', 'vpc']);
  });
  it('a depth limits the hops (TestEvaluate_GraphExpression_DepthLimited, _MultipleTargets)', () => {
    expect(select('service...1', cs, ctx)).toEqual(['cache', 'db', 'service']);
    expect(select('1...vpc', cs, ctx)).toEqual(['cache', 'db', 'vpc']);
    expect(select('1...db...2', cs, ctx)).toEqual(['../shared/iam', 'db', 'service', 'vpc']);
    // Targets service, cache and other: vpc is 2 hops from service but 1 from cache, so it is in.
    expect(select('*e*...1', cs, ctx)).toEqual(['cache', 'db', 'other', 'service', 'vpc']);
  });
  it('no match, no dependencies, cycles (TestEvaluate_GraphExpression_EmptyResults, _NoDependencies, _CircularDependencies)', () => {
    expect(select('missing...', cs, ctx)).toEqual([]);
    expect(select('other...', cs, ctx)).toEqual(['other']);
    const ring = [unit('a'), unit('b'), unit('c')];
    const cyc = context(ring, { a: ['b'], b: ['c'], c: ['a'] });
    expect(select('a...', ring, cyc)).toEqual(['a', 'b', 'c']);
    expect(select('...^a', ring, cyc)).toEqual(['a', 'b', 'c']);
  });
  it('a graph boundary (dir) is refused: it is behind an experiment in Terragrunt', () => {
    expect(() => select('service...(./x)', cs, ctx)).toThrow(/graph boundary/);
  });
});

describe('git expressions (TestEvaluate_GitFilter, TestEvaluate_GraphExpressionWithGitExpressionTarget)', () => {
  const cs = [unit('app'), unit('db'), unit('vpc')];
  const changed = new Set([path.resolve(WD, 'vpc')]);
  const ctx = context(cs, { app: ['db'], db: ['vpc'] }, { git: (e) => (e.from === 'main' && e.to === 'HEAD' ? changed : new Set()) });
  it('selects what changed between the references, and composes with graph and path expressions', () => {
    expect(select('[main...HEAD]', cs, ctx)).toEqual(['vpc']);
    expect(select('[main]', cs, ctx)).toEqual(['vpc']);
    expect(select('[v1...v2]', cs, ctx)).toEqual([]);
    expect(select('...[main...HEAD]', cs, ctx)).toEqual(['app', 'db', 'vpc']);
    expect(select('![main...HEAD]', cs, ctx)).toEqual(['app', 'db']);
  });
});
