/**
 * Terragrunt's remaining functions: get_default_retryable_errors() is Terragrunt's list (internal/retry/defaults.go),
 * constraint_check(version, constraint), mark_as_read / mark_glob_as_read (files only, git root as the default
 * boundary, `\` escapes), as in pkg/config/config_helpers.go.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigLoader } from '../../../src/config/loader.js';
import { writeStack } from '../../support/stack.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function inputs(files: Record<string, string>, git = false): Record<string, unknown> {
  let root = writeStack(files);
  dirs.push(root);
  if (git) {
    execFileSync('git', ['init', '-q', root]);
    root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' }).trim();
  }
  return new ConfigLoader({ workingDir: root, env: { PATH: process.env.PATH }, terraformCommand: 'plan', terraformArgs: [] }).loadModule(path.join(root, 'unit')).inputs;
}

describe('Terragrunt functions', () => {
  it('get_default_retryable_errors() is Terragrunt\'s list of RE2 patterns', () => {
    const v = inputs({ 'unit/terragrunt.hcl': 'inputs = {\n  e = get_default_retryable_errors()\n  n = length(get_default_retryable_errors())\n  tls = anytrue([for p in get_default_retryable_errors() : can(regex(p, "Error installing provider: net/http: TLS handshake timeout"))])\n}\n' });
    expect(String(v.n)).toBe('30'); // length() is a count: cty's 64-bit number
    expect((v.e as string[])[7]).toBe('NoSuchBucket: The specified bucket does not exist');
    expect(v.tls).toBe(true);
  });



  it('constraint_check(version, constraint)', () => {
    const v = inputs({ 'unit/terragrunt.hcl': 'inputs = {\n  a = constraint_check("1.5.7", ">= 1.5, < 2.0")\n  b = constraint_check("2.1.0", "~> 1.5")\n  c = constraint_check("1.11.4", "~> 1.11.0")\n}\n' });
    expect(v).toEqual({ a: true, b: false, c: true });
  });

  it('mark_as_read returns its argument; mark_glob_as_read the matching files, sorted, inside the repository', () => {
    const v = inputs({
      'unit/terragrunt.hcl': 'inputs = {\n  one = mark_as_read("x.yaml")\n  files = [for f in mark_glob_as_read("../data/**/*.yaml") : trimprefix(f, "${get_repo_root()}/")]\n  top = [for f in mark_glob_as_read("../data/{a,c}.yaml") : basename(f)]\n  star = [for f in mark_glob_as_read("../data/lit\\\\*.yaml") : basename(f)]\n}\n',
      'data/a.yaml': '', 'data/b.json': '', 'data/c.yaml': '', 'data/lit*.yaml': '', 'data/litx.yaml': '', 'data/sub/d.yaml': '', 'data/sub/deeper/e.yaml': '',
    }, true);
    expect(v.one).toBe('x.yaml');
    expect(v.files).toEqual(['data/sub/d.yaml', 'data/sub/deeper/e.yaml']);
    expect(v.top).toEqual(['a.yaml', 'c.yaml']);
    expect(v.star).toEqual(['lit*.yaml']);
  });

  it('mark_glob_as_read refuses a pattern outside the repository unless given a wider --terragrunt-boundary', () => {
    expect(() => inputs({ 'unit/terragrunt.hcl': 'inputs = {\n  f = mark_glob_as_read("/etc/*.conf")\n}\n' }, true)).toThrow(/resolves outside the boundary/);
    const v = inputs({ 'unit/terragrunt.hcl': 'inputs = {\n  f = length(mark_glob_as_read("--terragrunt-boundary=/", "/etc/host*")) > 0\n}\n' }, true);
    expect(v.f).toBe(true);
  });
});
