// The run session in-process: one credential lookup per module run, questions through the host, and a
// credential source added by registration alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { writeStack } from '../support/stack.js';
import { run } from '../../src/run/run.js';
import { RecordingSink, type Answer, type IoHost, type Question } from '../../src/run/events.js';
import type { RunOptions } from '../../src/run/options.js';
import type { AssumeRoleRequest, AwsCredentials, Sts } from '../../src/auth/sts.js';
import type { SourceFactory } from '../../src/auth/source.js';
import { CREDENTIAL_SOURCES } from '../../src/auth/sources/index.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

const ARN = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

/** An STS that issues a key per call and says which key it was, and for whom. */
function fakeSts() {
  const assumed: AssumeRoleRequest[] = [];
  const sessionTokens: Array<{ serial: string; code: string }> = [];
  const sts: Sts = {
    async assumeRole(req) {
      assumed.push(req);
      const n = assumed.length;
      return { credentials: { accessKeyId: `ASIAROLE${n}`, secretAccessKey: `role-secret-${n}-xxxxxxxx`, sessionToken: `role-token-${n}-xxxxxxxx`, expiration: new Date(Date.now() + 3600_000) }, assumedRoleArn: req.roleArn };
    },
    async getSessionToken(serial, code) {
      sessionTokens.push({ serial, code });
      return { accessKeyId: 'ASIAMFASESSION', secretAccessKey: 'mfa-secret-xxxxxxxx', sessionToken: 'mfa-token-xxxxxxxx', expiration: new Date(Date.now() + 3600_000) };
    },
    async callerIdentity(c?: AwsCredentials) {
      return { account: c ? c.accessKeyId.replace(/\D/g, '').padStart(12, '0') : '000000000000', arn: 'arn', userId: 'u' };
    },
  };
  return { sts, assumed, sessionTokens };
}

/** A host that records events and answers questions from a script (and records them). */
function scriptedHost(answers: { confirm?: boolean; mfaCode?: string } = {}): IoHost & { sink: RecordingSink; asked: Question[] } {
  const sink = new RecordingSink();
  const asked: Question[] = [];
  return {
    sink,
    asked,
    emit: (e) => sink.emit(e),
    async ask<Q extends Question>(q: Q): Promise<Answer<Q>> {
      asked.push(q);
      return (q.type === 'confirm' ? answers.confirm ?? false : answers.mfaCode) as Answer<Q>;
    },
  };
}

const options = (workingDir: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  workingDir, command: 'apply', args: [], tfPath: tf.path, parallelism: Infinity, nonInteractive: true, autoInit: false, logLevel: 'debug',
  role: {}, env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'base-secret-value' }, all: true, ...extra,
});
const signals = () => ({ interrupt: new AbortController().signal, kill: new AbortController().signal });

/** Every registered source, with the role stage's lookups counted per module. */
function countingSources(counts: Map<string, number>): SourceFactory[] {
  return CREDENTIAL_SOURCES.map((make) => (ctx) => {
    const s = make(ctx);
    if (!s || s.stage !== 'role') return s;
    return { ...s, forModule: (m, role, base) => {
      if (role && (s.name === 'AssumeRole') === !role.webIdentityToken) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      return s.forModule(m, role, base);
    } };
  });
}

describe('run session', () => {
  it('looks a module\'s credentials up once per run of it (get_aws_* in its full evaluation uses the same), once more per dependency read', async () => {
    const root = writeStack({
      'vpc/terragrunt.hcl': `iam_role = "${ARN('vpc')}"\n`,
      'vpc/fake-tf.json': { outputs: { id: 'vpc-1' } },
      'vpc/.terraform/keep': '',
      'app/terragrunt.hcl': `iam_role = "${ARN('app')}"\ndependency "vpc" {\n  config_path = "../vpc"\n}\ninputs = {\n  vpc = dependency.vpc.outputs.id\n  account = get_aws_account_id()\n}\n`,
      'app/.terraform/keep': '',
    });
    const { sts, assumed } = fakeSts();
    const counts = new Map<string, number>();
    const host = scriptedHost();
    const r = await run(options(root), { host, signals: signals(), sts: async () => sts, sources: countingSources(counts) });
    expect(r.exitCode).toBe(0);
    expect(Object.fromEntries(counts)).toEqual({ app: 1, vpc: 2 });
    expect(assumed.map((a) => a.roleArn).sort()).toEqual([ARN('app'), ARN('vpc')]);
    // app's terraform ran with its own role, and get_aws_account_id() answered for that role's key.
    const apply = tf.records().find((x) => x.argv[0] === 'apply' && x.cwd.endsWith('/app'))!;
    const appKey = apply.env.AWS_ACCESS_KEY_ID!;
    expect(assumed[Number(appKey.replace('ASIAROLE', '')) - 1]!.roleArn).toBe(ARN('app'));
    expect(apply.env.TF_VAR_account).toBe(appKey.replace(/\D/g, '').padStart(12, '0'));
    expect(apply.env.TF_VAR_vpc).toBe('vpc-1');
    const lines = host.sink.of('credentials').map((e) => `${e.module} ${e.via}`);
    expect(lines.sort()).toEqual(['app AssumeRole', 'vpc AssumeRole', 'vpc AssumeRole (to read its outputs)']);
  });

  it('asks the host for the MFA code (once per device) and for the confirmation; the core never reads the terminal', async () => {
    const serial = 'arn:aws:iam::111111111111:mfa/alice';
    const root = writeStack({
      'a/terragrunt.hcl': `iam_role = "${ARN('a')}"\niam_assume_role_mfa_serial = "${serial}"\n`, 'a/.terraform/keep': '',
      'b/terragrunt.hcl': `iam_role = "${ARN('b')}"\niam_assume_role_mfa_serial = "${serial}"\n`, 'b/.terraform/keep': '',
    });
    const { sts, assumed, sessionTokens } = fakeSts();
    const host = scriptedHost({ confirm: true, mfaCode: '424242' });
    const r = await run(options(root, { nonInteractive: false }), { host, signals: signals(), sts: async () => sts });
    expect(r.exitCode).toBe(0);
    expect(host.asked.map((q) => q.type)).toEqual(['confirm', 'mfa-code']);
    expect(host.asked[1]).toEqual({ type: 'mfa-code', serial });
    expect(sessionTokens).toEqual([{ serial, code: '424242' }]);
    expect(assumed.map((a) => a.signWith?.accessKeyId)).toEqual(['ASIAMFASESSION', 'ASIAMFASESSION']);

    // A host with nobody to answer: the run stops before any STS call, naming the device and where it was set.
    const { sts: sts2, assumed: assumed2, sessionTokens: tokens2 } = fakeSts();
    const silent = scriptedHost();
    const e = await run(options(root), { host: silent, signals: signals(), sts: async () => sts2 }).catch((x: Error) => x);
    expect((e as Error).message).toBe(`MFA device ${serial} (set by a/terragrunt.hcl:2) needs a code and there is no terminal to ask on: pass --iam-mfa-token or set TGO_IAM_MFA_TOKEN.`);
    expect([...assumed2, ...tokens2]).toEqual([]);
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toHaveLength(2);
  });

  it('a new credential source is one factory plus one registration: modules start from its credentials', async () => {
    // What a new file in src/auth/sources/ would hold: a base source (here: keys from a vault, by module path).
    const vault: SourceFactory = (ctx) => {
      const prefix = ctx.options.env.VAULT_AWS_PATHS;
      if (!prefix) return undefined;
      return {
        name: 'vault',
        stage: 'base',
        async forModule(module) {
          if (!module.id.startsWith(prefix)) return undefined;
          const credentials = { accessKeyId: `AKIAVAULT${module.id.length}`, secretAccessKey: 'vault-secret-xxxxxxx' };
          return { env: { VAULT_PATH: module.id }, session: { credentials, signer: 'vault', facts: { roleArn: '(vault keys)', source: 'vault', sessionName: '(none)', cacheHit: false, via: 'vault' } } };
        },
      };
    };
    const root = writeStack({
      'prod/app/terragrunt.hcl': `iam_role = "${ARN('app')}"\n`, 'prod/app/.terraform/keep': '',
      'prod/plain/terragrunt.hcl': '', 'prod/plain/.terraform/keep': '',
      'dev/app/terragrunt.hcl': `iam_role = "${ARN('dev')}"\n`, 'dev/app/.terraform/keep': '',
    });
    const { sts, assumed } = fakeSts();
    const host = scriptedHost();
    const o = options(root);
    const r = await run({ ...o, env: { ...o.env, VAULT_AWS_PATHS: 'prod/' } }, { host, signals: signals(), sts: async () => sts, sources: [...CREDENTIAL_SOURCES, vault] });
    expect(r.exitCode).toBe(0);
    // prod/app's role is assumed with the vault's keys; dev/app's with tgo's own; prod/plain runs with the vault's keys.
    expect(assumed.map((a) => [a.roleArn, a.signWith?.accessKeyId])).toEqual(expect.arrayContaining([[ARN('app'), 'AKIAVAULT8'], [ARN('dev'), undefined]]));
    const env = (dir: string) => tf.records().find((x) => x.argv[0] === 'apply' && x.cwd === `${root}/${dir}`)!.env;
    expect(env('prod/plain').AWS_ACCESS_KEY_ID).toBe('AKIAVAULT10');
    expect(env('dev/app').AWS_ACCESS_KEY_ID).toMatch(/^ASIAROLE/);
    const via = Object.fromEntries(host.sink.of('credentials').map((e) => [e.module, e.via]));
    expect(via).toEqual({ 'prod/app': 'AssumeRole with vault credentials', 'prod/plain': 'vault', 'dev/app': 'AssumeRole' });
  });
});
