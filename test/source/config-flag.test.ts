/** --terragrunt-config / --config: another file name for a module's configuration, for one module and for run-all. */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});
const inputs = (x: string) => `inputs = { x = "${x}" }\n`;
const ran = (root: string) => Object.fromEntries(tf.records().filter((r) => r.cwd.startsWith(root) && r.argv[0] === 'plan')
  .map((r) => [path.relative(root, r.cwd) || '.', r.env.TF_VAR_x]));

describe('--config', { timeout: 120_000 }, () => {
  it('one module: the named file configures it instead of terragrunt.hcl', async () => {
    const root = writeStack({ 'app/terragrunt.hcl': inputs('default'), 'app/prod.hcl': inputs('prod') });
    const r = await tgo(['plan', '--terragrunt-config', 'app/prod.hcl', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root)).toEqual({ app: 'prod' });
  });

  it('run-all (TG_CONFIG): folders holding a file of that name are modules too, and it wins over terragrunt.hcl', async () => {
    const root = writeStack({ 'a/prod.hcl': inputs('a prod'), 'b/terragrunt.hcl': inputs('b default'), 'c/terragrunt.hcl': inputs('c default'), 'c/prod.hcl': inputs('c prod') });
    const r = await tgo(['run-all', 'plan', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv({ TG_CONFIG: 'prod.hcl' }) });
    expect(r.code, r.stderr).toBe(0);
    expect(ran(root)).toEqual({ a: 'a prod', b: 'b default', c: 'c prod' });
  });

  it('a config file that does not exist is a usage error and nothing runs', async () => {
    const root = writeStack({ 'app/terragrunt.hcl': '' });
    const r = await tgo(['plan', '--config', 'nope.hcl', '--terragrunt-tfpath', tf.path], { cwd: path.join(root, 'app'), env: baseEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`--config: ${path.join(root, 'app', 'nope.hcl')} does not exist`);
    expect(ran(root)).toEqual({});
  });
});
