// One tgo run as the core sees it: its options, the configuration loader, the stack, each module's
// credentials, and the host that events go to and questions come from. `run`, the module runner and the
// inspection commands all work through it, and so can any feature that needs "module M's credentials"
// (reading state from S3 with a dependency's role, running a command in a module's environment).

import { applyCredentials, copyEnv, type Env } from '../auth/env.js';
import type { RoleSpec } from '../auth/role.js';
import { digest } from '../auth/identity.js';
import { RunCredentials, type ModuleCredentials } from '../auth/run-credentials.js';
import type { SecretRegistry } from '../auth/secrets.js';
import type { SourceFactory } from '../auth/source.js';
import type { AwsCredentials, Sts } from '../auth/sts.js';
import type { ConfigLoader, DependencyValues } from '../config/loader.js';
import type { ModuleConfig } from '../config/types.js';
import { SourceFetcher } from '../source/fetcher.js';
import { ProviderCache } from '../terraform/provider-cache.js';
import type { S3Access, S3Object } from '../source/s3.js';
import { getS3Object, listS3Keys } from '../auth/s3.js';
import type { Answer, IoHost, Question, RunEvent } from './events.js';
import type { RunOptions } from './options.js';
import { createLoader, loadStack, moduleDirOf, moduleIdFor, type Stack } from './stack.js';

export type { ModuleCredentials };

export interface SessionDeps {
  /** Events go out and questions (confirmations, MFA codes) come in here. */
  host: IoHost;
  /** STS factory (tests may inject); defaults to the AWS SDK against tgo's own credential chain. */
  sts?: () => Promise<Sts>;
  /** Every secret tgo handles is registered for redaction. */
  secrets?: SecretRegistry;
  /** The credential sources; default: every registered one (src/auth/sources/index.ts). */
  sources?: readonly SourceFactory[];
}

export class RunSession {
  readonly loader: ConfigLoader;
  /** tgo's environment, copied once per run (reading process.env is slow; every module starts from this). */
  readonly baseEnv: Env;
  /** Module id (path relative to the working dir, as messages show it) of a directory. */
  readonly id: (dir: string) => string;
  /** One download per source per run, shared by stack generation and every module. */
  readonly fetcher: SourceFetcher;
  /** --provider-cache: the run's one shared plugin cache and the rule for inits that use it. */
  readonly providerCache?: ProviderCache;
  private readonly auth: RunCredentials;
  private loaded?: Stack;

  constructor(
    readonly opts: RunOptions,
    private readonly deps: SessionDeps,
  ) {
    const { host } = deps;
    this.id = moduleIdFor(opts.workingDir);
    this.baseEnv = copyEnv(opts.env);
    this.auth = new RunCredentials(opts, {
      sts: deps.sts,
      secrets: deps.secrets,
      log: (level, message, module) => host.emit({ type: 'log', level, message, module }),
      mfaPrompt: (serial) => host.ask({ type: 'mfa-code', serial }),
      moduleId: this.id,
      sources: deps.sources,
    });
    this.loader = createLoader(opts, (level, message) => host.emit({ type: 'log', level, message }));
    this.fetcher = new SourceFetcher({
      env: opts.env, tfPath: opts.tfPath, sourceUpdate: opts.sources?.sourceUpdate, log: (message) => host.emit({ type: 'log', level: 'debug', message }),
      s3: { partition: (dir) => (dir && this.loaded ? this.role(dir)?.roleArn.value ?? '' : ''), access: (dir) => this.s3Access(dir) },
    });
    if (opts.providerCacheDir) this.providerCache = new ProviderCache(opts.providerCacheDir);
    // get_aws_* in HCL answer through the run's identities (STS only when a configuration calls them).
    this.auth.attach(this.loader);
  }

  emit(event: RunEvent): void {
    this.deps.host.emit(event);
  }

  ask<Q extends Question>(question: Q): Promise<Answer<Q>> {
    return this.deps.host.ask(question);
  }

  /**
   * Load and validate the stack: the modules in `dirs` when given, else every module under the working directory
   * (run-all) or the module there, and what they depend on. get_aws_* answers with each module's base identity here.
   */
  async loadStack(dirs?: string[], keepGoing = false): Promise<Stack> {
    const { opts } = this;
    const roots = dirs ?? (opts.all ? undefined : [moduleDirOf(opts)]);
    this.loaded = await this.auth.identities.load(() => loadStack(opts, this.loader, roots, keepGoing));
    for (const role of this.loaded.roles.values()) this.deps.secrets?.add(role?.webIdentityToken?.value);
    return this.loaded;
  }

  get stack(): Stack {
    if (!this.loaded) throw new Error('internal: the stack is not loaded yet');
    return this.loaded;
  }

  role(dir: string): RoleSpec | undefined {
    return this.stack.roles.get(dir);
  }

  /** Before any module starts: one MFA prompt (or code) per device, and the credential server when asked for. */
  prepare(): Promise<void> {
    return this.auth.prepare(this.stack.roles.values());
  }

  /**
   * Module M's credentials, from its credential sources (one STS call per distinct role session per run);
   * reported as a `credentials` event, with `purpose` when they are not for the module's own run.
   */
  async credentials(dir: string, purpose?: string): Promise<ModuleCredentials> {
    const mc = await this.auth.forModule(this.auth.ref(dir), this.role(dir));
    if (mc.facts && mc.credentials) {
      const via = purpose ? `${mc.facts.via} (${purpose})` : mc.facts.via;
      this.emit({ type: 'credentials', module: this.id(dir), ...mc.facts, via, expiration: mc.credentials.expiration?.toISOString() });
    }
    return mc;
  }

  /** Module M's AWS credentials for tgo's own calls (S3, STS): undefined means tgo's default chain. */
  async awsCredentials(dir: string, purpose?: string): Promise<AwsCredentials | undefined> {
    return (await this.credentials(dir, purpose)).credentials;
  }

  /**
   * The environment of a process run for module M: tgo's own, its credential sources' variables, then what
   * `add` gives (inputs, extra_arguments env_vars), then the credentials, which nothing may shadow.
   */
  environment(dir: string, mc: ModuleCredentials, add?: (env: Env) => Env): Env {
    const env = { ...this.baseEnv, ...mc.env, ...this.providerCache?.env() };
    if (add) Object.assign(env, add(env));
    const removed = applyCredentials(env, mc);
    if (removed.length > 0) {
      this.emit({ type: 'log', level: 'debug', module: this.id(dir), message: `removed ${removed.join(', ')} from the module's environment: role credentials are injected` });
    }
    return env;
  }

  /**
   * Module M's full configuration: attributes that read dependency outputs (`dependencies` gives their values;
   * without it they stay deferred), and get_aws_* answering for the module's own role (phase one answered with
   * the base identity, which is right for iam_* only). `mc`: the module's credentials when the caller has them
   * already; otherwise they are fetched only if the configuration calls get_aws_*.
   */
  async evaluate(cfg: ModuleConfig, mc?: ModuleCredentials, dependencies?: () => Promise<DependencyValues>): Promise<ModuleConfig> {
    // Phase one never asks IAM for the alias (see identity.ts): a module that used it is evaluated again.
    const readsIdentity = (!!this.role(cfg.dir) && this.auth.readsIdentity(this.loader, cfg)) || this.auth.identities.aliasDeferred.has(cfg.configPath);
    const deferred = cfg.deferred.length > 0 && !!dependencies;
    // sops_decrypt_file decrypts with the module's credentials, as Terragrunt's does after assuming its role.
    const readsSops = this.loader.calls(cfg, 'sops_decrypt_file');
    if (!deferred && !readsIdentity && !(readsSops && (this.role(cfg.dir) || this.loader.sopsDeferred.has(cfg.configPath)))) return cfg;
    const values = deferred ? await dependencies!() : undefined;
    const own = readsIdentity || readsSops ? mc ?? (await this.credentials(cfg.dir)) : undefined;
    if (readsIdentity) await this.auth.identities.use(cfg.configPath, `module:${cfg.dir}`, async () => own!.credentials);
    if (readsSops) {
      const key = own!.credentials ? digest(own!.credentials) : 'tgo';
      this.loader.setModuleEnv(cfg.configPath, key, this.environment(cfg.dir, own!));
    }
    return this.auth.identities.load(() => this.loader.loadModule(cfg.dir, values));
  }

  /** S3 reads for an s3:: source, signed as module M (its role), or with keys the URL itself carries. */
  private s3Access(dir?: string): S3Access {
    const signer = async (o: S3Object) => o.credentials ?? (dir && this.loaded ? await this.awsCredentials(dir, 'to download its source') : undefined);
    return {
      get: async (o) => {
        const body = await getS3Object(o, this.baseEnv, await signer(o));
        if (!body) throw new Error(`s3://${o.bucket}/${o.key} does not exist`);
        return body;
      },
      list: async (o) => listS3Keys(o, this.baseEnv, await signer(o)),
    };
  }

  /** Stop what the run started (the credential server) and remove its downloads. */
  async close(): Promise<void> {
    await Promise.all([this.auth.close(), this.fetcher.close()]);
  }
}
