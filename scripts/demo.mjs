#!/usr/bin/env node
// `npm run demo`: tgo's main job on a bundled stack, offline. A local STS (moto) on loopback, the real terraform
// binary, and four modules in two "accounts", each assuming its own role. At the end, a table of which role
// each module really ran as (from STS GetCallerIdentity inside the module's terraform run).

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tgo = path.join(repo, 'bin', 'run.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startMoto() {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/moto-api/data.json`)).ok) return { url, stop: () => process.kill(-child.pid, 'SIGKILL') };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  process.kill(-child.pid, 'SIGKILL');
  throw new Error('moto (python3 -m moto.server) did not start within 30 s');
}

function tgoRun(args, cwd, env) {
  console.log(`\n$ tgo ${args.join(' ')}   (in ${path.relative(work, cwd) || '.'})`);
  const r = spawnSync(process.execPath, [tgo, ...args], { cwd, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tgo ${args.join(' ')} exited with ${r.status}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'tgo-demo-'));
const records = path.join(work, 'records');
cpSync(path.join(repo, 'fixtures', 'demo'), path.join(work, 'live'), { recursive: true });
const live = path.join(work, 'live');

const moto = await startMoto();
try {
  const env = {
    ...process.env,
    // Base credentials of the "security account" user; moto accepts any key in its default mode.
    AWS_ACCESS_KEY_ID: 'AKIADEMOSECURITYUSER',
    AWS_SECRET_ACCESS_KEY: 'demo-secret-not-real',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: moto.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TGO_WHOAMI: path.join(repo, 'fixtures', 'bin', 'whoami.mjs'),
    TGO_RECORDS_DIR: records,
  };
  delete env.AWS_PROFILE;
  // This machine points terraform at a CLI config file that may not exist; an empty one keeps its output quiet.
  if (env.TF_CLI_CONFIG_FILE && !existsSync(env.TF_CLI_CONFIG_FILE)) env.TF_CLI_CONFIG_FILE = '/dev/null';
  console.log(`Demo stack copied to ${live}; local STS (moto) at ${moto.url}.`);
  tgoRun(['run-all', 'apply', '--terragrunt-non-interactive'], live, env);
  const table = (title) => {
    console.log(`\n${title}\n`);
    const rows = readdirSync(records).sort().map((f) => JSON.parse(readFileSync(path.join(records, f), 'utf8')));
    const width = Math.max(...rows.map((r) => r.module.length));
    for (const r of rows) console.log(`  ${r.module.padEnd(width)}  ${r.arn}`);
    rmSync(records, { recursive: true, force: true });
  };
  table('Which role each module ran as (STS GetCallerIdentity from inside its terraform run):');

  // The seed's example: one module, with the role given on the command line (it beats iam_role in HCL).
  tgoRun(['--terragrunt-iam-role', 'arn:aws:iam::111111111111:role/break-glass', 'apply', '-auto-approve'], path.join(live, 'dev', 'app'), env);
  table('The single-module run with --terragrunt-iam-role ran as:');
} finally {
  moto.stop();
  rmSync(work, { recursive: true, force: true });
}
