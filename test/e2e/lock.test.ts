/**
 * Ctrl-C while real terraform holds a state lock on an S3 + DynamoDB backend (moto): tgo forwards one SIGINT,
 * terraform stops gracefully and releases the lock, tgo exits 130, and no terraform process is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startMoto, type Moto } from '../support/moto.js';
import { baseEnv, startTgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

let moto: Moto;
let root: string;
beforeAll(async () => {
  moto = await startMoto();
  await moto.createBucket('tfstate');
  await moto.createLockTable('locks');
});
afterAll(async () => {
  await moto?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const lockItems = async () => (await moto.scanTable('locks')).filter((i) => !String((i.LockID as { S: string }).S).endsWith('-md5'));

function terraformPids(dir: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => /terraform (apply|init)/.test(l) && l.includes('-input=false')).map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter((pid) => {
      try {
        return execFileSync('readlink', [`/proc/${pid}/cwd`], { encoding: 'utf8' }).trim().startsWith(dir);
      } catch {
        return false;
      }
    });
}

describe('interrupting real terraform that holds a lock', () => {
  it('releases the lock and leaves no process behind', async () => {
    root = writeStack({
      'app/terragrunt.hcl': `
iam_role = "arn:aws:iam::123456789012:role/deployer"

remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket                  = "tfstate"
    key                     = "app/terraform.tfstate"
    region                  = "us-east-1"
    dynamodb_table          = "locks"
    use_path_style          = true
    skip_region_validation  = true
    skip_metadata_api_check = true
    endpoints = {
      s3       = get_env("MOTO_URL")
      sts      = get_env("MOTO_URL")
      dynamodb = get_env("MOTO_URL")
    }
  }
}
`,
      'app/main.tf': `
resource "terraform_data" "slow" {
  provisioner "local-exec" {
    command = "sleep 60"
  }
}
`,
    });
    const run = startTgo(['run-all', 'apply', '--terragrunt-non-interactive'], {
      cwd: root,
      env: baseEnv({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'base-secret' }),
    });
    // Wait until terraform holds the lock (the DynamoDB item appears), i.e. the apply is under way.
    const deadline = Date.now() + 60_000;
    while ((await lockItems()).length === 0) {
      if (Date.now() > deadline) throw new Error(`no lock appeared; tgo said:\n${(await Promise.race([run.done, Promise.resolve(undefined)]))?.stderr ?? ''}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000)); // let local-exec start
    run.kill('SIGINT');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(await lockItems()).toEqual([]);
    expect(terraformPids(root)).toEqual([]);
    // The state object was written by the role's credentials (the backend works with what tgo injected).
    expect(await moto.listObjects('tfstate')).toContain('app/terraform.tfstate');
  });
});
