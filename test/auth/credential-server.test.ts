import { afterEach, describe, expect, it } from 'vitest';
import { CredentialServer, serveFloor } from '../../src/auth/credential-server.js';
import { SecretRegistry } from '../../src/auth/secrets.js';
import type { AwsCredentials } from '../../src/auth/sts.js';

const creds = (id: string, leftMs: number): AwsCredentials =>
  ({ accessKeyId: id, secretAccessKey: `${id}-secret`, sessionToken: `${id}-token`, expiration: new Date(Date.now() + leftMs) });

let server: CredentialServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const get = (url: string, token?: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: token === undefined ? {} : { authorization: token } });

describe('credential server', () => {
  it('listens on loopback only, in the container-credentials format, and a token yields only its own module', async () => {
    const secrets = new SecretRegistry();
    server = await CredentialServer.start({ secrets });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/credentials$/);
    const a = server.register('app', async () => ({ credentials: creds('ASIAAPP', 3600_000), issuedAt: Date.now() }));
    const b = server.register('db', async () => ({ credentials: creds('ASIADB', 3600_000), issuedAt: Date.now() }));
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(secrets.redact(`token ${a}`)).toBe('token ***');
    expect(server.env(a)).toEqual({ AWS_CONTAINER_CREDENTIALS_FULL_URI: server.url, AWS_CONTAINER_AUTHORIZATION_TOKEN: a });

    const ra = await get(server.url, a);
    expect(ra.status).toBe(200);
    const body = (await ra.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['AccessKeyId', 'Expiration', 'SecretAccessKey', 'Token']);
    expect(body).toMatchObject({ AccessKeyId: 'ASIAAPP', SecretAccessKey: 'ASIAAPP-secret', Token: 'ASIAAPP-token' });
    expect(new Date(body.Expiration!).getTime()).toBeGreaterThan(Date.now());
    expect(((await (await get(server.url, b)).json()) as Record<string, string>).AccessKeyId).toBe('ASIADB');
  });

  it('403 without the right token; 404 elsewhere; 405 for other methods', async () => {
    server = await CredentialServer.start();
    const token = server.register('app', async () => ({ credentials: creds('ASIAAPP', 3600_000), issuedAt: Date.now() }));
    for (const t of [undefined, '', 'wrong', `${token}x`, token.slice(1), `Bearer ${token}`]) {
      const r = await get(server.url, t);
      expect(r.status, String(t)).toBe(403);
      expect(await r.json()).toMatchObject({ code: 'AccessDenied' });
    }
    expect((await get(server.url.replace('/v1/credentials', '/'), token)).status).toBe(404);
    expect((await get(server.url, token, { method: 'POST' })).status).toBe(405);
    expect(server.stats).toMatchObject({ denied: 6, served: 0 });
  });

  it('never serves credentials with under min(5 min, half their lifetime) left', async () => {
    expect(serveFloor(0, new Date(3600_000))).toBe(5 * 60_000);
    expect(serveFloor(0, new Date(3_000))).toBe(1_500);
    server = await CredentialServer.start();
    const issuedAt = Date.now() - 3600_000 + 4 * 60_000; // a 1 h session with 4 min left
    const t = server.register('app', async () => ({ credentials: creds('ASIAOLD', 4 * 60_000), issuedAt }));
    const r = await get(server.url, t);
    expect(r.status).toBe(503);
    expect(await r.json()).toMatchObject({ code: 'CredentialsExpiring' });
  });

  it('an STS failure is a 500 with the (redacted) reason, and the module token keeps working afterwards', async () => {
    const secrets = new SecretRegistry();
    secrets.add('leaked-secret-value');
    const warnings: string[] = [];
    server = await CredentialServer.start({ secrets, onLog: (_l, m) => warnings.push(m) });
    let fail = true;
    const t = server.register('app', async () => {
      if (fail) throw new Error('AssumeRole arn:aws:iam::1:role/x failed: AccessDenied leaked-secret-value');
      return { credentials: creds('ASIAOK', 3600_000), issuedAt: Date.now() };
    });
    const r = await get(server.url, t);
    expect(r.status).toBe(500);
    const body = (await r.json()) as { message: string };
    expect(body.message).toContain('AccessDenied ***');
    expect(warnings.join('\n')).not.toContain('leaked-secret-value');
    fail = false;
    expect((await get(server.url, t)).status).toBe(200);
  });

  it('stops: tokens die and the port closes', async () => {
    server = await CredentialServer.start();
    const t = server.register('app', async () => ({ credentials: creds('ASIAAPP', 3600_000), issuedAt: Date.now() }));
    expect((await get(server.url, t)).status).toBe(200);
    await server.stop();
    await expect(get(server.url, t)).rejects.toThrow();
  });
});
