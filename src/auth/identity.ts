// get_aws_account_id(), get_aws_caller_identity_arn(), get_aws_caller_identity_user_id() and
// get_aws_account_alias() in HCL. The loader's functions are synchronous and STS is not, so identities are
// fetched ahead: an evaluation that asks for one that is not known yet gets a placeholder and is noted; the
// caller then fetches what was noted and evaluates again (load()). Phase one (the stack load, where iam_*
// is resolved) answers with the base identity (tgo's own credentials, or the module's --auth-provider-cmd
// credentials); a module's full evaluation before it runs answers with the module's own role.
// One GetCallerIdentity per identity (access key) per run.

import { createHash } from 'node:crypto';
import { singleFlight } from '../shared/single-flight.js';
import type { AwsCredentials, CallerIdentity, Sts } from './sts.js';

export interface AwsIdentity extends CallerIdentity {
  alias?: string;
}

export const AWS_IDENTITY_FUNCTIONS = ['get_aws_account_id', 'get_aws_caller_identity_arn', 'get_aws_caller_identity_user_id', 'get_aws_account_alias'];

/** Where an identity's credentials come from: undefined = tgo's own default chain. */
export type CredentialsGetter = () => Promise<AwsCredentials | undefined>;

const PLACEHOLDER: AwsIdentity = { account: '', arn: '', userId: '', alias: '' };

export class IdentityUnavailableError extends Error {
  override name = 'IdentityUnavailableError';
}

export class Identities {
  /** GetCallerIdentity answers by credentials (access key digest, or 'default-chain'). */
  private readonly byCredentials = singleFlight<string, AwsIdentity>({ retryFailures: true });
  /** Resolved identity per source key ('base', 'auth:<dir>', 'module:<dir>'). */
  private readonly resolved = new Map<string, AwsIdentity>();
  private readonly sources = new Map<string, CredentialsGetter>();
  /** Config path → the source key its functions answer for now (phase two); else its base key. */
  private readonly current = new Map<string, string>();
  private collecting?: Set<string>;
  /** Config paths whose evaluation asked for an identity. */
  readonly used = new Set<string>();
  /** GetCallerIdentity calls made. */
  calls = 0;
  private aliasNoted = false;

  constructor(
    private readonly sts: () => Promise<Sts>,
    private readonly o: {
      /** The base source of a module (by config path): key and credentials. */
      base?: (configPath: string) => { key: string; get: CredentialsGetter };
      onLog?: (level: 'debug' | 'warn', message: string) => void;
    } = {},
  ) {}

  private keyFor(configPath: string): string {
    const cur = this.current.get(configPath);
    if (cur) return cur;
    const base = this.o.base?.(configPath) ?? { key: 'base', get: async () => undefined };
    if (!this.sources.has(base.key)) this.sources.set(base.key, base.get);
    return base.key;
  }

  /** The identity functions' answer for a module (by its config path); synchronous, for the loader. */
  readonly lookup = (configPath: string): AwsIdentity => {
    this.used.add(configPath);
    const key = this.keyFor(configPath);
    const id = this.resolved.get(key);
    if (id) {
      const note = () => this.noteAlias();
      return { account: id.account, arn: id.arn, userId: id.userId, get alias() { note(); return ''; } };
    }
    if (!this.collecting) throw new IdentityUnavailableError('the AWS caller identity has not been fetched for this evaluation');
    this.collecting.add(key);
    return PLACEHOLDER;
  };

  /** From now on, `configPath`'s functions answer for these credentials (the module's own role); fetched now. */
  async use(configPath: string, key: string, get: CredentialsGetter): Promise<void> {
    this.sources.set(key, get);
    this.current.set(configPath, key);
    await this.resolve(key);
  }

  /**
   * Evaluate with identities: when the evaluation asked for one not fetched yet, fetch it and evaluate again
   * (the first result, or error, was computed with placeholders and is discarded).
   */
  async load<T>(evaluate: () => T): Promise<T> {
    const missing = new Set<string>();
    let first: { value: T } | { error: unknown };
    this.collecting = missing;
    try {
      first = { value: evaluate() };
    } catch (error) {
      first = { error };
    } finally {
      this.collecting = undefined;
    }
    if (missing.size === 0) {
      if ('error' in first) throw first.error;
      return first.value;
    }
    await Promise.all([...missing].map((k) => this.resolve(k)));
    return evaluate();
  }

  private async resolve(key: string): Promise<AwsIdentity> {
    const known = this.resolved.get(key);
    if (known) return known;
    const creds = await this.sources.get(key)!();
    const id = await this.forCredentials(creds);
    this.resolved.set(key, id);
    return id;
  }

  private noteAlias(): void {
    if (this.aliasNoted) return;
    this.aliasNoted = true;
    // IAM ListAccountAliases is not in the STS client tgo carries (and IAM is a separate, global endpoint).
    this.o.onLog?.('debug', "get_aws_account_alias() returns '': tgo does not call IAM ListAccountAliases");
  }

  /** GetCallerIdentity once per credentials per run. */
  forCredentials(creds: AwsCredentials | undefined): Promise<AwsIdentity> {
    const k = creds ? createHash('sha256').update(creds.accessKeyId).digest('hex') : 'default-chain';
    return this.byCredentials(k, async () => {
      this.calls++;
      return (await this.sts()).callerIdentity(creds);
    });
  }
}
