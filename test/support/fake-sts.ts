/**
 * A fault-injecting fake of AWS STS speaking the real query protocol (form-encoded POST, XML answers)
 * over plain HTTP on 127.0.0.1, so the real AWS SDK signs, retries and parses its answers.
 *
 * Known callers are the base credentials given in the options, the session credentials it issued through
 * GetSessionToken and the role credentials it issued through AssumeRole / AssumeRoleWithWebIdentity
 * (role chaining). SigV4 signatures of known keys are verified (service `sts`, any region).
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeStsOptions {
  /** Known callers; default one: AKIABASE / basesecret → arn:aws:iam::111111111111:user/ci. */
  baseCredentials?: Array<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; arn: string }>;
  /** Default true. When false only the signature math is skipped: unknown or expired keys are still refused. */
  verifySignatures?: boolean;
  /** Lifetime of issued credentials; default the request's DurationSeconds (default 3600). Tiny values allowed. */
  sessionSeconds?: number;
}
export interface StsCall {
  action: string;
  params: Record<string, string>;
  accessKeyId?: string;
  at: number;
  /** HTTP status of the answer (0 while the request is still being handled). */
  status: number;
}
export interface FakeSts {
  url: string;
  calls: StsCall[];
  callsOf(action: string): StsCall[];
  throttle(probability: number, seed?: number): void;
  failNext(n: number, status?: number, code?: string): void;
  denyRole(roleArn: string, message?: string): void;
  expireBaseCredentials(accessKeyId?: string): void;
  setDelay(ms: number): void;
  unreachable(): Promise<void>;
  /** A role session it issued: for whom, and its lifetime (issuedAt: when the fake answered, on its clock). */
  issued(accessKeyId: string): { roleArn: string; sessionName: string; expiration: Date; issuedAt: Date } | undefined;
  close(): Promise<void>;
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const MAX_BODY = 64 * 1024;
const NAME_RE = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN_RE = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const UNSIGNED_ACTIONS = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']);

/** A caller the fake knows: base keys, GetSessionToken sessions and assumed-role sessions. */
interface Principal {
  kind: 'base' | 'session' | 'role';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  arn: string; // GetCallerIdentity answer
  userId: string;
  expiration?: Date;
  issuedAt?: Date;
  roleArn?: string;
  sessionName?: string;
  expired?: boolean; // base keys marked by expireBaseCredentials
}

class StsError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}
const validation = (msg: string) => new StsError(400, 'ValidationError', msg);
const constraint = (value: string, field: string, rule: string) =>
  validation(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${rule}`);

const xmlEscape = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const randomId = (prefix: string, len: number) => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = prefix;
  for (const b of randomBytes(len)) s += abc[b % abc.length];
  return s;
};
/** Stable pseudo id (e.g. AROA…) derived from an ARN, as AWS's unique ids are stable per entity. */
const stableId = (prefix: string, seed: string) =>
  prefix + createHash('sha1').update(seed).digest('base64').replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 17);

/** RFC 3986 encoding as SigV4 wants it. */
const uriEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** mulberry32: tiny deterministic PRNG for throttling. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The SigV4 signature the request should carry if signed with `secret` (header-based auth). */
function expectedSignature(req: IncomingMessage, body: Buffer, auth: ParsedAuth, secret: string): string {
  const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
  // Non-S3 services: each path segment is URI-encoded twice (once on the wire, once in the canonical form).
  const canonicalUri = rawPath.split('/').map((seg) => uriEncode(uriEncode(safeDecode(seg)))).join('/') || '/';
  const canonicalQuery = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const [k, v = ''] = p.split('=', 2) as [string, string?];
      return [uriEncode(safeDecode(k)), uriEncode(safeDecode(v))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = auth.signedHeaders
    .map((h) => {
      const raw = req.headers[h];
      const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
      return `${h}:${value.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const payloadHash = (req.headers['x-amz-content-sha256'] as string | undefined) ?? sha256(body);
  const canonicalRequest = [
    req.method ?? 'POST',
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const amzDate = (req.headers['x-amz-date'] as string | undefined) ?? '';
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer = hmac('AWS4' + secret, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

interface ParsedAuth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}
function parseAuthorization(header: string | undefined): ParsedAuth | undefined {
  const m = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/.exec(
    header ?? '',
  );
  if (!m) return undefined;
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(';'), signature: m[6]! };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new StsError(413, 'RequestEntityTooLarge', 'Request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFakeSts(opts: FakeStsOptions = {}): Promise<FakeSts> {
  const verify = opts.verifySignatures ?? true;
  const principals = new Map<string, Principal>();
  for (const b of opts.baseCredentials ?? [
    { accessKeyId: 'AKIABASE', secretAccessKey: 'basesecret', arn: 'arn:aws:iam::111111111111:user/ci' },
  ]) {
    principals.set(b.accessKeyId, { kind: 'base', ...b, userId: stableId('AIDA', b.arn) });
  }
  const calls: StsCall[] = [];
  const denied = new Map<string, string | undefined>();
  let throttleP = 0;
  let rand = prng(1);
  let failing = { n: 0, status: 500, code: 'InternalFailure' };
  let delayMs = 0;

  const accountOf = (arn: string) => /^arn:[^:]+:[^:]*::(\d{12}):/.exec(arn)?.[1] ?? '000000000000';

  /** Identify and authenticate the caller of a signed request. */
  function authenticate(req: IncomingMessage, body: Buffer): Principal {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) {
      if (!req.headers.authorization) throw new StsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
      throw new StsError(400, 'IncompleteSignature', 'Authorization header requires Credential, SignedHeaders and Signature');
    }
    const p = principals.get(auth.accessKeyId);
    const token = req.headers['x-amz-security-token'] as string | undefined;
    if (!p || (token ?? undefined) !== p.sessionToken) {
      throw new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    }
    if (p.expired || (p.expiration && Date.now() > p.expiration.getTime())) {
      throw new StsError(403, 'ExpiredToken', 'The security token included in the request is expired');
    }
    if (verify) {
      if (auth.service !== 'sts') {
        throw new StsError(403, 'SignatureDoesNotMatch', `Credential should be scoped to correct service: 'sts'.`);
      }
      if (expectedSignature(req, body, auth, p.secretAccessKey) !== auth.signature) {
        throw new StsError(
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        );
      }
    }
    return p;
  }

  function lifetime(params: Record<string, string>, min: number, max: number, dflt: number): number {
    const raw = params.DurationSeconds;
    if (raw !== undefined) {
      const n = Number(raw);
      if (!Number.isInteger(n)) throw validation(`Value '${raw}' for parameter DurationSeconds is invalid.`);
      if (n < min) throw constraint(raw, 'durationSeconds', `Member must have value greater than or equal to ${min}`);
      if (n > max) throw constraint(raw, 'durationSeconds', `Member must have value less than or equal to ${max}`);
    }
    return opts.sessionSeconds ?? (raw !== undefined ? Number(raw) : dflt);
  }

  function checkMfa(params: Record<string, string>): void {
    if (params.SerialNumber === undefined) return;
    if (!/^\d{6}$/.test(params.TokenCode ?? '')) {
      throw new StsError(403, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.');
    }
  }

  function issue(kind: 'session' | 'role', seconds: number, fields: Partial<Principal> & { arn: string; userId: string }) {
    const p: Principal = {
      kind,
      accessKeyId: randomId('ASIA', 16),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: 'FwoGZXIvYXdzEFAKE' + randomBytes(96).toString('base64'),
      issuedAt: new Date(),
      expiration: new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000),
      ...fields,
    };
    principals.set(p.accessKeyId, p);
    return p;
  }
  const credentialsXml = (p: Principal) =>
    `<Credentials><AccessKeyId>${p.accessKeyId}</AccessKeyId><SecretAccessKey>${xmlEscape(p.secretAccessKey)}</SecretAccessKey>` +
    `<SessionToken>${xmlEscape(p.sessionToken!)}</SessionToken><Expiration>${isoSeconds(p.expiration!)}</Expiration></Credentials>`;

  /** Shared part of AssumeRole / AssumeRoleWithWebIdentity: validate, apply denyRole, issue role credentials. */
  function assume(action: string, params: Record<string, string>, caller: Principal | undefined): Principal {
    const roleArn = params.RoleArn;
    const sessionName = params.RoleSessionName;
    if (roleArn === undefined) throw constraint('null', 'roleArn', 'Member must not be null');
    if (sessionName === undefined) throw constraint('null', 'roleSessionName', 'Member must not be null');
    const m = ROLE_ARN_RE.exec(roleArn);
    if (!m) throw validation(`${roleArn} is invalid`);
    if (!NAME_RE.test(sessionName)) {
      throw constraint(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64');
    }
    const seconds = lifetime(params, 900, 43200, 3600);
    if (caller?.kind === 'role' && params.DurationSeconds !== undefined && Number(params.DurationSeconds) > 3600) {
      throw validation('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    }
    if (params.ExternalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(params.ExternalId)) {
      throw constraint(params.ExternalId, 'externalId', 'Member must have length between 2 and 1224');
    }
    if (params.SourceIdentity !== undefined && (!NAME_RE.test(params.SourceIdentity) || params.SourceIdentity.startsWith('aws:'))) {
      throw constraint(params.SourceIdentity, 'sourceIdentity', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
    }
    if (params.Policy !== undefined) {
      try {
        JSON.parse(params.Policy);
      } catch {
        throw new StsError(400, 'MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
      }
      if (params.Policy.length > 2048) throw new StsError(400, 'PackedPolicyTooLarge', 'Packed policy consumes 120% of allotted space, please use smaller policy for session.');
    }
    checkMfa(params);
    if (denied.has(roleArn)) {
      const dflt = caller
        ? `User: ${caller.arn} is not authorized to perform: sts:${action} on resource: ${roleArn}`
        : `Not authorized to perform sts:${action}`;
      throw new StsError(403, 'AccessDenied', denied.get(roleArn) ?? dflt);
    }
    const [, account, roleName] = m;
    const roleId = stableId('AROA', roleArn);
    return issue('role', seconds, {
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      roleArn,
      sessionName,
    });
  }
  const assumedRoleXml = (p: Principal, params: Record<string, string>) =>
    `<AssumedRoleUser><AssumedRoleId>${xmlEscape(p.userId)}</AssumedRoleId><Arn>${xmlEscape(p.arn)}</Arn></AssumedRoleUser>` +
    credentialsXml(p) +
    (params.Policy !== undefined || params['PolicyArns.member.1.arn'] !== undefined || params['Tags.member.1.Key'] !== undefined
      ? '<PackedPolicySize>6</PackedPolicySize>'
      : '') +
    (params.SourceIdentity !== undefined ? `<SourceIdentity>${xmlEscape(params.SourceIdentity)}</SourceIdentity>` : '');

  /** Returns the inner XML of <ActionResult>. */
  function dispatch(action: string, params: Record<string, string>, caller: Principal | undefined): string {
    switch (action) {
      case 'AssumeRole':
        return assumedRoleXml(assume(action, params, caller), params);
      case 'AssumeRoleWithWebIdentity': {
        const token = params.WebIdentityToken;
        if (token === undefined) throw constraint('null', 'webIdentityToken', 'Member must not be null');
        if (token === 'expired') throw new StsError(400, 'ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time');
        if (token === 'bad') throw new StsError(400, 'InvalidIdentityToken', 'The ID token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
        if (token.length < 4 || token.length > 20000) throw constraint('***', 'webIdentityToken', 'Member must have length between 4 and 20000');
        const p = assume(action, params, undefined);
        return (
          assumedRoleXml(p, params) +
          `<SubjectFromWebIdentityToken>fake-subject</SubjectFromWebIdentityToken>` +
          `<Audience>sts.amazonaws.com</Audience><Provider>${xmlEscape(params.ProviderId ?? 'fake-oidc-provider')}</Provider>`
        );
      }
      case 'GetSessionToken': {
        if (caller!.kind !== 'base') throw new StsError(403, 'AccessDenied', 'Cannot call GetSessionToken with session credentials');
        const seconds = lifetime(params, 900, 129600, 43200);
        checkMfa(params);
        return credentialsXml(issue('session', seconds, { arn: caller!.arn, userId: caller!.userId }));
      }
      case 'GetCallerIdentity':
        return `<Arn>${xmlEscape(caller!.arn)}</Arn><UserId>${xmlEscape(caller!.userId)}</UserId><Account>${accountOf(caller!.arn)}</Account>`;
      default:
        throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
    }
  }

  function send(res: ServerResponse, status: number, xml: string, requestId: string) {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(xml) });
    res.end(xml);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    const call: StsCall = { action: '', params: {}, at: Date.now(), status: 0 };
    calls.push(call);
    try {
      const body = await readBody(req);
      const query = (req.url ?? '').split('?')[1] ?? '';
      const params = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? query : body.toString('utf8')));
      call.action = params.Action ?? '';
      call.params = params;
      call.accessKeyId = parseAuthorization(req.headers.authorization)?.accessKeyId;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (failing.n > 0) {
        failing.n--;
        throw new StsError(failing.status, failing.code, 'We encountered an internal error. Please try again.');
      }
      if (throttleP > 0 && rand() < throttleP) throw new StsError(400, 'Throttling', 'Rate exceeded');
      const caller = UNSIGNED_ACTIONS.has(call.action) && !req.headers.authorization ? undefined : authenticate(req, body);
      const inner = dispatch(call.action, params, caller);
      const a = call.action;
      call.status = 200;
      send(
        res,
        200,
        `<${a}Response xmlns="${NS}"><${a}Result>${inner}</${a}Result>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${a}Response>`,
        requestId,
      );
    } catch (e) {
      const err = e instanceof StsError ? e : new StsError(500, 'InternalFailure', String(e));
      call.status = err.status;
      if (res.destroyed || res.headersSent) return;
      send(
        res,
        err.status,
        `<ErrorResponse xmlns="${NS}"><Error><Type>${err.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
          `<Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
        requestId,
      );
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const shutdown = () =>
    (closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // keep-alive sockets would otherwise still be served
    }));

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsOf: (action) => calls.filter((c) => c.action === action),
    throttle(probability, seed = 1) {
      throttleP = probability;
      rand = prng(seed);
    },
    failNext(n, status = 500, code = 'InternalFailure') {
      failing = { n, status, code };
    },
    denyRole(roleArn, message) {
      denied.set(roleArn, message);
    },
    expireBaseCredentials(accessKeyId) {
      for (const p of principals.values()) {
        if (p.kind === 'base' && (accessKeyId === undefined || p.accessKeyId === accessKeyId)) p.expired = true;
      }
    },
    setDelay(ms) {
      delayMs = ms;
    },
    unreachable: shutdown,
    issued(accessKeyId) {
      const p = principals.get(accessKeyId);
      if (p?.kind !== 'role') return undefined;
      return { roleArn: p.roleArn!, sessionName: p.sessionName!, expiration: p.expiration!, issuedAt: p.issuedAt! };
    },
    close: shutdown,
  };
}
