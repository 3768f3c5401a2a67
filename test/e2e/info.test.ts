/**
 * terragrunt-info (Terragrunt's TerragruntInfoGroup / info print): the working dir it reports is where terraform
 * really runs — checked against the directory the fake terraform was started in — and the command is named.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

async function infoAndRun(dir: string): Promise<{ info: Record<string, string>; ranIn: string }> {
  const info = await tgo(['terragrunt-info', '--terragrunt-tfpath', tf.path], { cwd: dir, env: baseEnv() });
  expect(info.code, info.stderr).toBe(0);
  const init = await tgo(['init', '--terragrunt-tfpath', tf.path], { cwd: dir, env: baseEnv() });
  expect(init.code, init.stderr).toBe(0);
  const started = tf.records().filter((r) => r.argv[0] === 'init' && r.env.TF_VAR_marker === dir);
  expect(started).toHaveLength(1);
  return { info: JSON.parse(info.stdout) as Record<string, string>, ranIn: started[0]!.cwd };
}

describe('terragrunt-info', () => {
  it('with a source, WorkingDir is the .terragrunt-cache copy terraform runs in', async () => {
    const root = writeStack({ 'modules/app/main.tf': '', 'live/app/terragrunt.hcl': '' });
    const dir = path.join(root, 'live/app');
    writeStack({ 'terragrunt.hcl': `terraform {\n  source = "../../modules//app"\n}\ninputs = {\n  marker = "${dir}"\n}\n` }, dir);
    const { info, ranIn } = await infoAndRun(dir);
    expect(info.WorkingDir).toBe(ranIn);
    expect(path.relative(dir, info.WorkingDir!).split(path.sep)[0]).toBe('.terragrunt-cache');
    expect(info).toMatchObject({ ConfigPath: path.join(dir, 'terragrunt.hcl'), DownloadDir: path.join(dir, '.terragrunt-cache'), TerraformCommand: 'terragrunt-info', TerraformBinary: tf.path });
  });

  it('without a source, WorkingDir is the module directory', async () => {
    const root = writeStack({ 'app/main.tf': '' });
    const dir = path.join(root, 'app');
    writeStack({ 'terragrunt.hcl': `inputs = {\n  marker = "${dir}"\n}\n` }, dir);
    const { info, ranIn } = await infoAndRun(dir);
    expect(info.WorkingDir).toBe(ranIn);
    expect(info.WorkingDir).toBe(dir);
  });
});
