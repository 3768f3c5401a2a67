// Output options through the real CLI with the fake terraform: --log-format presets, --no-color reaching
// terraform as -no-color (auto-init too), --inputs-debug writing terragrunt-debug.tfvars.json, tofu before
// terraform when no binary is set, and --report-format / a report file without extension.
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

// Several tgo processes per test: room for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

const run = (args: string[], cwd: string, env = baseEnv()) => tgo([...args, '--tf-path', tf.path], { cwd, env, input: '' });
const since = (n: number) => tf.records().slice(n);

describe('--log-format', () => {
  const stack = () => writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '', 'b/terragrunt.hcl': 'dependencies {\n  paths = ["../a"]\n}\n', 'b/.terraform/keep': '' });

  it('json: every line tgo writes on stderr is a JSON record with time, level and msg', async () => {
    const r = await run(['run', '--all', 'plan', '--non-interactive', '--log-format', 'json'], stack());
    expect(r.code, r.stderr).toBe(0);
    const records = r.stderr.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThan(3);
    for (const rec of records) expect(Object.keys(rec)).toEqual(expect.arrayContaining(['time', 'level', 'msg']));
    expect(records).toContainEqual(expect.objectContaining({ level: 'info', 'working-dir': 'b', msg: expect.stringMatching(/^succeeded/) }));
    // terraform's own output is passed on unchanged (stdout, prefixed by module under --all).
    expect(r.stdout).toMatch(/^\[a\] fake terraform: plan/m);
  });

  it('key-value, bare and pretty have their shapes; an unknown format is refused before anything runs', async () => {
    const kv = await run(['run', '--all', 'plan', '--non-interactive', '--terragrunt-log-format', 'key-value'], stack());
    expect(kv.stderr).toMatch(/^time=\d{4}-\d\d-\d\dT\S+Z level=info prefix=a msg=succeeded/m);
    const bare = await run(['run', '--all', 'plan', '--non-interactive'], stack(), baseEnv({ TG_LOG_FORMAT: 'bare' }));
    expect(bare.stderr).toMatch(/^INFO\[\d{4}\] succeeded.*\t prefix=\[a\] $/m);
    const pretty = await run(['run', '--all', 'plan', '--non-interactive', '--log-format', 'pretty'], stack());
    expect(pretty.stderr).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {3}\[a\] succeeded/m);
    const before = tf.records().length;
    const bad = await run(['run', '--all', 'plan', '--log-format', 'xml'], stack());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--log-format must be one of pretty, bare, json, key-value, got "xml"');
    expect(tf.records().length).toBe(before);
  });
});

describe('--no-color', () => {
  it('terraform gets -no-color right after the command, the automatic init too', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const n = tf.records().length;
    const r = await run(['apply', 'saved.tfplan', '--no-color'], path.join(root, 'a'));
    expect(r.code, r.stderr).toBe(0);
    expect(since(n).map((x) => x.argv)).toEqual([['init', '-no-color', '-input=false'], ['apply', '-no-color', 'saved.tfplan']]);
    const m = tf.records().length;
    await run(['plan', '-no-color'], path.join(root, 'a'), baseEnv({ TG_NO_COLOR: 'true' }));
    expect(since(m).map((x) => x.argv)).toEqual([['plan', '-no-color']]);
  });

  it('wins over FORCE_COLOR for tgo\'s own lines', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '' });
    const forced = await run(['run', '--all', 'plan', '--non-interactive'], root, baseEnv({ FORCE_COLOR: '1', NO_COLOR: undefined }));
    expect(forced.stderr).toContain('\u001b[');
    const r = await run(['run', '--all', 'plan', '--non-interactive', '--no-color'], root, baseEnv({ FORCE_COLOR: '1', NO_COLOR: undefined }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/succeeded/);
    expect(r.stderr).not.toContain('\u001b[');
  });
});

describe('--inputs-debug', () => {
  it('writes the declared, non-sensitive inputs that no TF_VAR_ already sets, next to terragrunt.hcl, mode 0600', async () => {
    const root = writeStack({
      'mod/variables.tf': 'variable "name" {}\nvariable "size" {\n  default = 1\n}\nvariable "password" {\n  sensitive = true\n}\nvariable "region" {}\n',
      'live/terragrunt.hcl': 'terraform {\n  source = "../mod"\n}\ninputs = {\n  name = "web"\n  size = 3\n  password = "hunter2"\n  region = "eu"\n  unused = true\n}\n',
    });
    const r = await run(['plan', '--inputs-debug', '--log-level', 'debug'], path.join(root, 'live'), baseEnv({ TF_VAR_region: 'us' }));
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(root, 'live', 'terragrunt-debug.tfvars.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ name: 'web', size: 3 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stderr).toContain('input password left out of terragrunt-debug.tfvars.json: the variable is sensitive');
    expect(r.stderr).toContain('input region left out of terragrunt-debug.tfvars.json: TF_VAR_region is already set');
    expect(r.stderr).toContain('input unused left out of terragrunt-debug.tfvars.json: the module declares no such variable');
    expect(r.stderr + r.stdout).not.toContain('hunter2');
    const plain = writeStack({ 'x/terragrunt.hcl': 'inputs = { a = 1 }\n' });
    await run(['plan'], path.join(plain, 'x'));
    expect(existsSync(path.join(plain, 'x', 'terragrunt-debug.tfvars.json'))).toBe(false);
  });
});

describe('Terragrunt 1.x defaults', () => {
  it('with no binary set, tofu on PATH is run before terraform', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'tgo-tofu-'));
    symlinkSync(tf.path, path.join(bin, 'tofu'));
    chmodSync(path.join(bin, 'tofu'), 0o755);
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '' });
    const n = tf.records().length;
    const r = await tgo(['plan'], { cwd: path.join(root, 'a'), env: baseEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH}` }), input: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(since(n).map((x) => x.argv)).toEqual([['plan']]);
    const info = await tgo(['info', 'print'], { cwd: path.join(root, 'a'), env: baseEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH}` }) });
    expect(JSON.parse(info.stdout).terraform_binary).toBe('tofu');
  });

  it('a report file without extension is CSV; --report-format decides over the extension', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '' });
    await run(['run', '--all', 'plan', '--non-interactive', '--report-file', 'report'], root);
    expect(readFileSync(path.join(root, 'report'), 'utf8').split('\n')[0]).toMatch(/^Name,Started,Ended,Result/);
    await run(['run', '--all', 'plan', '--non-interactive', '--report-file', 'r.txt', '--report-format', 'json'], root);
    expect(JSON.parse(readFileSync(path.join(root, 'r.txt'), 'utf8'))).toEqual(expect.any(Array));
  });
});
