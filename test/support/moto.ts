/**
 * moto (the image's python3, moto 5.2.1) as a real STS / IAM / S3 / DynamoDB peer on a free loopback port.
 *
 * Started through moto_launcher.py, which patches two moto bugs that break IAM-enforcing mode (see that file).
 * Seeding helpers talk plain HTTP (fetch) with an unsigned-but-named Authorization header so that moto routes
 * the request to the right service; they always run in no-auth mode (auth is switched off around them and
 * back on afterwards when it was on).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MotoCall {
  action: string;
  params: Record<string, string>;
  accessKeyId?: string;
}
export interface MotoRequest {
  service: string;
  accessKeyId?: string;
  method: string;
  url: string;
  userAgent?: string;
  /** The query API's Action (STS, IAM: from the query string or the form body). */
  action?: string;
  /** The JSON API's X-Amz-Target (DynamoDB). */
  target?: string;
}
export interface Moto {
  url: string;
  port: number;
  /** POST /moto-api/reset (wipes all state) and switches auth off. */
  reset(): Promise<void>;
  /** Clears the previous recording, then starts recording. */
  startRecording(): Promise<void>;
  stopRecording(): Promise<void>;
  /** STS calls in the recording, in order (form bodies decoded; accessKeyId from the SigV4 Authorization header). */
  recordedStsCalls(): Promise<MotoCall[]>;
  /** Every recorded request, in order: its service and signing key (from SigV4), method and URL. */
  recordedRequests(): Promise<MotoRequest[]>;
  /** Role ARN of each access key moto issued with AssumeRole* (moto's own record of the sessions). */
  assumedRoleKeys(): Promise<Map<string, string>>;
  /** IAM CreateAccountAlias in `account` (default: moto's 123456789012). */
  createAccountAlias(alias: string, account?: string): Promise<void>;
  /** IAM CreateUser + CreateAccessKey + inline policy allowing sts:AssumeRole (and TagSession, SetSourceIdentity, GetSessionToken) on *. */
  createUser(name: string): Promise<{ accessKeyId: string; secretAccessKey: string; arn: string }>;
  /**
   * IAM role trusting exactly these principal ARNs (moto compares them literally: name users / assumed-role
   * session ARNs, not account roots; "*" trusts everyone; oidc-provider/saml-provider ARNs become Federated
   * principals for AssumeRoleWithWebIdentity/SAML). Its policy allows s3:*, dynamodb:*, sts:GetCallerIdentity,
   * or everything ("*" on "*", so it can chain into other roles) with allowAll. Returns the role ARN.
   */
  createRole(name: string, trustedPrincipalArns: string[], opts?: { externalId?: string; allowAll?: boolean }): Promise<string>;
  createBucket(name: string): Promise<void>;
  /** S3 PutObject (path style). */
  putObject(bucket: string, key: string, body: string | Buffer): Promise<void>;
  /** DynamoDB table with hash key LockID (S), on-demand billing. */
  createLockTable(name: string): Promise<void>;
  /** DynamoDB GetItem by string key attributes (e.g. { LockID: 'bucket/key' }); the item in DynamoDB JSON or undefined. */
  getItem(table: string, key: Record<string, string>): Promise<Record<string, unknown> | undefined>;
  /** DynamoDB Scan; items in DynamoDB JSON ({ LockID: { S: '…' }, … }). */
  scanTable(name: string): Promise<Array<Record<string, unknown>>>;
  /** Object keys in the bucket (ListObjectsV2, all pages). */
  listObjects(bucket: string): Promise<string[]>;
  enableAuth(): Promise<void>;
  disableAuth(): Promise<void>;
  close(): Promise<void>;
}

const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'moto_launcher.py');
const PYTHON = process.env.TGO_TEST_PYTHON ?? 'python3';
const START_TIMEOUT_MS = 30_000;
const ACCOUNT = '123456789012';

const running = new Set<ChildProcess>();
const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal); // detached: the launcher leads its own process group
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
};
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const authFor = (service: string, key = 'AKIAMOTOSEED00000000') =>
  `AWS4-HMAC-SHA256 Credential=${key}/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0000`;
const xmlValues = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );

async function launch(port: number, recording: string, cwd: string): Promise<{ child: ChildProcess; stderrTail: () => string }> {
  // TGO_MOTO_EXIT_ON_STDIN_EOF: the launcher exits when our end of its stdin closes, i.e. when this process dies
  // in any way (vitest ends its workers without running 'exit' handlers).
  const env: NodeJS.ProcessEnv = { ...process.env, MOTO_RECORDER_FILEPATH: recording, PYTHONUNBUFFERED: '1', TGO_MOTO_EXIT_ON_STDIN_EOF: '1' };
  delete env.INITIAL_NO_AUTH_ACTION_COUNT;
  delete env.MOTO_ENABLE_RECORDING;
  delete env.MOTO_PORT;
  const child = spawn(PYTHON, [LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000); // werkzeug logs every request: keep draining
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  child.stdin!.on('error', () => undefined); // never written to; it only signals our lifetime
  return { child, stderrTail: () => tail.trim().split('\n').slice(-15).join('\n') };
}

async function waitReady(url: string, child: ChildProcess, stderrTail: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited: string | undefined;
  // 'close' comes after the output pipes are drained, so the tail below is complete.
  child.once('close', (code, signal) => (exited = `exited with ${signal ?? `status ${code}`}`));
  child.once('error', (e) => (exited = `failed to spawn ${PYTHON}: ${e.message}`));
  while (Date.now() < deadline) {
    if (exited) {
      const missing = /No module named '?(moto|werkzeug|flask)/.test(stderrTail())
        ? `the tests need ${PYTHON} with moto[server] (the machine image has it; .ci/run checks for it). `
        : '';
      throw new Error(`${missing}moto ${exited} before answering.\n--- output tail ---\n${stderrTail()}`);
    }
    try {
      const res = await fetch(`${url}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  killGroup(child, 'SIGKILL');
  throw new Error(`moto did not answer GET ${url}/moto-api/data.json within ${START_TIMEOUT_MS / 1000} s.\n--- output tail ---\n${stderrTail()}`);
}

export async function startMoto(): Promise<Moto> {
  const work = mkdtempSync(join(tmpdir(), 'tgo-moto-'));
  const recording = join(work, 'recording.jsonl');
  let child: ChildProcess | undefined;
  let port = 0;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && !child; attempt++) {
    port = await freePort();
    const started = await launch(port, recording, work);
    try {
      await waitReady(`http://127.0.0.1:${port}`, started.child, started.stderrTail);
      child = started.child;
    } catch (e) {
      lastError = e;
      killGroup(started.child, 'SIGKILL');
      if (!/Address already in use/i.test(String(e))) break; // lost the port race: try another; anything else is fatal
    }
  }
  if (!child) {
    rmSync(work, { recursive: true, force: true });
    throw lastError;
  }
  const proc: ChildProcess = child;
  const url = `http://127.0.0.1:${port}`;
  let authOn = false;

  const req = async (path: string, init: RequestInit & { ok?: number[] } = {}): Promise<string> => {
    const res = await fetch(url + path, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    if (!res.ok && !(init.ok ?? []).includes(res.status)) {
      throw new Error(`moto ${init.method ?? 'GET'} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    }
    return text;
  };
  const setAuth = async (on: boolean) => {
    await req('/moto-api/reset-auth', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: on ? '0' : 'inf' });
    authOn = on;
  };
  /** Seeding always runs unauthenticated. */
  const seeding = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (!authOn) return fn();
    await setAuth(false);
    try {
      return await fn();
    } finally {
      await setAuth(true);
    }
  };
  const iam = (params: Record<string, string>) =>
    req('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: authFor('iam') },
      body: new URLSearchParams({ ...params, Version: '2010-05-08' }).toString(),
    });
  const dynamo = async (target: string, body: unknown) =>
    JSON.parse(
      await req('/', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${target}`,
          authorization: authFor('dynamodb'),
        },
        body: JSON.stringify(body),
      }),
    ) as Record<string, unknown>;
  const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

  return {
    url,
    port,
    async reset() {
      await req('/moto-api/reset', { method: 'POST' });
      await setAuth(false);
    },
    async startRecording() {
      await req('/moto-api/recorder/reset-recording', { method: 'POST' });
      await req('/moto-api/recorder/start-recording', { method: 'POST' });
    },
    async stopRecording() {
      await req('/moto-api/recorder/stop-recording', { method: 'POST' });
    },
    async recordedStsCalls() {
      const text = await req('/moto-api/recorder/download-recording');
      const out: MotoCall[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        const e = JSON.parse(line) as { headers: Record<string, string>; method: string; url: string; body?: string | null; body_encoded?: boolean };
        const header = (n: string) => Object.entries(e.headers).find(([k]) => k.toLowerCase() === n)?.[1];
        const scope = /Credential=([^/,\s]+)\/\d{8}\/[^/]+\/([^/]+)\//.exec(header('authorization') ?? '');
        const body = e.body ? (e.body_encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body) : '';
        const query = new URL(e.url).search.slice(1);
        const params = Object.fromEntries(new URLSearchParams(e.method === 'GET' ? query : body));
        const action = params.Action ?? '';
        const isSts = scope ? scope[2] === 'sts' : /^(AssumeRole\w*|GetCallerIdentity|GetSessionToken|GetFederationToken)$/.test(action);
        if (isSts) out.push({ action, params, ...(scope ? { accessKeyId: scope[1]! } : {}) });
      }
      return out;
    },
    async recordedRequests() {
      const text = await req('/moto-api/recorder/download-recording');
      return text.split('\n').filter((l) => l.trim()).map((line) => {
        const e = JSON.parse(line) as { headers: Record<string, string>; method: string; url: string; body?: string | null; body_encoded?: boolean };
        const header = (n: string) => Object.entries(e.headers).find(([k]) => k.toLowerCase() === n)?.[1];
        const scope = /Credential=([^/,\s]+)\/\d{8}\/[^/]+\/([^/]+)\//.exec(header('authorization') ?? '');
        const body = e.body ? (e.body_encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body) : '';
        const form = header('content-type')?.startsWith('application/x-www-form-urlencoded') ? body : '';
        const action = new URLSearchParams(e.method === 'GET' ? new URL(e.url).search : form).get('Action') ?? undefined;
        return {
          service: scope?.[2] ?? '', accessKeyId: scope?.[1], method: e.method, url: e.url, userAgent: header('user-agent'),
          ...(action ? { action } : {}), ...(header('x-amz-target') ? { target: header('x-amz-target') } : {}),
        };
      });
    },
    async assumedRoleKeys() {
      const data = JSON.parse(await req('/moto-api/data.json')) as { sts?: { AssumedRole?: { access_key_id: string; role_arn: string }[] } };
      return new Map((data.sts?.AssumedRole ?? []).map((r) => [r.access_key_id, r.role_arn]));
    },
    createAccountAlias: (alias, account) =>
      seeding(async () => {
        await req('/', {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: authFor('iam'),
            ...(account ? { 'x-moto-account-id': account } : {}),
          },
          body: new URLSearchParams({ Action: 'CreateAccountAlias', AccountAlias: alias, Version: '2010-05-08' }).toString(),
        });
      }),
    createUser: (name) =>
      seeding(async () => {
        const arn = xmlValues(await iam({ Action: 'CreateUser', UserName: name }), 'Arn')[0]!;
        const keyXml = await iam({ Action: 'CreateAccessKey', UserName: name });
        await iam({
          Action: 'PutUserPolicy',
          UserName: name,
          PolicyName: 'assume-any-role',
          PolicyDocument: policy([
            { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:GetSessionToken'], Resource: '*' },
          ]),
        });
        return { accessKeyId: xmlValues(keyXml, 'AccessKeyId')[0]!, secretAccessKey: xmlValues(keyXml, 'SecretAccessKey')[0]!, arn };
      }),
    createRole: (name, trusted, opts = {}) =>
      seeding(async () => {
        const statements = trusted.map((p) => {
          const federated = /:(oidc|saml)-provider\//.exec(p);
          return {
            Effect: 'Allow',
            Principal: federated ? { Federated: p } : { AWS: p },
            Action: federated
              ? federated[1] === 'oidc'
                ? 'sts:AssumeRoleWithWebIdentity'
                : 'sts:AssumeRoleWithSAML'
              : ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
            ...(opts.externalId && !federated ? { Condition: { StringEquals: { 'sts:ExternalId': opts.externalId } } } : {}),
          };
        });
        const xml = await iam({ Action: 'CreateRole', RoleName: name, AssumeRolePolicyDocument: policy(statements), MaxSessionDuration: '43200' });
        await iam({
          Action: 'PutRolePolicy',
          RoleName: name,
          PolicyName: 'permissions',
          PolicyDocument: policy([
            opts.allowAll
              ? { Effect: 'Allow', Action: '*', Resource: '*' }
              : { Effect: 'Allow', Action: ['s3:*', 'dynamodb:*', 'sts:GetCallerIdentity'], Resource: '*' },
          ]),
        });
        return xmlValues(xml, 'Arn')[0] ?? `arn:aws:iam::${ACCOUNT}:role/${name}`;
      }),
    putObject: (bucket, key, body) =>
      seeding(async () => {
        await req(`/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`, { method: 'PUT', headers: { authorization: authFor('s3') }, body });
      }),
    createBucket: (name) =>
      seeding(async () => {
        await req(`/${encodeURIComponent(name)}`, { method: 'PUT', headers: { authorization: authFor('s3') } });
      }),
    createLockTable: (name) =>
      seeding(async () => {
        await dynamo('CreateTable', {
          TableName: name,
          AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        });
      }),
    getItem: (table, key) =>
      seeding(async () => {
        const out = await dynamo('GetItem', {
          TableName: table,
          Key: Object.fromEntries(Object.entries(key).map(([k, v]) => [k, { S: v }])),
          ConsistentRead: true,
        });
        return out.Item as Record<string, unknown> | undefined;
      }),
    scanTable: (name) =>
      seeding(async () => {
        const items: Array<Record<string, unknown>> = [];
        let start: unknown;
        do {
          const out = await dynamo('Scan', { TableName: name, ...(start ? { ExclusiveStartKey: start } : {}) });
          items.push(...((out.Items as Array<Record<string, unknown>>) ?? []));
          start = out.LastEvaluatedKey;
        } while (start);
        return items;
      }),
    listObjects: (bucket) =>
      seeding(async () => {
        const keys: string[] = [];
        let token: string | undefined;
        do {
          const qs = new URLSearchParams({ 'list-type': '2', ...(token ? { 'continuation-token': token } : {}) });
          const xml = await req(`/${encodeURIComponent(bucket)}?${qs}`, { headers: { authorization: authFor('s3') } });
          keys.push(...xmlValues(xml, 'Key'));
          token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? xmlValues(xml, 'NextContinuationToken')[0] : undefined;
        } while (token);
        return keys;
      }),
    enableAuth: () => setAuth(true),
    disableAuth: () => setAuth(false),
    async close() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise<void>((r) => proc.once('exit', () => r()));
        proc.stdin?.destroy(); // the launcher leaves on stdin EOF
        killGroup(proc, 'SIGTERM');
        const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 3000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
