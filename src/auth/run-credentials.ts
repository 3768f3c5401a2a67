// Everything credential-related for one run, in one place: the STS edge and its single-flight broker, MFA
// sessions, --auth-provider-cmd results, caller identities for get_aws_*, and the credential server.
// The run builds it before loading the stack (get_aws_* may be needed there) and closes it when the run ends.

import { homedir } from 'node:os';
import path from 'node:path';
import type { ConfigLoader } from '../config/loader.js';
import type { ModuleConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { RunOptions } from '../run/options.js';
import { AuthProvider, type AuthProviderResult } from './auth-provider-cmd.js';
import { CredentialServer, serveFloor } from './credential-server.js';
import { CredentialBroker } from './credentials.js';
import { injectContainerCredentials, injectCredentials, type Env } from './env.js';
import { defaultProfileCredentials } from './hygiene.js';
import { AWS_IDENTITY_FUNCTIONS, Identities } from './identity.js';
import { MfaSessions, mfaSerials, ttyPrompt, type MfaPrompt } from './mfa.js';
import { DEFAULT_DURATION, defaultSessionName, ROLE_ARN, type RoleSpec } from './role.js';
import type { SecretRegistry } from './secrets.js';
import { createSts, type AssumeRoleRequest, type AwsCredentials, type Sts } from './sts.js';

type Level = 'error' | 'warn' | 'info' | 'debug';

export interface RunCredentialsDeps {
  /** STS factory (tests may inject); defaults to the AWS SDK against tgo's own credential chain. */
  sts?: () => Promise<Sts>;
  secrets?: SecretRegistry;
  /** `module` is the module path relative to the working dir, when the message is about one. */
  log: (level: Level, message: string, module?: string) => void;
  /** Where an MFA code is asked for; defaults to the terminal (none when stdin is not one). */
  mfaPrompt?: MfaPrompt;
}

/** What a module runs with, and the facts for its debug line. */
export interface ModuleCredentials {
  credentials: AwsCredentials;
  roleArn: string;
  /** Which flag, variable or file:line set the role (or auth-provider-cmd). */
  source: string;
  sessionName: string;
  cacheHit: boolean;
  via: string;
}

interface Base {
  credentials?: AwsCredentials;
  /** The provider's awsRole, when its credentials came from assuming it. */
  request?: AssumeRoleRequest;
  cacheHit?: boolean;
}

/**
 * The credential server re-assumes in the background this far ahead of the broker's reuse margin (15 min or
 * half the lifetime), so a request at the margin never waits for STS: 5 min for 1-hour sessions.
 */
const refreshAhead = (issuedAt: number, expiration: Date | undefined) =>
  expiration ? Math.min(5 * 60_000, (expiration.getTime() - issuedAt) / 10) : 0;

export class RunCredentials {
  readonly broker: CredentialBroker;
  readonly identities: Identities;
  readonly mfa: MfaSessions;
  readonly authProvider?: AuthProvider;
  server?: CredentialServer;
  private readonly sts: () => Promise<Sts>;
  /** One session name per run, so every module assuming a role shares one STS session. */
  private readonly sessionName = defaultSessionName();
  private readonly tokens = new Map<string, string>();
  private readonly envs = new Map<string, Record<string, string>>();

  constructor(
    private readonly opts: RunOptions,
    private readonly deps: RunCredentialsDeps,
  ) {
    // tgo's own base credentials are secrets it handles too (terraform or a hook may echo them).
    deps.secrets?.add(opts.env.AWS_SECRET_ACCESS_KEY, opts.env.AWS_SESSION_TOKEN, opts.env.AWS_SECURITY_TOKEN);
    let sts: Promise<Sts> | undefined;
    this.sts = deps.sts ?? (() => (sts ??= createSts({ env: opts.env })));
    this.broker = new CredentialBroker(this.sts, {
      secrets: deps.secrets,
      onRefreshError: (req, e) => deps.log('warn', `refreshing credentials for ${req.roleArn} failed (the current session is still served): ${(e as Error).message}`),
    });
    this.mfa = new MfaSessions(this.broker, { token: opts.mfaToken, prompt: deps.mfaPrompt ?? ttyPrompt(process.stdin, process.stderr), secrets: deps.secrets });
    if (opts.authProviderCmd) {
      this.authProvider = new AuthProvider(opts.authProviderCmd, {
        env: opts.env,
        secrets: deps.secrets,
        onStderr: (dir, line) => deps.log('debug', `auth provider command: ${line}`, this.moduleId(dir)),
      });
    }
    this.identities = new Identities(this.sts, {
      base: this.authProvider
        ? (configPath) => {
          const dir = path.dirname(configPath);
          return { key: `auth:${dir}`, get: async () => (await this.base(dir)).credentials };
        }
        : undefined,
      onLog: (level, message) => deps.log(level, message),
    });
  }

  private moduleId(dir: string): string {
    const rel = path.relative(this.opts.workingDir, dir);
    return rel === '' ? '.' : rel.startsWith('..') ? dir : rel.split(path.sep).join('/');
  }

  /** get_aws_* in this loader's evaluations answer through these identities. */
  attach(loader: ConfigLoader): void {
    loader.setAwsIdentity(this.identities.lookup);
  }

  /**
   * Before any module starts: open the MFA sessions (one prompt or one --iam-mfa-token use per device), and
   * start the credential server when asked for.
   */
  async prepare(roles: Iterable<RoleSpec | undefined>): Promise<void> {
    const all = [...roles];
    for (const r of all) this.deps.secrets?.add(r?.webIdentityToken?.value);
    await this.mfa.prepare(mfaSerials(all));
    if (this.opts.credentialServer) {
      this.server = await CredentialServer.start({ secrets: this.deps.secrets, onLog: (level, message, module) => this.deps.log(level, message, module) });
      this.deps.log('debug', `credential server listening on ${this.server.url}`);
      for (const where of defaultProfileCredentials(this.opts.env, this.opts.env.HOME || homedir())) {
        this.deps.log('warn', `${where} holds credentials: terraform's AWS SDK prefers a default profile to the credential server, so modules may not run as their role`);
      }
    }
  }

  async close(): Promise<void> {
    if (this.server) {
      const { served, denied, failed } = this.server.stats;
      await this.server.stop();
      this.deps.log('debug', `credential server stopped: ${served} credential requests served, ${denied} refused, ${failed} failed`);
    }
  }

  /** A module's base credentials: its --auth-provider-cmd result, else tgo's own chain (undefined). */
  private async base(dir: string): Promise<Base> {
    if (!this.authProvider) return {};
    const r = await this.authProvider.forModule(dir);
    if (!this.envs.has(dir)) this.envs.set(dir, r.envs);
    if (r.credentials) return { credentials: r.credentials };
    if (r.role) {
      const request = this.providerRoleRequest(r);
      const issued = await this.broker.assume(request);
      return { credentials: issued.credentials, request, cacheHit: issued.cacheHit };
    }
    return {};
  }

  private providerRoleRequest(r: AuthProviderResult): AssumeRoleRequest {
    const role = r.role!;
    const cmd = this.authProvider!.cmd;
    if (!ROLE_ARN.test(role.roleArn)) throw new UsageError(`auth provider command ${cmd}: awsRole.roleARN "${role.roleArn}" is not an IAM role ARN`);
    return {
      roleArn: role.roleArn,
      sessionName: role.sessionName ?? this.sessionName,
      durationSeconds: role.durationSeconds ?? DEFAULT_DURATION,
      webIdentityToken: role.webIdentityToken,
    };
  }

  /** The AssumeRole request for a module's role, signed with its MFA session or auth-provider credentials. */
  private async request(role: RoleSpec, base: Base): Promise<AssumeRoleRequest> {
    const req: AssumeRoleRequest = {
      roleArn: role.roleArn.value,
      sessionName: role.sessionName.value,
      durationSeconds: role.durationSeconds.value,
      webIdentityToken: role.webIdentityToken?.value,
      externalId: role.externalId?.value,
      tags: role.sessionTags?.value,
      transitiveTagKeys: role.transitiveTagKeys?.value,
      sourceIdentity: role.sourceIdentity?.value,
      policy: role.policy?.value,
      policyArns: role.policyArns?.value,
      serialNumber: role.mfaSerial?.value,
    };
    if (role.mfaSerial && !role.webIdentityToken) req.signWith = await this.mfa.session(role.mfaSerial.value);
    else if (base.credentials) req.signWith = base.credentials;
    return req;
  }

  private via(role: RoleSpec | undefined, base: Base, served: boolean): string {
    let via: string;
    if (!role) via = base.request ? `auth-provider-cmd awsRole (${base.request.webIdentityToken ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'})` : 'auth-provider-cmd awsCredentials';
    else if (role.webIdentityToken) via = 'AssumeRoleWithWebIdentity';
    else if (role.mfaSerial) via = `AssumeRole with the MFA session of ${role.mfaSerial.value}`;
    else if (base.credentials) via = `AssumeRole with auth-provider-cmd ${base.request ? 'awsRole' : 'awsCredentials'} credentials`;
    else via = 'AssumeRole';
    return served ? `${via}, served by the credential server` : via;
  }

  /**
   * A module's credentials (undefined: no role and no auth provider, terraform runs with tgo's environment).
   * With the credential server, the module also gets a token whose credentials are refreshed ahead of expiry.
   */
  async forModule(dir: string, role: RoleSpec | undefined): Promise<ModuleCredentials | undefined> {
    const base = await this.base(dir);
    if (!role) {
      if (!base.credentials) return undefined;
      // Static provider keys cannot be refreshed: they go in the environment as they are.
      const served = !!this.server && !!base.request && this.serve(dir, async () => (await this.base(dir)).request!);
      return {
        credentials: base.credentials,
        roleArn: base.request?.roleArn ?? '(static credentials)',
        source: 'auth-provider-cmd',
        sessionName: base.request?.sessionName ?? '(none)',
        cacheHit: base.cacheHit ?? false,
        via: this.via(undefined, base, served),
      };
    }
    const req = await this.request(role, base);
    const issued = await this.broker.assume(req);
    const served = !!this.server && this.serve(dir, async () => this.request(role, await this.base(dir)));
    return {
      credentials: issued.credentials,
      roleArn: role.roleArn.value,
      source: role.roleArn.source,
      sessionName: role.sessionName.value,
      cacheHit: issued.cacheHit,
      via: this.via(role, base, served),
    };
  }

  /** Register a module with the credential server (once per module per run). */
  private serve(dir: string, request: () => Promise<AssumeRoleRequest>): boolean {
    if (!this.server) return false;
    if (!this.tokens.has(dir)) {
      const id = this.moduleId(dir);
      let last: string | undefined;
      const token = this.server.register(id, async () => {
        const i = await this.broker.assume(await request(), { refreshAhead, staleFloor: serveFloor });
        // Explain refreshes: a note each time this module is handed a new session.
        if (last !== undefined && last !== i.credentials.accessKeyId) {
          this.deps.log('debug', `credential server: new session for ${i.assumedRoleArn}, expires ${i.credentials.expiration?.toISOString() ?? 'never'}`, id);
        }
        last = i.credentials.accessKeyId;
        return { credentials: i.credentials, issuedAt: i.issuedAt };
      });
      this.tokens.set(dir, token);
    }
    return true;
  }

  /** Variables from the module's auth provider command (`envs`), applied before everything else. */
  providerEnv(dir: string): Record<string, string> {
    return this.envs.get(dir) ?? {};
  }

  /** Put the module's credentials in its environment (or the server's address and token); returns names removed. */
  inject(env: Env, dir: string, creds: AwsCredentials): string[] {
    const token = this.tokens.get(dir);
    if (token && this.server) return injectContainerCredentials(env, this.server.env(token));
    return injectCredentials(env, creds);
  }

  /** Whether a module's configuration (its own file or an included one) calls get_aws_*. */
  readsIdentity(loader: ConfigLoader, cfg: ModuleConfig): boolean {
    return this.identities.used.has(cfg.configPath)
      || [cfg.configPath, ...cfg.includes.map((i) => i.path)].some((f) => AWS_IDENTITY_FUNCTIONS.some((fn) => loader.file(f).calls.has(fn)));
  }

  /** Make get_aws_* in this module's full evaluation answer for its role (fetched before the evaluation). */
  useModuleIdentity(configPath: string, dir: string, role: RoleSpec): Promise<void> {
    return this.identities.use(configPath, `module:${dir}`, async () => (await this.forModule(dir, role))?.credentials);
  }
}
