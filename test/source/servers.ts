/**
 * Loopback servers for source tests: a module registry over TLS (a CA made here with openssl, trusted by tgo
 * through NODE_EXTRA_CA_CERTS) that also serves archives, and a plain http server for archives. Every request
 * is counted by path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { tmp } from './fixtures.js';

export interface TestCa {
  /** PEM file for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  key: Buffer;
  cert: Buffer;
}

/** A CA and a server certificate for localhost / 127.0.0.1, valid for a day. */
export function makeCa(): TestCa {
  const d = tmp('tgo-ca-');
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: d, stdio: 'ignore' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=tgo test CA');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=localhost');
  writeFileSync(path.join(d, 'ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'srv.pem', '-days', '1', '-extfile', 'ext');
  return { caFile: path.join(d, 'ca.pem'), key: readFileSync(path.join(d, 'srv.key')), cert: readFileSync(path.join(d, 'srv.pem')) };
}

/** A module directory packed as .tar.gz (system tar) and .zip (python's zipfile), with one top folder. */
export function makeArchives(files: Record<string, string>): { tgz: Buffer; zip: Buffer } {
  const d = tmp('tgo-arch-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, 'pkg', rel)), { recursive: true });
    writeFileSync(path.join(d, 'pkg', rel), text);
  }
  execFileSync('tar', ['-czf', 'm.tgz', 'pkg'], { cwd: d });
  execFileSync('python3', ['-c', 'import shutil; shutil.make_archive("m", "zip", ".", "pkg")'], { cwd: d });
  return { tgz: readFileSync(path.join(d, 'm.tgz')), zip: readFileSync(path.join(d, 'm.zip')) };
}

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Required Authorization header value; anything else gets 401. */
  auth?: string;
}

export interface TestServer {
  url: string;
  port: number;
  routes: Map<string, Route>;
  /** Requests per path (query dropped). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

function handler(routes: Map<string, Route>, hits: Map<string, number>): http.RequestListener {
  return (req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const route = routes.get(p);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    if (route.auth && req.headers.authorization !== route.auth) {
      res.writeHead(401).end('unauthorized');
      return;
    }
    res.writeHead(route.status ?? 200, route.headers).end(route.body ?? '');
  };
}

export async function startServer(tls?: TestCa): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler(routes, hits)) : http.createServer(handler(routes, hits));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    routes,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
