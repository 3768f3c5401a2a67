/**
 * STS faults through the real CLI and the real SDK, against the fault-injecting STS: throttling is absorbed,
 * 500s are retried then reported, an unreachable STS fails clearly after a bounded number of attempts,
 * AccessDenied and expired base credentials fail only the modules that need a role (and their dependents) —
 * modules without a role still run.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { moduleHcl, writeStack } from '../support/stack.js';

let tf: FakeTerraform;
let sts: FakeSts | undefined;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});
afterEach(async () => {
  await sts?.close();
  sts = undefined;
});

const ROLE_A = 'arn:aws:iam::222222222222:role/team-a';
const ROLE_B = 'arn:aws:iam::333333333333:role/team-b';

/** a and a-app use role A, b uses role B, plain uses none. */
const stack = () => writeStack({
  'a/terragrunt.hcl': `iam_role = "${ROLE_A}"\n`, 'a/.terraform/keep': '',
  'a-app/terragrunt.hcl': `iam_role = "${ROLE_A}"\n${moduleHcl(['../a'])}`, 'a-app/.terraform/keep': '',
  'b/terragrunt.hcl': `iam_role = "${ROLE_B}"\n`, 'b/.terraform/keep': '',
  'plain/terragrunt.hcl': '', 'plain/.terraform/keep': '',
});

async function runWith(s: { url: string }) {
  const root = stack();
  const r = await tgo(['run-all', 'plan', '--terragrunt-tfpath', tf.path], {
    cwd: root,
    env: baseEnv({ AWS_ENDPOINT_URL_STS: s.url, AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'basesecret' }),
  });
  const ran = tf.records().filter((x) => x.cwd.startsWith(root) && x.argv[0] === 'plan').map((x) => path.relative(root, x.cwd)).sort();
  return { ...r, ran };
}

/** A TCP endpoint that resets every connection, counting them: STS unreachable, each attempt visible. */
async function resettingEndpoint(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((socket) => {
    n++;
    socket.resetAndDestroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => n, close: () => new Promise((r) => server.close(() => r())) };
}

describe('STS faults', () => {
  it('50% throttling: the run completes', async () => {
    sts = await startFakeSts();
    sts.throttle(0.5, 7);
    const r = await runWith(sts);
    expect(r.code, r.stderr).toBe(0);
    expect(r.ran).toEqual(['a', 'a-app', 'b', 'plain']);
    expect(sts.callsOf('AssumeRole').filter((c) => c.status === 400).length).toBeGreaterThan(0); // it really was throttled
  });

  it('500s are retried, then fail the modules needing a role with a clear error; the rest runs', async () => {
    sts = await startFakeSts();
    sts.failNext(10_000, 500, 'InternalFailure');
    const r = await runWith(sts);
    expect(r.code).toBe(1);
    expect(r.ran).toEqual(['plain']);
    expect(r.stderr).toMatch(new RegExp(`\\[a\\] failed.*AssumeRole ${ROLE_A} failed: InternalFailure`));
    expect(r.stderr).toMatch(/\[a-app\] early exit: dependency a did not succeed/);
    expect(sts.callsOf('AssumeRole').length).toBeGreaterThan(2); // retried
  });

  // "Within seconds" is a bounded number of attempts (5 rounds of the SDK's 3) whose backoff adds up to under
  // 5 s (tgo's and the SDK's, on a fake clock: test/auth/sts.test.ts); counted here, not timed.
  it('STS unreachable (connection refused): a clear error after a bounded number of attempts; modules without a role run', async () => {
    sts = await startFakeSts();
    await sts.unreachable();
    const r = await runWith(sts);
    expect(r.code).toBe(1);
    expect(r.ran).toEqual(['plain']);
    expect(r.stderr).toMatch(new RegExp(`\\[b\\] failed.*AssumeRole ${ROLE_B} failed: STS is unreachable \\(ECONNREFUSED: .*\\(gave up after 15 attempts\\)\\)`));
    expect(r.stderr).toMatch(/\[a-app\] early exit: dependency a did not succeed/);
  });

  it('STS unreachable (connection reset): exactly 15 connection attempts per role session, then a clear error', async () => {
    const endpoint = await resettingEndpoint();
    try {
      const r = await runWith(endpoint);
      expect(r.code).toBe(1);
      expect(r.ran).toEqual(['plain']);
      for (const role of [ROLE_A, ROLE_B]) {
        expect(r.stderr).toMatch(new RegExp(`AssumeRole ${role} failed: STS is unreachable \\(ECONNRESET: .*\\(gave up after 15 attempts\\)\\)`));
      }
      expect(endpoint.connections()).toBe(2 * 15); // two role sessions (a and a-app share one), never more
    } finally {
      await endpoint.close();
    }
  });

  it('AccessDenied for one role: only its module fails', async () => {
    sts = await startFakeSts();
    sts.denyRole(ROLE_B);
    const r = await runWith(sts);
    expect(r.code).toBe(1);
    expect(r.ran).toEqual(['a', 'a-app', 'plain']);
    expect(r.stderr).toMatch(new RegExp(`\\[b\\] failed.*AssumeRole ${ROLE_B} failed: AccessDenied`));
    expect(r.stderr).toMatch(/Failed\s+1/);
    expect(sts.callsOf('AssumeRole').filter((c) => c.params.RoleArn === ROLE_B)).toHaveLength(1); // not retried
  });

  it('expired base credentials are explained as such', async () => {
    sts = await startFakeSts();
    sts.expireBaseCredentials('AKIABASE');
    const r = await runWith(sts);
    expect(r.code).toBe(1);
    expect(r.ran).toEqual(['plain']);
    expect(r.stderr).toMatch(/your base credentials expired/);
  });
});
