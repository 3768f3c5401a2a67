// `tgo exec -- <program>`: any program, in the module's directory, with the module's role credentials and its
// inputs as TF_VAR_* — the environment terraform would get — and with --all in every module.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

// Several tgo processes per test: room for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let sts: FakeSts;
beforeAll(async () => {
  sts = await startFakeSts();
});
afterAll(async () => {
  await sts?.close();
});

const ROLE = (n: string) => `arn:aws:iam::111111111111:role/${n}`;
const env = () => baseEnv({ AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret', AWS_ENDPOINT_URL_STS: sts.url });
/** A program that prints what it was given: its directory, TF_VAR_name and the access key it holds. */
const SHOW = ['node', '-e', 'console.log(JSON.stringify({ cwd: process.cwd(), name: process.env.TF_VAR_name, tags: process.env.TF_VAR_tags, key: process.env.AWS_ACCESS_KEY_ID }))'];

describe('tgo exec', () => {
  it('runs the program in the module dir with the module\'s role and its inputs as TF_VAR_*', async () => {
    const root = writeStack({ 'app/terragrunt.hcl': `iam_role = "${ROLE('app')}"\ninputs = {\n  name = "web"\n  tags = { team = "a" }\n}\n` });
    const r = await tgo(['exec', '--', ...SHOW], { cwd: path.join(root, 'app'), env: env() });
    expect(r.code, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout.trim());
    expect(seen.cwd).toBe(path.join(root, 'app'));
    expect(seen.name).toBe('web');
    expect(JSON.parse(seen.tags)).toEqual({ team: 'a' });
    expect(seen.key).toMatch(/^ASIA/);
    expect(sts.issued(seen.key)?.roleArn).toBe(ROLE('app'));
  });

  it('--all runs it in every module, each with its own role; the program\'s exit code is the run\'s', async () => {
    const root = writeStack({
      'a/terragrunt.hcl': `iam_role = "${ROLE('a')}"\ninputs = { name = "a" }\n`,
      'b/terragrunt.hcl': `iam_role = "${ROLE('b')}"\ninputs = { name = "b" }\ndependencies {\n  paths = ["../a"]\n}\n`,
    });
    const r = await tgo(['exec', '--all', '--non-interactive', '--', ...SHOW], { cwd: root, env: env() });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('{')).map((l) => JSON.parse(l.slice(l.indexOf('{'))));
    expect(lines.map((l) => l.name).sort()).toEqual(['a', 'b']);
    for (const l of lines) expect(sts.issued(l.key)?.roleArn).toBe(ROLE(l.name));
    const fail = await tgo(['exec', '--', 'node', '-e', 'process.exit(3)'], { cwd: path.join(root, 'a'), env: env() });
    expect(fail.code).toBe(3);
    expect(fail.stderr).toContain('node exited with code 3');
  });

  it('without a program, or with a flag exec does not know, nothing runs', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '' });
    const none = await tgo(['exec'], { cwd: path.join(root, 'a'), env: env() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Missing the program to run');
    const bad = await tgo(['exec', '--bogus', '--', 'true'], { cwd: path.join(root, 'a'), env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown flag --bogus for tgo exec');
  });
});
