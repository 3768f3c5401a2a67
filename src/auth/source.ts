// Where a module's AWS credentials come from: one interface, one implementation per way of getting them
// (src/auth/sources/), registered in src/auth/sources/index.ts. Per module, the first `base` source that
// answers gives the credentials the module starts from (none: tgo's own default chain); then the first
// `role` source that answers assumes the module's role on top of them. The credential server, when on,
// wraps the result (src/auth/run-credentials.ts).

import type { CredentialBroker, AssumeOptions } from './credentials.js';
import type { MfaSessions } from './mfa.js';
import type { RoleSpec } from './role.js';
import type { SecretRegistry } from './secrets.js';
import type { AwsCredentials } from './sts.js';

/** A module as the sources see it. */
export interface ModuleRef {
  /** Absolute module directory (an auth command runs there). */
  dir: string;
  /** The module as messages name it (path relative to the working directory). */
  id: string;
}

/** What the debug line and the `credentials` event say about a module's credentials. */
export interface CredentialFacts {
  roleArn: string;
  /** Which flag, variable or file:line set the role (or the source's name). */
  source: string;
  sessionName: string;
  cacheHit: boolean;
  via: string;
}

/** Credentials with their issue time, as the credential server needs them. */
export interface Renewed {
  credentials: AwsCredentials;
  issuedAt: number;
  /** The session's own ARN (arn:aws:sts::…:assumed-role/…), when STS said. */
  assumedRoleArn?: string;
}

export interface GrantedSession {
  credentials: AwsCredentials;
  facts: CredentialFacts;
  /** Current credentials again (the credential server keeps asking); absent for keys that cannot be renewed. */
  renew?: (o?: AssumeOptions) => Promise<Renewed>;
  /** How these credentials are named when they sign the module's AssumeRole ("auth-provider-cmd awsRole"). */
  signer: string;
}

export interface CredentialGrant {
  /** Variables the module's environment gets first, before its inputs (an auth command's `envs`). */
  env?: Record<string, string>;
  /** Absent: the source only adds variables. */
  session?: GrantedSession;
}

export interface CredentialSource {
  /** For messages. */
  readonly name: string;
  /** `base`: the credentials a module starts from; `role`: the module's role, assumed on top of `base`. */
  readonly stage: 'base' | 'role';
  /**
   * This source's credentials for `module`, or undefined when it has none for it (the next source is asked).
   * `base` is what the base stage gave the module (role sources only; undefined = tgo's own chain).
   */
  forModule(module: ModuleRef, role: RoleSpec | undefined, base?: GrantedSession): Promise<CredentialGrant | undefined>;
}

/** The options the sources read: tgo's credential flags (from the CLI) and its environment. */
export interface CredentialOptions {
  env: NodeJS.ProcessEnv;
  /** The current MFA code (--iam-mfa-token / TGO_IAM_MFA_TOKEN). */
  mfaToken?: string;
  /** Serve refreshing credentials over a loopback endpoint instead of static env keys. */
  credentialServer?: boolean;
  authProviderCmd?: string;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** What a source may use; one of each per run. */
export interface SourceContext {
  options: CredentialOptions;
  /** Every AssumeRole goes through it: one STS call per distinct session per run. */
  broker: CredentialBroker;
  mfa: MfaSessions;
  secrets?: SecretRegistry;
  /** The run's session name, for roles that set none. */
  sessionName: string;
  log(level: LogLevel, message: string, module?: string): void;
}

/** Builds a source for the run, or returns undefined when the run does not use it (its flag is not set). */
export type SourceFactory = (ctx: SourceContext) => CredentialSource | undefined;
