// The filter grammar, case by case against Terragrunt's own parser tests (internal/filter/parser_test.go,
// lexer_test.go, hints_test.go, diagnostic_test.go): each describe names the Go test it mirrors.

import { describe, expect, it } from 'vitest';
import { formatDiagnostic, FilterParseError, parseFilter, show, type Expression } from '../../../src/discovery/filter/index.js';

/** The expression as a plain tree (globs dropped), for comparisons. */
function tree(e: Expression): unknown {
  switch (e.kind) {
    case 'path': return { path: e.value };
    case 'attribute': return { [e.key]: e.value };
    case 'not': return { not: tree(e.right) };
    case 'and': return { and: [tree(e.left), tree(e.right)] };
    case 'git': return { git: [e.from, e.to] };
    case 'graph': return {
      graph: tree(e.target),
      ...(e.dependents.include ? { dependents: e.dependents.depth } : {}),
      ...(e.dependencies.include ? { dependencies: e.dependencies.depth } : {}),
      ...(e.excludeTarget ? { excludeTarget: true } : {}),
    };
  }
}
const parsed = (q: string) => tree(parseFilter(q));

function parseError(q: string): FilterParseError {
  try {
    parseFilter(q);
  } catch (e) {
    if (e instanceof FilterParseError) return e;
    throw e;
  }
  throw new Error(`"${q}" parsed`);
}

describe('simple expressions (TestParser_SimpleExpressions)', () => {
  it.each([
    ['foo', { name: 'foo' }],
    ['name=bar', { name: 'bar' }],
    ['type=unit', { type: 'unit' }],
    ['./apps/foo', { path: './apps/foo' }],
    ['.', { path: '.' }],
    ['/absolute/path', { path: '/absolute/path' }],
    ['./apps/**/foo', { path: './apps/**/foo' }],
    ['{./apps/*}', { path: './apps/*' }],
    ['{apps}', { path: 'apps' }],
    ['{my path/file}', { path: 'my path/file' }],
    ['apps/foo', { path: 'apps/foo' }],
    ['my app', { name: 'my app' }],
    ['reading=shared/common.hcl', { reading: 'shared/common.hcl' }],
    ['..foo', { name: '..foo' }],
    ['../sibling/*', { path: '../sibling/*' }],
  ])('%s', (q, want) => expect(parsed(q)).toEqual(want));
});

describe('prefix and infix (TestParser_PrefixExpressions, TestParser_InfixExpressions, TestParser_ComplexExpressions)', () => {
  it('! binds tighter than |, and | chains to the left', () => {
    expect(parsed('!foo')).toEqual({ not: { name: 'foo' } });
    expect(parsed('!!foo')).toEqual({ name: 'foo' });
    expect(parsed('!!!foo')).toEqual({ not: { name: 'foo' } });
    expect(parsed('!foo | bar')).toEqual({ and: [{ not: { name: 'foo' } }, { name: 'bar' }] });
    expect(parsed('a | b | c')).toEqual({ and: [{ and: [{ name: 'a' }, { name: 'b' }] }, { name: 'c' }] });
    expect(parsed('./prod/** | type=unit | !name=unit1')).toEqual(
      { and: [{ and: [{ path: './prod/**' }, { type: 'unit' }] }, { not: { name: 'unit1' } }] });
    expect(parsed('foo|bar')).toEqual({ and: [{ name: 'foo' }, { name: 'bar' }] });
  });
});

describe('string representation (TestParser_StringRepresentation)', () => {
  it.each([
    ['foo', 'name=foo'], ['./apps/*', './apps/*'], ['!foo', '!name=foo'], ['foo | bar', 'name=foo | name=bar'],
    ['...foo', '...name=foo'], ['foo...', 'name=foo...'], ['1...foo', '1...name=foo'], ['foo...1', 'name=foo...1'],
    ['2...foo...3', '2...name=foo...3'], ['...^foo...', '...^name=foo...'], ['[main]', '[main...HEAD]'],
  ])('%s → %s', (q, want) => expect(show(parseFilter(q))).toBe(want));
});

describe('graph expressions (TestParser_GraphExpressions, TestParser_ComplexDepthExpressions)', () => {
  it('parses dependencies, dependents, both, depths and ^', () => {
    expect(parsed('foo...')).toEqual({ graph: { name: 'foo' }, dependencies: 0 });
    expect(parsed('...foo')).toEqual({ graph: { name: 'foo' }, dependents: 0 });
    expect(parsed('...foo...')).toEqual({ graph: { name: 'foo' }, dependents: 0, dependencies: 0 });
    expect(parsed('^foo')).toEqual({ graph: { name: 'foo' }, excludeTarget: true });
    expect(parsed('...^./apps/vpc')).toEqual({ graph: { path: './apps/vpc' }, dependents: 0, excludeTarget: true });
    expect(parsed('1...db...2')).toEqual({ graph: { name: 'db' }, dependents: 1, dependencies: 2 });
    expect(parsed('{./my app}...')).toEqual({ graph: { path: './my app' }, dependencies: 0 });
    expect(parsed('{./**}... | external=true')).toEqual({ and: [{ graph: { path: './**' }, dependencies: 0 }, { external: 'true' }] });
    expect(parsed('!vpc...')).toEqual({ not: { graph: { name: 'vpc' }, dependencies: 0 } });
  });
  it.each(['...', '^', '... |', '^ |', '1...', '1... ', '1......2'])('%s is an error (TestParser_GraphExpressionErrors)', (q) => {
    expect(() => parseFilter(q)).toThrow(FilterParseError);
  });
});

describe('git expressions (TestParser_GitFilterExpressions, TestParser_GitFilterWithOtherExpressions)', () => {
  it.each([
    ['[main]', ['main', 'HEAD']], ['[main...HEAD]', ['main', 'HEAD']], ['[abc123...def456]', ['abc123', 'def456']],
    ['[v1.0.0...v2.0.0]', ['v1.0.0', 'v2.0.0']], ['[HEAD~1...HEAD]', ['HEAD~1', 'HEAD']], ['[feature/name]', ['feature/name', 'HEAD']],
  ])('%s', (q, refs) => expect(parsed(q)).toEqual({ git: refs }));
  it('combines with other expressions', () => {
    expect(parsed('![main...HEAD]')).toEqual({ not: { git: ['main', 'HEAD'] } });
    expect(parsed('[main...HEAD] | ./apps/*')).toEqual({ and: [{ git: ['main', 'HEAD'] }, { path: './apps/*' }] });
    expect(parsed('...[HEAD~1]')).toEqual({ graph: { git: ['HEAD~1', 'HEAD'] }, dependents: 0 });
  });
  it.each(['[]', '[main', '[...]', '[main...]', ']'])('%s is an error (TestParser_GitFilterErrors)', (q) => {
    expect(() => parseFilter(q)).toThrow(FilterParseError);
  });
});

describe('error cases (TestParser_ErrorCases)', () => {
  it.each(['', '!', 'name=', 'foo |', 'foo|', 'foo | bar |', '{}', '{./a', '()...foo', '(a)foo'])('%j is an error', (q) => {
    expect(() => parseFilter(q)).toThrow(FilterParseError);
  });
  it('a malformed glob is an error at its token', () => {
    const e = parseError('{./apps/[}');
    expect(e.code).toBe('invalid-glob');
    expect(e.detail).toMatch(/^Invalid glob pattern '.\/apps\/\['/);
  });
});

describe('diagnostics (TestHints_Golden, TestFormatDiagnostic_*)', () => {
  const golden = (q: string) => formatDiagnostic(parseError(q), '--filter');
  it('points at the problem and hints', () => {
    expect(golden('HEAD^')).toBe([
      'Filter parsing error: Unexpected token', " --> --filter 'HEAD^'", '', '     HEAD^', "         ^ Unexpected '^' after expression", '',
      "  hint: Git-based expressions require surrounding references with '[]'. Did you mean '[HEAD^]'?"].join('\n'));
    expect(golden('[main...HEAD')).toBe([
      'Filter parsing error: Unclosed Git filter expression', " --> --filter '[main...HEAD'", '', '     [main...HEAD',
      "     ^ This Git-based expression is missing a closing ']'", '',
      "  hint: Git-based expressions require surrounding references with '[]'. Did you mean '[main...HEAD]'?"].join('\n'));
    expect(golden('{my path')).toContain("hint: Explicit path expressions require surrounding paths with '{}'. Did you mean '{my path}'?");
    expect(golden('[]')).toBe(['Filter parsing error: Empty Git filter', " --> --filter '[]'", '', '     []', '      ^ Git filter expression cannot be empty'].join('\n'));
    expect(golden('| foo')).toContain("     ^ Missing left-hand side of '|' operator");
    expect(golden('foo |')).toContain("          ^ Missing right-hand side of '|' operator");
    expect(golden('!')).toContain("      ^ Missing target expression for '!' operator");
    expect(golden(']')).toContain("hint: Unexpected ']' without matching '['.");
    expect(golden('}')).toContain("hint: Unexpected '}' without matching '{'.");
    expect(golden('=foo')).toContain("hint: The equals sign is used for attribute filters. e.g. 'name=foo'");
    expect(golden('^')).toContain("      ^ Expression is incomplete\n\n  hint: The '^' operator must be used in either a graph-based or Git-based expression.");
    expect(golden('...')).toContain("        ^ Expression is incomplete\n\n  hint: The '...' operator must be used");
    expect(golden('[main...]')).toContain("             ^ Expected second Git reference after '...'");
    expect(golden('./apps/* | HEAD^')).toContain("                    ^ Unexpected '^' after expression");
    expect(golden('./foo...^')).toContain("Did you mean '^./foo...'?");
  });
  it('names where the filter came from', () => {
    expect(formatDiagnostic(parseError('foo |'), '--filters-file filters.txt:3')).toContain(" --> --filters-file filters.txt:3 'foo |'");
  });
});
