// Credentials that outlive the role session: a loopback endpoint in the AWS container-credentials format
// (what ECS gives tasks). Each module's terraform gets AWS_CONTAINER_CREDENTIALS_FULL_URI and its own random
// AWS_CONTAINER_AUTHORIZATION_TOKEN instead of static keys; the AWS provider and the S3 backend fetch from it
// again before their credentials expire (5 minutes ahead in the Go and JS SDKs), and get a re-assumed session.
//
// A request without a registered token gets 403; a token yields only the credentials of the module it was
// issued to. Credentials are never served with less than min(5 min, half their lifetime) left.

import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecretRegistry } from './secrets.js';
import type { AwsCredentials } from './sts.js';

export interface ServedCredentials {
  credentials: AwsCredentials;
  /** When the session was issued, to size the "never serve under" floor for short sessions. */
  issuedAt: number;
}

/** Produces the module's current credentials (the broker re-assumes ahead of expiry). */
export type ServedSource = () => Promise<ServedCredentials>;

export interface CredentialServerOptions {
  secrets?: SecretRegistry;
  onLog?: (level: 'debug' | 'warn', message: string, module?: string) => void;
  now?: () => number;
}

const FIVE_MINUTES = 5 * 60_000;
const PATH = '/v1/credentials';

/** Served credentials always have more than this left: 5 minutes, or half the lifetime of short sessions. */
export function serveFloor(issuedAt: number, expiration: Date | undefined): number {
  if (!expiration) return 0;
  return Math.min(FIVE_MINUTES, (expiration.getTime() - issuedAt) / 2);
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

interface Registration {
  module: string;
  source: ServedSource;
}

export class CredentialServer {
  private readonly byToken = new Map<string, Registration>();
  private readonly now: () => number;
  /** Requests answered, by outcome (for tests and the debug summary). */
  readonly stats = { served: 0, denied: 0, failed: 0 };
  private stopped?: Promise<void>;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly o: CredentialServerOptions,
  ) {
    this.now = o.now ?? Date.now;
  }

  static async start(o: CredentialServerOptions = {}): Promise<CredentialServer> {
    let self: CredentialServer | undefined;
    const server = createServer((req, res) => void self!.handle(req, res));
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    // The server must not keep tgo alive on its own; stop() is still called at the end of the run.
    server.unref();
    const { port } = server.address() as AddressInfo;
    self = new CredentialServer(server, `http://127.0.0.1:${port}${PATH}`, o);
    return self;
  }

  /** A new random token for `module`; only it yields that module's credentials. */
  register(module: string, source: ServedSource): string {
    const token = randomBytes(32).toString('base64url');
    this.o.secrets?.add(token);
    this.byToken.set(digest(token), { module, source });
    return token;
  }

  /** The variables a module's terraform gets instead of static keys. */
  env(token: string): Record<string, string> {
    return { AWS_CONTAINER_CREDENTIALS_FULL_URI: this.url, AWS_CONTAINER_AUTHORIZATION_TOKEN: token };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: object) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const url = (req.url ?? '').split('?')[0];
    if (url !== PATH) return send(404, { code: 'NotFound', message: `no such endpoint; credentials are served at ${PATH}` });
    if (req.method !== 'GET') return send(405, { code: 'MethodNotAllowed', message: 'use GET' });
    const auth = req.headers.authorization;
    // Looked up by digest: the map never holds a token, and the lookup does not compare token bytes.
    const reg = typeof auth === 'string' && auth !== '' ? this.byToken.get(digest(auth)) : undefined;
    if (!reg) {
      this.stats.denied++;
      this.o.onLog?.('debug', `credential server: refused a request ${auth ? 'with an unknown' : 'without an'} authorization token`);
      return send(403, { code: 'AccessDenied', message: 'invalid or missing Authorization token' });
    }
    try {
      const { credentials: c, issuedAt } = await reg.source();
      const left = c.expiration ? c.expiration.getTime() - this.now() : Infinity;
      if (left <= serveFloor(issuedAt, c.expiration)) {
        // The broker re-assumes well before this; reaching it means STS could not be reached in time.
        this.stats.failed++;
        return send(503, { code: 'CredentialsExpiring', message: `no fresh credentials: the current session has only ${Math.max(0, Math.round(left / 1000))} s left` });
      }
      this.stats.served++;
      send(200, {
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        Token: c.sessionToken ?? '',
        Expiration: (c.expiration ?? new Date(this.now() + 3600_000)).toISOString(),
      });
    } catch (e) {
      this.stats.failed++;
      const message = this.o.secrets ? this.o.secrets.redact((e as Error).message ?? String(e)) : String(e);
      this.o.onLog?.('warn', `credential server: ${message}`, reg.module);
      send(500, { code: 'CredentialsUnavailable', message });
    }
  }

  /** Stop serving (at the end of the run); tokens die with it. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.byToken.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }
}
