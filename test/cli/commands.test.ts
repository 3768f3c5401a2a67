// The command line a Terragrunt user types today, against the real tgo binary: help and version, current
// command names with the classic ones still working, no flag silently handed to terraform, typo'd commands
// answered with a suggestion — and in every refused case, no terraform process started.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

// Several tgo processes per test: room for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let tf: FakeTerraform;
let stack: string;
beforeAll(async () => {
  tf = await makeFakeTerraform();
  stack = writeStack({
    'vpc/terragrunt.hcl': 'inputs = { name = "vpc" }\n', 'vpc/.terraform/keep': '',
    'app/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../vpc"\n  mock_outputs = { id = "x" }\n}\n', 'app/.terraform/keep': '',
    'db/terragrunt.hcl': 'dependencies {\n  paths = ["../vpc"]\n}\n', 'db/.terraform/keep': '',
  });
});

const run = (args: string[], cwd = stack) => tgo(args, { cwd, env: baseEnv(), input: '' });
const started = () => tf.records().length;

describe('help and version', () => {
  it('tgo help lists the current command names; tgo help <command> and -h show one command', async () => {
    const h = await run(['help']);
    expect(h.code).toBe(0);
    for (const c of ['run', 'run-all', 'render', 'find', 'list', 'hcl', 'dag', 'info', 'version']) expect(h.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
    const one = await run(['help', 'run-all']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('run-all <terraform-command>');
    const dash = await run(['hcl', 'fmt', '-h']);
    expect(dash.stdout).toContain('--check');
    expect((await run(['help', 'hcl'])).stdout).toMatch(/hcl fmt|hcl format/);
  });

  it('each flag line shows the current name, the classic one and both env names', async () => {
    const h = await run(['run', '--help']);
    const entry = h.stdout.slice(h.stdout.indexOf('--iam-assume-role='), h.stdout.indexOf('--iam-assume-role-duration'));
    for (const s of ['--terragrunt-iam-role', 'TG_IAM_ASSUME_ROLE', 'TERRAGRUNT_IAM_ROLE']) expect(entry.replace(/\s+/g, ' ')).toContain(s);
    expect(h.stdout).toContain('--queue-include-dir');
    expect(h.stdout).toContain('--terragrunt-include-dir');
  });

  it('tgo version, -v and --version print tgo\'s version', async () => {
    for (const args of [['version'], ['-v'], ['--version']]) {
      const r = await run(args);
      expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^tgo\/0\.1\.0 /)]);
    }
  });

  it('shell completion: tgo autocomplete prints the setup for bash', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'tgo-home-'));
    const r = await tgo(['autocomplete', 'bash'], { cwd: stack, env: baseEnv({ HOME: home, XDG_CACHE_HOME: path.join(home, '.cache') }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tgo autocomplete');
  });
});

describe('current and classic command names', () => {
  it('render --json and render-json print the same; plain render says it renders JSON only', async () => {
    const a = await run(['render', '--json', '--working-dir', path.join(stack, 'vpc')]);
    const b = await run(['render-json', '--terragrunt-working-dir', path.join(stack, 'vpc')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).inputs).toEqual({ name: 'vpc' });
    const plain = await run(['render', '--working-dir', path.join(stack, 'vpc')]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('add --json');
  });

  it('render --json --all --write puts terragrunt.rendered.json next to each unit', async () => {
    const dir = writeStack({ 'a/terragrunt.hcl': 'inputs = { x = 1 }\n', 'b/terragrunt.hcl': '' });
    const r = await run(['render', '--json', '--all', '-w'], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(path.join(dir, 'a', 'terragrunt.rendered.json'), 'utf8')).inputs).toEqual({ x: 1 });
    expect(existsSync(path.join(dir, 'b', 'terragrunt.rendered.json'))).toBe(true);
  });

  it('dag graph = graph-dependencies; info print has the current keys, terragrunt-info the classic ones', async () => {
    const g = await run(['dag', 'graph']);
    expect(g.stdout).toBe((await run(['graph-dependencies'])).stdout);
    expect(g.stdout).toContain('"app" -> "vpc"');
    const info = JSON.parse((await run(['info', 'print'], path.join(stack, 'app'))).stdout);
    expect(Object.keys(info)).toEqual(['config_path', 'download_dir', 'iam_role', 'terraform_binary', 'terraform_command', 'working_dir']);
    const classic = JSON.parse((await run(['terragrunt-info'], path.join(stack, 'app'))).stdout);
    expect(classic.ConfigPath).toBe(info.config_path);
  });

  it('find and list show the units; --dag orders dependencies first', async () => {
    const f = await run(['find']);
    expect(f.stdout).toBe('app\ndb\nvpc\n');
    const dag = JSON.parse((await run(['find', '--dag', '--json', '--dependencies'])).stdout);
    expect(dag).toEqual([
      { type: 'unit', path: 'vpc', dependencies: [] },
      { type: 'unit', path: 'app', dependencies: ['vpc'] },
      { type: 'unit', path: 'db', dependencies: ['vpc'] },
    ]);
    const long = await run(['list', '--long', '--dependencies']);
    expect(long.stdout.split('\n')[0]).toMatch(/^Type\s+Path\s+Dependencies$/);
    expect(long.stdout).toMatch(/^unit\s+app\s+vpc$/m);
    expect((await run(['list', '--tree'])).stdout).toBe('.\n├── app\n├── db\n╰── vpc\n');
  });
});

describe('no flag reaches terraform by accident', () => {
  it.each([
    [['--terragrunt-iam-rol', 'arn:aws:iam::111111111111:role/x', 'plan'], 'Did you mean --terragrunt-iam-role?'],
    [['run-all', 'plan', '--queue-inclde-dir', 'foo'], 'Did you mean --queue-include-dir?'],
    [['plan', '--provider-cache-hostname', 'h'], '--provider-cache-hostname is a Terragrunt flag that tgo does not implement'],
    [['run', '--all', 'apply', '--terragrunt-use-partial-parse-config-cache'], 'Terragrunt\'s --use-partial-parse-config-cache'],
    [['run-all', 'plan', '--version-manager-file-name', 'x'], '--version-manager-file-name is a Terragrunt flag'],
    [['rnu-all', 'plan'], 'Did you mean "run-all"?'],
    [['pla'], 'Did you mean "plan"?'],
    [['render-json', '--bogus'], 'Unknown flag --bogus for tgo render'],
    [['list', '--tre'], 'Did you mean --tree?'],
    [['stack', 'generate', '--provider-cache-port', '1'], '--provider-cache-port is a Terragrunt flag of stack generate that tgo does not implement'],
    [['stack', 'output', '--ra'], 'Did you mean --raw?'],
  ])('%j is refused before anything runs', async (args, message) => {
    const before = started();
    const r = await tgo([...args, '--terragrunt-tfpath', tf.path], { cwd: path.join(stack, 'vpc'), env: baseEnv(), input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(started()).toBe(before);
  });

  it('terraform\'s own flags, with one dash or two, and anything after -- reach terraform unchanged', async () => {
    const before = started();
    const r = await tgo(['plan', '--lock-timeout=5m', '-var', 'a=b', '--terragrunt-tfpath', tf.path, '--', '--provider-cache'],
      { cwd: path.join(stack, 'vpc'), env: baseEnv(), input: '' });
    expect(r.code).toBe(0);
    const rec = tf.records().slice(before).find((x) => x.argv.includes('plan'))!;
    expect(rec.argv).toEqual(['plan', '--lock-timeout=5m', '-var', 'a=b', '--provider-cache']);
  });
});

describe('messages echo the spelling the user typed', () => {
  it('excluded by --queue-exclude-dir, or by the env var that set it', async () => {
    const a = await run(['run', '--all', 'plan', '--queue-exclude-dir', 'db', '--tf-path', tf.path, '--non-interactive']);
    expect(a.stderr).toContain('excluded by --queue-exclude-dir');
    const b = await tgo(['run-all', 'plan', '--terragrunt-tfpath', tf.path], { cwd: stack, env: baseEnv({ TG_QUEUE_EXCLUDE_DIR: 'db' }), input: '' });
    expect(b.stderr).toContain('excluded by TG_QUEUE_EXCLUDE_DIR');
  });
});

describe('Terragrunt 1.x meaning of the current spellings', () => {
  const planned = (from: number) => tf.records().slice(from).filter((x) => x.argv[0] === 'plan').map((x) => path.basename(x.cwd)).sort();

  it('--queue-include-dir runs only the matching units; --terragrunt-include-dir also their dependencies', async () => {
    let before = started();
    await run(['run', '--all', 'plan', '--queue-include-dir', 'app', '--tf-path', tf.path]);
    expect(planned(before)).toEqual(['app']);
    before = started();
    await run(['run-all', 'plan', '--terragrunt-include-dir', 'app', '--terragrunt-tfpath', tf.path]);
    expect(planned(before)).toEqual(['app', 'vpc']);
    before = started();
    await run(['run', '--all', 'plan', '--queue-include-dir', 'app', '--queue-include-external', '--tf-path', tf.path]);
    expect(planned(before)).toEqual(['app', 'vpc']);
  });
});
