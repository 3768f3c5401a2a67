/**
 * Globs in --queue-include-dir / --queue-exclude-dir (and their classic --terragrunt-* names and env twins), as
 * Terragrunt matches them: internal/glob Compile (gobwas/glob, '/' the only separator) over the unit path relative
 * to the working dir, or the absolute path for an absolute pattern, after path.Clean of the pattern
 * (internal/filter/ast.go NewPathFilter, matcher.go matchPath).
 * Pattern cases: TestCompile in internal/glob/glob_test.go, then the grammar of gobwas/glob (nested braces,
 * escapes, classes, dot directories, `**`). Whole runs: TestTFExcludeDirs and TestTFIncludeDirs
 * (test/integration_download_tf_test.go) on our own tree of the same shape, through `tgo find`, which selects
 * units exactly as run --all does.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cleanPath, compileGlob } from '../../src/shared/glob.js';
import { fixture, run } from './support.js';

const matches = (glob: string, p: string) => compileGlob(cleanPath(glob)).match(p);

describe('glob patterns (TestCompile and the gobwas grammar)', () => {
  it.each([
    // TestCompile.
    ['foo/*.tf', 'foo/bar.tf', true],
    ['foo/*.tf', 'foo/bar/baz.tf', false],
    ['foo/**/bar.tf', 'foo/a/b/bar.tf', true],
    ['foo/**/bar.tf', 'foo/bar.tf', true], // literal/**/literal: the two literals may share the '/'
    ['foo/**/*.tf', 'foo/root.tf', false], // …but not when a wildcard is next to **
    ['*/**/bar.tf', 'foo/bar.tf', false],
    ['foo/{*.tf,**/*.tf}', 'foo/bar.tf', true],
    ['f?o', 'foo', true],
    ['f?o', 'f/o', false],
    ['[abc].tf', 'b.tf', true],
    ['[abc].tf', 'd.tf', false],
    ['a\\*b.tf', 'a*b.tf', true],
    ['a\\*b.tf', 'acb.tf', false],
  ])('%s against %s: %s', (glob, p, want) => {
    expect(matches(glob, p)).toBe(want);
  });

  it.each([
    // Nested braces, empty and unclosed alternatives.
    ['{a,{b,c}}/vpc', 'c/vpc', true],
    ['{a,{b,c}}/vpc', 'b/vpc', true],
    ['{a,{b,c}}/vpc', 'd/vpc', false],
    ['prod/{us-*,eu-{west,north}-1}/app', 'prod/eu-north-1/app', true],
    ['prod/{us-*,eu-{west,north}-1}/app', 'prod/eu-south-1/app', false],
    ['x{a,}', 'x', true],
    ['{a,b', 'b', true],
    ['a}', 'a}', true],
    // Escapes: the next character is literal (a backslash is no path separator here).
    ['prod/\\{x\\}', 'prod/{x}', true],
    ['prod/\\*', 'prod/vpc', false],
    ['prod/\\*', 'prod/*', true],
    ['a\\\\b', 'a\\b', true],
    // Dot directories are matched like any other (no dot-file rule).
    ['*/app', '.hidden/app', true],
    ['.terragrunt-stack/*', '.terragrunt-stack/app', true],
    ['**/.cache/**', 'a/.cache/b', true],
    ['**', '../shared/vpc', true],
    // ** is "any characters, '/' included", with no bash-style special cases.
    ['**/vpc', 'vpc', false],
    ['**/vpc', 'prod/us-east-1/vpc', true],
    ['prod/**', 'prod', false],
    ['prod/**', 'prod/us-east-1/vpc', true],
    ['prod**', 'prod-eu/vpc', true],
    ['production-env/**/*', 'production-env/aws/module-aws-d', true],
    ['production-env/**/*', 'production-env/aws', false],
    ['{a/**/b,c}', 'a/b', true],
    ['{a/**/b,x/**/b}', 'a/b', false], // the shared "/**/b" is factored out of the braces, so no shared '/'
    ['a/**/b/**/c', 'a/x/b/c', false],
    // Classes: one character; a negated one matches '/' too; ranges.
    ['a[!x]b', 'a/b', true],
    ['[a-c]x', 'bx', true],
    ['[!a-c]x', 'bx', false],
    // Bash-only syntax is plain text.
    ['a(b|c)', 'ab', false],
    ['a(b|c)', 'a(b|c)', true],
    ['{1..3}', '2', false],
    ['{1..3}', '1..3', true],
    ['+(a)', '+(a)', true],
    // path.Clean of the pattern first.
    ['./prod/vpc/', 'prod/vpc', true],
    ['prod/x/../vpc', 'prod/vpc', true],
    ['.', '.', true],
    ['', '.', true],
  ])('%s against %s: %s', (glob, p, want) => {
    expect(matches(glob, p)).toBe(want);
  });

  it.each([['[unterminated'], ['[]'], ['[a-z0-9]'], ['[z-a]'], ['[!']])('%s is malformed', (glob) => {
    expect(() => compileGlob(glob)).toThrow();
  });
});

const UNITS = [
  'integration-env/aws/module-aws-a',
  'integration-env/gce/module-gce-b',
  'integration-env/gce/module-gce-c',
  'production-env/aws/module-aws-d',
  'production-env/gce/module-gce-e',
  '.terragrunt-stack/chick-1',
];

describe('--queue-include-dir and --queue-exclude-dir select units by these globs', () => {
  const root = fixture(Object.fromEntries(UNITS.map((u) => [`${u}/terragrunt.hcl`, '# unit\n'])));
  const found = async (args: string[], env: Record<string, string> = {}) => {
    const r = await run(['find', ...args], root, env);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean).sort();
  };
  const except = (...gone: string[]) => UNITS.filter((u) => !gone.includes(u)).sort();

  it.each([
    // TestTFExcludeDirs.
    [['--queue-exclude-dir', '**/gce/**'], except(UNITS[1]!, UNITS[2]!, UNITS[4]!)],
    [['--queue-exclude-dir', 'production-env/**/*', '--queue-exclude-dir', '**/module-gce-c'], except(UNITS[2]!, UNITS[3]!, UNITS[4]!)],
    [['--terragrunt-exclude-dir', 'integration-env/gce/module-gce-b', '--terragrunt-exclude-dir', 'integration-env/gce/module-gce-c',
      '--terragrunt-exclude-dir', '**/module-aws*'], except(UNITS[0]!, UNITS[1]!, UNITS[2]!, UNITS[3]!)],
    // Nested braces, an escaped star, a dot directory.
    [['--queue-exclude-dir', '*-env/{aws/*,gce/module-gce-{b,e}}'], except(UNITS[0]!, UNITS[1]!, UNITS[3]!, UNITS[4]!)],
    [['--queue-exclude-dir', 'integration-env/\\*/module-aws-a'], except()],
    [['--queue-exclude-dir', '.terragrunt-stack/*'], except(UNITS[5]!)],
  ])('find %j', async (args, want) => {
    expect(await found(args)).toEqual(want);
  });

  it('include dirs, from the flag and from the env var', async () => {
    // TestTFIncludeDirs "wildcard-aws": `*/aws` names a folder that is no unit, so nothing is selected.
    expect(await found(['--queue-include-dir', '*/aws'])).toEqual([]);
    expect(await found(['--queue-include-dir', 'integration-env/{aws/**,gce/module-gce-{b,x}}'])).toEqual([UNITS[0], UNITS[1]]);
    expect(await found(['--queue-include-dir', path.join(root, 'production-env', '*', 'module-gce-?')])).toEqual([UNITS[4]]);
    expect(await found([], { TG_QUEUE_INCLUDE_DIR: '**/module-aws-?' })).toEqual([UNITS[0], UNITS[3]]);
    expect(await found([], { TERRAGRUNT_EXCLUDE_DIR: '**/aws/*' })).toEqual(except(UNITS[0]!, UNITS[3]!));
  });

  it('a malformed glob is refused before anything is read, naming the flag', async () => {
    const r = await run(['find', '--queue-exclude-dir', 'prod/[abc'], root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--queue-exclude-dir: "prod/[abc" is not a valid glob');
  });
});
