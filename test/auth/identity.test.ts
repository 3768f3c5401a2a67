import { describe, expect, it } from 'vitest';
import { Identities, IdentityUnavailableError } from '../../src/auth/identity.js';
import type { AwsCredentials, Sts } from '../../src/auth/sts.js';

function sts() {
  const calls: Array<string | undefined> = [];
  const s: Sts = {
    assumeRole: async () => { throw new Error('unused'); },
    getSessionToken: async () => { throw new Error('unused'); },
    callerIdentity: async (c?: AwsCredentials) => {
      calls.push(c?.accessKeyId);
      return c ? { account: '222222222222', arn: `arn:aws:sts::222222222222:assumed-role/r/${c.accessKeyId}`, userId: 'AROA:s' } : { account: '111111111111', arn: 'arn:aws:iam::111111111111:user/ci', userId: 'AIDA' };
    },
  };
  return { s, calls };
}

describe('Identities', () => {
  it('an evaluation that needs an unknown identity is repeated once it is fetched; placeholders never leak', async () => {
    const { s, calls } = sts();
    const ids = new Identities(async () => s);
    let evaluations = 0;
    const result = await ids.load(() => {
      evaluations++;
      const id = ids.lookup('/live/a/terragrunt.hcl');
      if (id.account === '') throw new Error('invalid ARN arn:aws:iam:::role/x'); // what a placeholder would cause
      return `arn:aws:iam::${id.account}:role/x`;
    });
    expect(result).toBe('arn:aws:iam::111111111111:role/x');
    expect(evaluations).toBe(2);
    expect(calls).toEqual([undefined]);
    // Known now: one evaluation, no call.
    expect(await ids.load(() => ids.lookup('/live/b/terragrunt.hcl').arn)).toBe('arn:aws:iam::111111111111:user/ci');
    expect(calls).toHaveLength(1);
    expect(ids.used).toEqual(new Set(['/live/a/terragrunt.hcl', '/live/b/terragrunt.hcl']));
  });

  it('an evaluation that needs none runs once, and its error is its own', async () => {
    const { s } = sts();
    const ids = new Identities(async () => s);
    let n = 0;
    await expect(ids.load(() => { n++; throw new Error('bad HCL'); })).rejects.toThrow('bad HCL');
    expect(n).toBe(1);
  });

  it('a module switched to its role answers for the role; one GetCallerIdentity per credentials', async () => {
    const { s, calls } = sts();
    const ids = new Identities(async () => s);
    const role = { accessKeyId: 'ASIAROLE', secretAccessKey: 'x' };
    await Promise.all(['a', 'b', 'c'].map((m) => ids.use(`/live/${m}/terragrunt.hcl`, `module:/live/${m}`, async () => role)));
    const arns = await Promise.all(['a', 'b', 'c'].map((m) => ids.load(() => ids.lookup(`/live/${m}/terragrunt.hcl`).arn)));
    expect(arns).toEqual(Array(3).fill('arn:aws:sts::222222222222:assumed-role/r/ASIAROLE'));
    expect(calls).toEqual(['ASIAROLE']);
  });

  it('the base can be per module (auth-provider-cmd); outside load() it is an error', async () => {
    const { s } = sts();
    const ids = new Identities(async () => s, {
      base: (p) => ({ key: `auth:${p}`, get: async () => ({ accessKeyId: `AKIA-${p.length}`, secretAccessKey: 'x' }) }),
    });
    const id = await ids.load(() => ({ ...ids.lookup('/x/terragrunt.hcl') }));
    expect(id.account).toBe('222222222222');
    expect(() => ids.lookup('/y/terragrunt.hcl').account).toThrow(IdentityUnavailableError);
  });

  it('the alias: never asked for in phase one; once per role with the role\'s credentials; no GetCallerIdentity for it', async () => {
    const { s, calls } = sts();
    const iam: Array<string | undefined> = [];
    const ids = new Identities(async () => s, {
      iam: async (c) => {
        iam.push(c?.accessKeyId);
        return c ? 'prod-alias' : 'security-alias';
      },
    });
    // Phase one: '' and the module is noted, no IAM and no STS call.
    expect(await ids.load(() => ids.lookup('/live/a/terragrunt.hcl').alias)).toBe('');
    expect(ids.aliasDeferred).toEqual(new Set(['/live/a/terragrunt.hcl']));
    expect(iam).toEqual([]);
    // Full evaluations: modules a and b share one role session, c has no role (tgo's own chain).
    const role = { accessKeyId: 'ASIAROLE', secretAccessKey: 'x' };
    await ids.use('/live/a/terragrunt.hcl', 'module:/live/a', async () => role); // fetched ahead: phase one asked
    expect(iam).toEqual(['ASIAROLE']);
    await ids.use('/live/b/terragrunt.hcl', 'module:/live/b', async () => role);
    await ids.use('/live/c/terragrunt.hcl', 'module:/live/c', async () => undefined);
    let evaluations = 0;
    const aliases = await Promise.all(['a', 'b', 'c'].map((m) => ids.load(() => {
      evaluations++;
      return ids.lookup(`/live/${m}/terragrunt.hcl`).alias;
    })));
    expect(aliases).toEqual(['prod-alias', 'prod-alias', 'security-alias']);
    expect(evaluations).toBe(5); // a once (fetched by use()), b and c twice (asked only now)
    expect(iam.sort()).toEqual(['ASIAROLE', undefined]);
    expect(ids.aliasCalls).toBe(2);
    expect(calls).toEqual([]);
    expect(() => new Identities(async () => s).lookup('/live/a/terragrunt.hcl').arn).toThrow(IdentityUnavailableError);
  });
});

describe('Identities: a failed fetch', () => {
  it('names the files whose get_aws_*() needed it (STS alone says nothing of where)', async () => {
    const failing: Sts = {
      assumeRole: async () => { throw new Error('unused'); },
      getSessionToken: async () => { throw new Error('unused'); },
      callerIdentity: async () => { throw new Error('GetCallerIdentity failed: STS is unreachable'); },
    };
    const ids = new Identities(async () => failing);
    const file = `${process.cwd()}/live/app/terragrunt.hcl`;
    await expect(ids.load(() => ids.lookup(file).account)).rejects.toThrow(
      'live/app/terragrunt.hcl: get_aws_*(): GetCallerIdentity failed: STS is unreachable',
    );
  });
});

describe('Identities: one failed fetch shared by several files', () => {
  it('names each file once, however many keys share the credentials', async () => {
    let calls = 0;
    const failing: Sts = {
      assumeRole: async () => { throw new Error('unused'); },
      getSessionToken: async () => { throw new Error('unused'); },
      callerIdentity: async () => { calls++; throw new Error('STS is unreachable'); },
    };
    const ids = new Identities(async () => failing);
    const a = `${process.cwd()}/live/a/terragrunt.hcl`;
    const b = `${process.cwd()}/live/b/terragrunt.hcl`;
    const e = await ids.load(() => [ids.lookup(a).account, ids.lookup(b).account]).catch((x: Error) => x);
    expect((e as Error).message).toBe('live/a/terragrunt.hcl, live/b/terragrunt.hcl: get_aws_*(): STS is unreachable');
    expect(calls).toBe(1);
  });
});
