import { describe, expect, it } from 'vitest';
import { DependencyCycleError, Graph } from '../../src/graph/dag.js';

describe('Graph', () => {
  const g = new Graph([
    { id: 'vpc', dependsOn: [] },
    { id: 'db', dependsOn: ['vpc'] },
    { id: 'app', dependsOn: ['db', 'vpc'] },
    { id: 'dns', dependsOn: [] },
  ]);
  it('groups dependencies first, and dependents first for destroy', () => {
    expect(g.groups()).toEqual([['dns', 'vpc'], ['db'], ['app']]);
    expect(g.groups(true)).toEqual([['app', 'dns'], ['db'], ['vpc']]);
  });
  it('reverses edges for destroy', () => {
    expect(g.waitsFor('vpc', true).sort()).toEqual(['app', 'db']);
    expect(g.waitsFor('app', false).sort()).toEqual(['db', 'vpc']);
  });
  it('names the cycle', () => {
    const c = new Graph([{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['c'] }, { id: 'c', dependsOn: ['a'] }, { id: 'd', dependsOn: [] }]);
    expect(() => c.assertAcyclic()).toThrow(DependencyCycleError);
    expect(() => c.assertAcyclic()).toThrow('Found a dependency cycle between modules: a -> b -> c -> a');
  });
  it('finds a self-dependency', () => {
    expect(() => new Graph([{ id: 'a', dependsOn: ['a'] }]).assertAcyclic()).toThrow('a -> a');
  });
  it('chain lengths: modules on the longest chain from each module to the end of the run', () => {
    expect(Object.fromEntries(g.chainLengths())).toEqual({ vpc: 3, db: 2, app: 1, dns: 1 });
    expect(Object.fromEntries(g.chainLengths(true))).toEqual({ app: 3, db: 2, vpc: 1, dns: 1 });
    const n = 20_000; // deeper than any recursion would survive
    const chain = new Graph(Array.from({ length: n }, (_, i) => ({ id: `m${i}`, dependsOn: i === 0 ? [] : [`m${i - 1}`] })));
    expect(chain.chainLengths().get('m0')).toBe(n);
    expect(chain.chainLengths().get(`m${n - 1}`)).toBe(1);
  });
  it('transitive dependencies', () => {
    expect([...g.transitiveDependencies(['app'])].sort()).toEqual(['db', 'vpc']);
  });
});
