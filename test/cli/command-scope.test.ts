// Flags and words that belong to other commands: a CI setting or a stack selection (--platform, --shard,
// --queue-include-units-changed-since) given to a command that does not act on it is refused, naming the
// commands that do, with no terraform started; `tgo <group> <word>` that is none of the group's commands names
// the ones it has (with a suggestion for a typo) instead of oclif's bare "not found".
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

vi.setConfig({ testTimeout: 120_000 });

let tf: FakeTerraform;
let stack: string;
beforeAll(async () => {
  tf = await makeFakeTerraform();
  stack = writeStack({
    'vpc/terragrunt.hcl': 'inputs = { name = "vpc" }\n', 'vpc/.terraform/keep': '',
    'app/terragrunt.hcl': 'dependencies {\n  paths = ["../vpc"]\n}\n', 'app/.terraform/keep': '',
  });
});

const run = (args: string[], cwd = stack) => tgo(args, { cwd, env: baseEnv(), input: '' });
const started = () => tf.records().length;

describe('flags only some commands act on', () => {
  it.each([
    [['find', '--platform', 'gitlab'], '--platform is not used by tgo find: only tgo ci generate acts on it'],
    [['dag', 'graph', '--shard', '1/2'], '--shard is not used by tgo dag graph: it selects units of a stack: use it with run --all'],
    [['render', '--json', '--queue-include-units-changed-since=main'], '--queue-include-units-changed-since is not used by tgo render'],
    [['hcl', 'validate', '--image', 'x'], '--image is not used by tgo hcl validate'],
    [['exec', '--pipeline-file', 'ci.yml', '--', 'true'], '--pipeline-file is not used by tgo exec'],
  ])('tgo %j is refused', async (args, message) => {
    const before = started();
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ERROR ${message}`);
    expect(r.stdout).toBe('');
    expect(started()).toBe(before);
  });

  it('a single-module terraform command refuses them too, before terraform starts; after -- they are terraform\'s', async () => {
    const before = started();
    const r = await run(['plan', '--shard', '1/2', '--terragrunt-tfpath', tf.path], path.join(stack, 'vpc'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--shard is not used by a terraform command in one module: it selects units of a stack: use it with run --all');
    expect(started()).toBe(before);
    const passed = await run(['plan', '--terragrunt-tfpath', tf.path, '--', '--platform=x'], path.join(stack, 'vpc'));
    expect(passed.code, passed.stderr).toBe(0);
    expect(tf.records().at(-1)!.argv).toContain('--platform=x');
  });

  it('the commands that select units still take them', async () => {
    const r = await run(['find', '--shard', '1/2', '--shard-level', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('app\n'); // the second group (app, after vpc), first half
    const exec = await run(['exec', '--all', '--non-interactive', '--shard', '1/2', '--shard-level', '2', '--', 'node', '-e', 'console.log("in", process.cwd())']);
    expect(exec.code, exec.stderr).toBe(0);
    expect(exec.stdout).toContain(`in ${path.join(stack, 'app')}`);
    expect(exec.stdout).not.toContain(`in ${path.join(stack, 'vpc')}`);
  });
});

describe('an unknown word after a command group', () => {
  it.each([
    [['backend', 'bogus'], 'ERROR Unknown command "tgo backend bogus". tgo backend has: bootstrap, delete.'],
    [['backend', 'boostrap', '--all'], 'tgo backend has: bootstrap, delete. Did you mean "tgo backend bootstrap"?'],
    [['--non-interactive', 'hcl', 'fmtt'], 'tgo hcl has: format, fmt, validate. Did you mean "tgo hcl fmt"?'],
    [['stack', 'gen'], 'ERROR Unknown command "tgo stack gen". tgo stack has: generate, run, output, clean.'],
  ])('tgo %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('not found');
  });
});
