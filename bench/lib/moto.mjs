// moto for figure 8 (the real terraform on an S3 backend): started the way the tests start it
// (test/support/moto_launcher.py, the image's python3 with moto), in moto's default no-auth mode, on a free
// loopback port. It exits when this process does (its stdin closes).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO } from './measure.mjs';

const freePort = () => new Promise((resolve, reject) => {
  const srv = createServer();
  srv.once('error', reject);
  srv.listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});

export async function startMoto() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.env.TGO_TEST_PYTHON ?? 'python3', [path.join(REPO, 'test', 'support', 'moto_launcher.py'), '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, PYTHONUNBUFFERED: '1', TGO_MOTO_EXIT_ON_STDIN_EOF: '1' },
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr.on('data', (c) => {
    tail = (tail + c).slice(-2000);
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto exited before answering:\n${tail}`);
    try {
      if ((await fetch(`${url}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`moto did not start within 30 s:\n${tail}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Seeding requests only need moto to route them to S3: an unsigned-but-named Authorization header does that.
  const auth = 'AWS4-HMAC-SHA256 Credential=AKIAMOTOSEED00000000/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0000';
  return {
    url,
    async createBucket(name) {
      const res = await fetch(`${url}/${name}`, { method: 'PUT', headers: { authorization: auth } });
      if (!res.ok) throw new Error(`moto CreateBucket ${name}: ${res.status} ${await res.text()}`);
    },
    close() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
