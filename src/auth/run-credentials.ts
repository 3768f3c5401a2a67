// Everything credential-related for one run, in one place: the STS edge and its single-flight broker, MFA
// sessions, the credential sources (src/auth/sources/), caller identities for get_aws_*, and the credential
// server. The run session builds it before loading the stack (get_aws_* may be needed there) and closes it
// when the run ends. It knows nothing of the run: it gets its options and callbacks from the session.

import { homedir } from 'node:os';
import path from 'node:path';
import type { ConfigLoader } from '../config/loader.js';
import type { ModuleConfig } from '../config/types.js';
import { CredentialServer, serveFloor } from './credential-server.js';
import { CredentialBroker } from './credentials.js';
import { defaultProfileCredentials } from './hygiene.js';
import { accountAlias } from './iam.js';
import { AWS_IDENTITY_FUNCTIONS, Identities } from './identity.js';
import { MfaSessions, mfaSerials, type MfaPrompt } from './mfa.js';
import { defaultSessionName, type RoleSpec } from './role.js';
import type { SecretRegistry } from './secrets.js';
import type {
  CredentialFacts, CredentialGrant, CredentialOptions, CredentialSource, GrantedSession, LogLevel, ModuleRef, SourceContext, SourceFactory,
} from './source.js';
import { CREDENTIAL_SOURCES } from './sources/index.js';
import { createSts, type AwsCredentials, type Sts } from './sts.js';

export interface RunCredentialsDeps {
  /** STS factory (tests may inject); defaults to the AWS SDK against tgo's own credential chain. */
  sts?: () => Promise<Sts>;
  secrets?: SecretRegistry;
  /** `module` is the module's id, when the message is about one. */
  log: (level: LogLevel, message: string, module?: string) => void;
  /** Asks for an MFA code (the run's host answers); absent, or answering undefined: nobody to ask. */
  mfaPrompt?: MfaPrompt;
  /** How messages name a module directory (default: the directory itself). */
  moduleId?: (dir: string) => string;
  /** The credential sources; default: every registered one (src/auth/sources/index.ts). */
  sources?: readonly SourceFactory[];
}

/** What a module runs with. */
export interface ModuleCredentials {
  /** Variables the module's environment gets first, before its inputs (an auth command's `envs`). */
  env: Record<string, string>;
  /** Absent: terraform runs with tgo's own credentials. */
  credentials?: AwsCredentials;
  facts?: CredentialFacts;
  /** With the credential server: its address and the module's token, set instead of static keys. */
  served?: Record<string, string>;
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
  server?: CredentialServer;
  private readonly baseSources: CredentialSource[];
  private readonly roleSources: CredentialSource[];
  /** The credential server's token per module directory (one per module per run). */
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly options: CredentialOptions,
    private readonly deps: RunCredentialsDeps,
  ) {
    const { env } = options;
    // tgo's own base credentials are secrets it handles too (terraform or a hook may echo them).
    deps.secrets?.add(env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.AWS_SECURITY_TOKEN);
    let client: Promise<Sts> | undefined;
    const sts = deps.sts ?? (() => (client ??= createSts({ env })));
    this.broker = new CredentialBroker(sts, {
      secrets: deps.secrets,
      onRefreshError: (req, e) => deps.log('warn', `refreshing credentials for ${req.roleArn} failed (the current session is still served): ${(e as Error).message}`),
    });
    this.mfa = new MfaSessions(this.broker, { token: options.mfaToken, prompt: deps.mfaPrompt, secrets: deps.secrets });
    // One session name per run, so every module assuming a role shares one STS session.
    const ctx: SourceContext = { options, broker: this.broker, mfa: this.mfa, secrets: deps.secrets, sessionName: defaultSessionName(), log: deps.log };
    const sources = (deps.sources ?? CREDENTIAL_SOURCES).map((make) => make(ctx)).filter((s): s is CredentialSource => s !== undefined);
    this.baseSources = sources.filter((s) => s.stage === 'base');
    this.roleSources = sources.filter((s) => s.stage === 'role');
    this.identities = new Identities(sts, {
      // Phase one's get_aws_* answers for the module's base credentials: tgo's own unless a base source applies.
      base: this.baseSources.length > 0
        ? (configPath) => {
          const dir = path.dirname(configPath);
          return { key: `base:${dir}`, get: async () => (await this.base(this.ref(dir)))?.session?.credentials };
        }
        : undefined,
      iam: (credentials) => accountAlias(env, credentials),
    });
  }

  ref(dir: string): ModuleRef {
    return { dir, id: this.deps.moduleId?.(dir) ?? dir };
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
    if (this.options.credentialServer) {
      this.server = await CredentialServer.start({ secrets: this.deps.secrets, onLog: (level, message, module) => this.deps.log(level, message, module) });
      this.deps.log('debug', `credential server listening on ${this.server.url}`);
      const { env } = this.options;
      for (const where of defaultProfileCredentials(env, env.HOME || homedir())) {
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

  /** The first base source's answer for the module (undefined: tgo's own chain). */
  private async base(module: ModuleRef): Promise<CredentialGrant | undefined> {
    for (const s of this.baseSources) {
      const g = await s.forModule(module, undefined);
      if (g) return g;
    }
    return undefined;
  }

  /**
   * A module's credentials: its base (a base source, else tgo's own chain), with its role assumed on top by the
   * first role source that takes it; with the credential server, also the token that serves them refreshed.
   */
  async forModule(module: ModuleRef, role: RoleSpec | undefined): Promise<ModuleCredentials> {
    const base = await this.base(module);
    const env = { ...base?.env };
    let session = base?.session;
    if (role) {
      session = undefined;
      for (const s of this.roleSources) {
        const g = await s.forModule(module, role, base?.session);
        if (!g) continue;
        Object.assign(env, g.env);
        session = g.session;
        break;
      }
      if (!session) throw new Error(`internal: no credential source assumes ${role.roleArn.value}`);
    }
    if (!session) return { env };
    const served = this.serve(module, session);
    const facts = served ? { ...session.facts, via: `${session.facts.via}, served by the credential server` } : session.facts;
    return { env, credentials: session.credentials, facts, served };
  }

  /** With the credential server, renewable credentials are served (one token per module per run). */
  private serve(module: ModuleRef, session: GrantedSession): Record<string, string> | undefined {
    const { server } = this;
    const renew = session.renew;
    if (!server || !renew) return undefined;
    let token = this.tokens.get(module.dir);
    if (!token) {
      let last: string | undefined;
      token = server.register(module.id, async () => {
        const i = await renew({ refreshAhead, staleFloor: serveFloor });
        // Explain refreshes: a note each time this module is handed a new session.
        if (last !== undefined && last !== i.credentials.accessKeyId) {
          this.deps.log('debug', `credential server: new session for ${i.assumedRoleArn ?? session.facts.roleArn}, expires ${i.credentials.expiration?.toISOString() ?? 'never'}`, module.id);
        }
        last = i.credentials.accessKeyId;
        return i;
      });
      this.tokens.set(module.dir, token);
    }
    return server.env(token);
  }

  /** Whether a module's configuration (its own file or an included one) calls get_aws_*. */
  readsIdentity(loader: ConfigLoader, cfg: ModuleConfig): boolean {
    return this.identities.used.has(cfg.configPath)
      || loader.calls(cfg, ...AWS_IDENTITY_FUNCTIONS);
  }
}
