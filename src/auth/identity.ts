// get_aws_account_id(), get_aws_caller_identity_arn(), get_aws_caller_identity_user_id() and
// get_aws_account_alias() in HCL. The loader's functions are synchronous and STS is not, so identities are
// fetched ahead: an evaluation that asks for one that is not known yet gets a placeholder and is noted; the
// caller then fetches what was noted and evaluates again (load()). Phase one (the stack load, where iam_*
// is resolved) answers with the base identity (tgo's own credentials, or the module's --auth-provider-cmd
// credentials); a module's full evaluation before it runs answers with the module's own role.
// One GetCallerIdentity per identity (access key) per run, and one IAM ListAccountAliases per role. The alias
// is never asked for with the base credentials in phase one (a security-account user may lack IAM rights the
// role has): phase one answers '' and notes the module, whose full evaluation then asks with its own role, or
// with the base credentials when it has none.

import path from 'node:path';
import { createHash } from 'node:crypto';
import { singleFlight } from '../shared/single-flight.js';
import type { AwsCredentials, CallerIdentity, Sts } from './sts.js';

export interface AwsIdentity extends CallerIdentity {
  alias?: string;
}

export const AWS_IDENTITY_FUNCTIONS = ['get_aws_account_id', 'get_aws_caller_identity_arn', 'get_aws_caller_identity_user_id', 'get_aws_account_alias'];

/** Where an identity's credentials come from: undefined = tgo's own default chain. */
export type CredentialsGetter = () => Promise<AwsCredentials | undefined>;

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
  /** Source key → the config files that asked for it in the evaluation being collected (to name them on failure). */
  private askers?: Map<string, Set<string>>;
  /** Config paths whose evaluation asked for an identity function, and for a caller identity field. */
  readonly used = new Set<string>();
  private readonly askedIdentity = new Set<string>();
  /** ListAccountAliases answers by credentials, and per source key once known. */
  private readonly aliasByCredentials = singleFlight<string, string>({ retryFailures: true });
  private readonly aliases = new Map<string, string>();
  private collectingAliases?: Set<string>;
  /** Config paths whose phase-one evaluation asked for the alias: their full evaluation must ask again. */
  readonly aliasDeferred = new Set<string>();
  /** GetCallerIdentity calls made. */
  calls = 0;
  /** ListAccountAliases calls made. */
  aliasCalls = 0;

  constructor(
    private readonly sts: () => Promise<Sts>,
    private readonly o: {
      /** IAM ListAccountAliases signed with these credentials (undefined: tgo's own chain). */
      iam?: (credentials: AwsCredentials | undefined) => Promise<string>;
      /** The base source of a module (by config path): key and credentials. */
      base?: (configPath: string) => { key: string; get: CredentialsGetter };
    } = {},
  ) {}

  private keyFor(configPath: string): string {
    const cur = this.current.get(configPath);
    if (cur) return cur;
    const base = this.o.base?.(configPath) ?? { key: 'base', get: async () => undefined };
    if (!this.sources.has(base.key)) this.sources.set(base.key, base.get);
    return base.key;
  }

  /**
   * The identity functions' answer for a module (by its config path); synchronous, for the loader. Each field
   * is read when a function asks for it, so an evaluation that only asks for the alias makes no STS call.
   */
  readonly lookup = (configPath: string): AwsIdentity => {
    this.used.add(configPath);
    const key = this.keyFor(configPath);
    const field = (f: keyof CallerIdentity) => () => {
      this.askedIdentity.add(configPath);
      const id = this.resolved.get(key);
      if (id) return id[f];
      if (!this.collecting) throw new IdentityUnavailableError('the AWS caller identity has not been fetched for this evaluation');
      this.collecting.add(key);
      this.asked(key, configPath);
      return '';
    };
    const alias = () => {
      if (!this.current.has(configPath)) {
        this.aliasDeferred.add(configPath);
        return '';
      }
      const known = this.aliases.get(key);
      if (known !== undefined) return known;
      if (!this.collectingAliases) throw new IdentityUnavailableError('the AWS account alias has not been fetched for this evaluation');
      this.collectingAliases.add(key);
      this.asked(key, configPath);
      return '';
    };
    return Object.defineProperties({} as AwsIdentity, {
      account: { get: field('account'), enumerable: true },
      arn: { get: field('arn'), enumerable: true },
      userId: { get: field('userId'), enumerable: true },
      alias: { get: alias, enumerable: true },
    });
  };

  /** From now on, `configPath`'s functions answer for these credentials (the module's own role); fetched now. */
  async use(configPath: string, key: string, get: CredentialsGetter): Promise<void> {
    this.sources.set(key, get);
    this.current.set(configPath, key);
    // What phase one asked for is fetched now, so the evaluation that follows runs once.
    await Promise.all([
      this.askedIdentity.has(configPath) ? this.resolve(key) : undefined,
      this.aliasDeferred.has(configPath) ? this.resolveAlias(key) : undefined,
    ]);
  }

  /**
   * Evaluate with identities: when the evaluation asked for one not fetched yet, fetch it and evaluate again
   * (the first result, or error, was computed with placeholders and is discarded).
   */
  async load<T>(evaluate: () => T): Promise<T> {
    const missing = new Set<string>();
    const missingAliases = new Set<string>();
    let first: { value: T } | { error: unknown };
    const askers = new Map<string, Set<string>>();
    this.collecting = missing;
    this.collectingAliases = missingAliases;
    this.askers = askers;
    try {
      first = { value: evaluate() };
    } catch (error) {
      first = { error };
    } finally {
      this.collecting = undefined;
      this.collectingAliases = undefined;
      this.askers = undefined;
    }
    if (missing.size === 0 && missingAliases.size === 0) {
      if ('error' in first) throw first.error;
      return first.value;
    }
    // A failed fetch names the files whose get_aws_*() needed it: STS's message alone says nothing of where.
    // (A copy of the error, same class: one fetch may fail for several keys sharing credentials.)
    const named = (key: string, what: string) => (e: unknown) => {
      const files = [...(askers.get(key) ?? [])].map((f) => path.relative(process.cwd(), f) || f);
      if (!(e instanceof Error) || files.length === 0) throw e;
      const copy = Object.assign(Object.create(Object.getPrototypeOf(e) as object) as Error, e);
      copy.message = `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` (and ${files.length - 5} more)` : ''}: ${what}: ${e.message}`;
      throw copy;
    };
    await Promise.all([
      ...[...missing].map((k) => this.resolve(k).catch(named(k, 'get_aws_*()'))),
      ...[...missingAliases].map((k) => this.resolveAlias(k).catch(named(k, 'get_aws_account_alias()'))),
    ]);
    return evaluate();
  }

  private asked(key: string, configPath: string): void {
    const files = this.askers?.get(key) ?? new Set<string>();
    files.add(configPath);
    this.askers?.set(key, files);
  }

  private async resolve(key: string): Promise<AwsIdentity> {
    const known = this.resolved.get(key);
    if (known) return known;
    const creds = await this.sources.get(key)!();
    const id = await this.forCredentials(creds);
    this.resolved.set(key, id);
    return id;
  }

  private async resolveAlias(key: string): Promise<string> {
    const creds = await this.sources.get(key)!();
    const alias = await this.aliasByCredentials(digest(creds), async () => {
      if (!this.o.iam) throw new Error('get_aws_account_alias() is not available here');
      this.aliasCalls++;
      return this.o.iam(creds);
    });
    this.aliases.set(key, alias);
    return alias;
  }

  /** GetCallerIdentity once per credentials per run. */
  forCredentials(creds: AwsCredentials | undefined): Promise<AwsIdentity> {
    return this.byCredentials(digest(creds), async () => {
      this.calls++;
      return (await this.sts()).callerIdentity(creds);
    });
  }
}

/** Credentials by their access key (never the key itself in memory maps), or tgo's default chain. */
export const digest = (creds: AwsCredentials | undefined) => (creds ? createHash('sha256').update(creds.accessKeyId).digest('hex') : 'default-chain');
