// `tgo hcl fmt` as a user runs it: the tree rewritten in place (caches and excluded dirs untouched), --check
// changing nothing, --diff that `patch` can apply, --file, --stdin, the classic names and env twins, a file
// that does not parse named with its line while the others are still formatted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { baseEnv, tgo } from '../support/tgo.js';

// Several tgo processes per test: room for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const UGLY = 'locals {\nname="app"\n  region   =  "us-east-1" # where\n}\n';
const PRETTY = 'locals {\n  name   = "app"\n  region = "us-east-1" # where\n}\n';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgo-hclfmt-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');

describe('tgo hcl fmt', () => {
  it('rewrites every *.hcl below the working dir, skipping caches, .terraform, .git and --exclude-dir', async () => {
    const dir = tree({
      'root.hcl': UGLY,
      'live/app/terragrunt.hcl': UGLY,
      'live/app/.terragrunt-cache/x/terragrunt.hcl': UGLY,
      'live/app/.terraform/modules/m/a.hcl': UGLY,
      '.git/x.hcl': UGLY,
      'vendor/lib.hcl': UGLY,
      'live/app/main.tf': 'a=1\n',
    });
    chmodSync(path.join(dir, 'root.hcl'), 0o640);
    const r = await tgo(['hcl', 'fmt', '--exclude-dir', 'vendor'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir, 'root.hcl')).toBe(PRETTY);
    expect(read(dir, 'live/app/terragrunt.hcl')).toBe(PRETTY);
    expect(statSync(path.join(dir, 'root.hcl')).mode & 0o777).toBe(0o640);
    for (const untouched of ['live/app/.terragrunt-cache/x/terragrunt.hcl', 'live/app/.terraform/modules/m/a.hcl', '.git/x.hcl', 'vendor/lib.hcl']) {
      expect(read(dir, untouched), untouched).toBe(UGLY);
    }
    expect(read(dir, 'live/app/main.tf')).toBe('a=1\n');
  });

  it('--check changes nothing, names each unformatted file and exits 1; 0 once formatted', async () => {
    const dir = tree({ 'a/terragrunt.hcl': UGLY, 'b/terragrunt.hcl': PRETTY, 'c.hcl': UGLY });
    const r = await tgo(['hcl', 'fmt', '--check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 files need formatting');
    expect(r.stderr).toContain('a/terragrunt.hcl');
    expect(r.stderr).toContain('c.hcl');
    expect(r.stderr).not.toContain('b/terragrunt.hcl');
    expect(read(dir, 'a/terragrunt.hcl')).toBe(UGLY);
    expect((await tgo(['hcl', 'fmt'], { cwd: dir })).code).toBe(0);
    const again = await tgo(['hcl', 'fmt', '--check'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([0, '']);
  });

  it('--diff prints a unified diff that patch applies to give the formatted file', async () => {
    const original = `${UGLY}\ninputs = {\nx=1\n}\n${'\n'.repeat(8)}z     = 2\n# end`;
    const dir = tree({ 'terragrunt.hcl': original });
    const r = await tgo(['hcl', 'fmt', '--diff', '--check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^--- old\/terragrunt\.hcl\n\+\+\+ new\/terragrunt\.hcl\n@@ /);
    expect(r.stdout.match(/^@@/gm)!.length).toBe(2); // two separate hunks
    const copy = path.join(dir, 'copy.hcl');
    writeFileSync(copy, original);
    const p = spawnSync('patch', [copy], { input: r.stdout, encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    await tgo(['hcl', 'fmt'], { cwd: dir });
    expect(readFileSync(copy, 'utf8')).toBe(read(dir, 'terragrunt.hcl'));
  });

  it('--file formats one file only; --stdin formats stdin to stdout', async () => {
    const dir = tree({ 'a.hcl': UGLY, 'b.hcl': UGLY });
    expect((await tgo(['hcl', 'fmt', '--file', 'a.hcl'], { cwd: dir })).code).toBe(0);
    expect([read(dir, 'a.hcl'), read(dir, 'b.hcl')]).toEqual([PRETTY, UGLY]);
    const s = await tgo(['hcl', 'fmt', '--stdin'], { cwd: dir, input: UGLY });
    expect([s.code, s.stdout]).toEqual([0, PRETTY]);
    expect(read(dir, 'b.hcl')).toBe(UGLY);
  });

  it('takes the classic command and flag names and the env twins', async () => {
    const dir = tree({ 'a.hcl': UGLY, 'skip/b.hcl': UGLY });
    const r = await tgo(['hclfmt', '--terragrunt-check', '--terragrunt-hclfmt-exclude-dir', 'skip'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 file needs formatting');
    const e = await tgo(['hcl', 'fmt'], { cwd: dir, env: baseEnv({ TG_CHECK: 'true', TERRAGRUNT_HCLFMT_EXCLUDE_DIR: 'skip' }) });
    expect(e.code).toBe(1);
    expect(read(dir, 'a.hcl')).toBe(UGLY);
    const w = await tgo(['--terragrunt-working-dir', dir, 'hcl', 'fmt', '--file', 'a.hcl'], { cwd: tmpdir() });
    expect(w.code).toBe(0);
    expect(read(dir, 'a.hcl')).toBe(PRETTY);
  });

  it('a file that does not parse is named with its line and left alone; the others are formatted', async () => {
    const dir = tree({ 'bad/terragrunt.hcl': 'locals {\n  a = \n}\n', 'good.hcl': UGLY, 'worse.hcl': 'x = "unterminated\n' });
    const r = await tgo(['hcl', 'fmt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\/terragrunt\.hcl:2/);
    expect(r.stderr).toMatch(/worse\.hcl:1/);
    expect(read(dir, 'bad/terragrunt.hcl')).toBe('locals {\n  a = \n}\n');
    expect(read(dir, 'good.hcl')).toBe(PRETTY);
  });

  it('refuses flags it does not know, with a suggestion, and changes nothing', async () => {
    const dir = tree({ 'a.hcl': UGLY });
    const r = await tgo(['hcl', 'fmt', '--chek'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--chek');
    expect(r.stderr).toContain('Did you mean --check?');
    expect(read(dir, 'a.hcl')).toBe(UGLY);
  });
});
