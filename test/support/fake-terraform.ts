/**
 * A fake `terraform` executable for fast tests: a small node script that logs every invocation (argv, cwd,
 * pid, AWS_/TF_/TGO_ environment, timing, exit code, signal) as JSON lines and behaves as the module's
 * `fake-tf.json` (and the FAKE_TF_CONFIG env, JSON merged over it) says:
 *
 *   { "sleepMs": 200, "exitCode": 1, "stdout": "…", "stderr": "…", "failOn": ["apply"],
 *     "outputs": { "vpc_id": "v-1" }, "trapSigint": true, "ignoreSigint": false, "sleepAfterSigintMs": 100,
 *     "createOnStart": "../.started-a", "waitForFile": "../.go", "barrier": { "dir": "../.barrier", "count": 3 } }
 *
 * - The module dir is the process cwd, or the `-chdir=DIR` global option when given.
 * - Exit code: with `failOn`, commands listed there exit with `exitCode` (default 1) and all others 0;
 *   without `failOn`, every command exits with `exitCode` (default 0).
 * - `stdout` is printed after the command's own line(s); `stderr` is printed by failing commands when
 *   `failOn` is set, by every command otherwise. Then it sleeps `sleepMs` before exiting.
 * - `version` prints `Terraform v1.11.4` (`-json` too); `init` creates `.terraform/` and prints
 *   "Terraform has been successfully initialized!"; `output -json` prints the configured outputs in
 *   terraform's JSON shape (`output -json NAME` / `output -raw NAME` / `output NAME` one value);
 *   anything else prints `fake terraform: <command> <args>`.
 * - SIGINT/SIGTERM (when `trapSigint`, the default): recorded, then exit 130 after `sleepAfterSigintMs`.
 *   With `ignoreSigint`, SIGINT is only recorded and the run goes on (SIGTERM still ends it).
 *   With `trapSigint: false` node's default applies: killed by the signal, no end record. Each signal is
 *   also logged the moment it arrives, so a test can wait for delivery instead of sleeping.
 * - Synchronisation instead of sleeps, so tests prove order rather than hope for it (paths are relative to
 *   the module dir): `createOnStart` creates a file once this terraform runs; `waitForFile` makes it wait,
 *   after its output, until that file exists; `barrier` makes it wait until `count` terraforms (this one
 *   included) have reached the same barrier directory. A wait gives up after `waitTimeoutMs` (default 60 s):
 *   it prints "fake terraform: gave up waiting for …" and exits 97, so a broken order fails instead of hanging.
 * - Records carry `startSeq`/`endSeq`, their line numbers in the shared log: a total order of events
 *   across processes that needs no clock.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeTfRecord {
  argv: string[];
  /** The module dir: the process cwd, resolved against `-chdir=` when given. */
  cwd: string;
  pid: number;
  start: number;
  end?: number;
  /** Position of the start / end record in the shared log (one append per record): order without clocks. */
  startSeq: number;
  endSeq?: number;
  exitCode?: number;
  signal?: string;
  /** Every signal received, in order (to prove a graceful stop got exactly one SIGINT). */
  signals?: string[];
  /** AWS_*, TF_* (incl. TF_VAR_*), TGO_* variables of the process. */
  env: Record<string, string>;
}
export interface FakeTerraform {
  /** The executable (named `terraform`), so `dir` can also be put first on PATH. */
  path: string;
  dir: string;
  logFile: string;
  records(): FakeTfRecord[];
}

const script = (logFile: string) => `#!/usr/bin/env node
'use strict';
// Fake terraform written by tgo's test/support/fake-terraform.ts. Works as CommonJS and as ESM.
const load = (m) => (typeof require === 'function' ? require(m) : process.getBuiltinModule(m));
const fs = load('fs');
const path = load('path');
const LOG = ${JSON.stringify(logFile)};
const argv = process.argv.slice(2);
const chdir = argv.find((a) => a.startsWith('-chdir='));
const cwd = chdir ? path.resolve(process.cwd(), chdir.slice('-chdir='.length)) : process.cwd();
const args = argv.filter((a) => !a.startsWith('-chdir='));
const isVersionFlag = (a) => a === '-version' || a === '--version' || a === '-v';
const cmd = args.find((a) => !a.startsWith('-')) || (args.some(isVersionFlag) ? 'version' : '');
const rest = args.slice(args.indexOf(cmd) + 1);
const log = (o) => fs.appendFileSync(LOG, JSON.stringify(o) + '\\n'); // one O_APPEND write per line
const out = (s) => { if (s) process.stdout.write(String(s).endsWith('\\n') ? String(s) : s + '\\n'); };
const err = (s) => { if (s) process.stderr.write(String(s).endsWith('\\n') ? String(s) : s + '\\n'); };

let cfg = {};
try {
  cfg = JSON.parse(fs.readFileSync(path.join(cwd, 'fake-tf.json'), 'utf8'));
  if (process.env.FAKE_TF_CONFIG) cfg = Object.assign(cfg, JSON.parse(process.env.FAKE_TF_CONFIG));
} catch (e) {
  if (e.code !== 'ENOENT') { err('fake terraform: bad fake-tf.json / FAKE_TF_CONFIG: ' + e.message); process.exit(2); }
  if (process.env.FAKE_TF_CONFIG) cfg = JSON.parse(process.env.FAKE_TF_CONFIG);
}
const env = {};
for (const [k, v] of Object.entries(process.env)) if (/^(AWS_|TF_|TGO_)/.test(k)) env[k] = v;

let finished = false;
let signal;
const received = [];
function finish(exitCode) {
  if (finished) return;
  finished = true;
  log({ type: 'end', pid: process.pid, end: Date.now(), exitCode, signal, signals: received });
  process.exit(exitCode);
}
if (cfg.trapSigint !== false) {
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      received.push(sig);
      signal = signal || sig;
      log({ type: 'signal', pid: process.pid, signal: sig });
      if (sig === 'SIGINT' && cfg.ignoreSigint) return;
      out('Interrupt received.\\nPlease wait for Terraform to exit or data loss may occur.\\nGracefully shutting down...');
      setTimeout(() => finish(130), cfg.sleepAfterSigintMs || 0);
    });
  }
}
// Logged only once the handlers are in place: a test that signals after seeing the start must find them there.
log({ type: 'start', argv, cwd, pid: process.pid, start: Date.now(), env });
if (cfg.createOnStart) fs.writeFileSync(path.resolve(cwd, cfg.createOnStart), String(process.pid));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Polls until ready() is true; false when waitTimeoutMs passed first. */
async function waitUntil(ready) {
  const deadline = Date.now() + (cfg.waitTimeoutMs || 60000);
  while (!ready()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}
async function synchronise() {
  if (cfg.barrier) {
    const dir = path.resolve(cwd, cfg.barrier.dir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, String(process.pid)), '');
    if (!(await waitUntil(() => fs.readdirSync(dir).length >= cfg.barrier.count))) {
      err('fake terraform: gave up waiting for ' + cfg.barrier.count + ' terraforms at barrier ' + dir + ' (' + fs.readdirSync(dir).length + ' arrived)');
      return false;
    }
  }
  if (cfg.waitForFile) {
    const file = path.resolve(cwd, cfg.waitForFile);
    if (!(await waitUntil(() => fs.existsSync(file)))) {
      err('fake terraform: gave up waiting for ' + file);
      return false;
    }
  }
  return true;
}

function outputType(v) {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map(outputType)];
  if (v && typeof v === 'object') return ['object', Object.fromEntries(Object.entries(v).map(([k, x]) => [k, outputType(x)]))];
  return 'dynamic';
}

async function main() {
  const outputs = cfg.outputs || {};
  switch (cmd) {
    case 'version':
      if (rest.includes('-json')) out(JSON.stringify({ terraform_version: '1.11.4', platform: 'linux_amd64', provider_selections: {}, terraform_outdated: false }, null, 2));
      else out('Terraform v1.11.4\\non linux_amd64');
      break;
    case 'init':
      fs.mkdirSync(path.join(cwd, '.terraform'), { recursive: true });
      out('Initializing the backend...\\n\\nTerraform has been successfully initialized!');
      break;
    case 'output': {
      const name = rest.find((a) => !a.startsWith('-'));
      if (name !== undefined && !(name in outputs)) {
        err('Error: Output "' + name + '" not found');
        return finish(1);
      }
      if (rest.includes('-json')) {
        if (name !== undefined) out(JSON.stringify(outputs[name]));
        else out(JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { sensitive: false, type: outputType(v), value: v }]))));
      } else if (name !== undefined) {
        out(rest.includes('-raw') ? String(outputs[name]) : JSON.stringify(outputs[name]));
      } else {
        for (const [k, v] of Object.entries(outputs)) out(k + ' = ' + JSON.stringify(v));
      }
      break;
    }
    default:
      out(('fake terraform: ' + (cmd || '(no command)') + ' ' + rest.join(' ')).trim());
  }
  out(cfg.stdout);
  if (!(await synchronise())) return finish(97);
  if (cfg.sleepMs) await sleep(cfg.sleepMs);
  const failOn = Array.isArray(cfg.failOn) ? cfg.failOn : undefined;
  const fails = failOn ? failOn.includes(cmd) : !!cfg.exitCode;
  if (failOn ? fails : true) err(cfg.stderr);
  // A signal that arrived during the run is finishing it already.
  if (signal && !(signal === 'SIGINT' && cfg.ignoreSigint)) return;
  finish(fails ? cfg.exitCode || 1 : 0);
}
main().catch((e) => { err(String(e && e.stack || e)); finish(2); });
`;

export async function makeFakeTerraform(dir?: string): Promise<FakeTerraform> {
  const base = dir ?? mkdtempSync(join(tmpdir(), 'tgo-fake-tf-'));
  mkdirSync(base, { recursive: true });
  const logFile = join(base, 'fake-tf-log.jsonl');
  const path = join(base, 'terraform');
  writeFileSync(path, script(logFile), { mode: 0o755 });
  chmodSync(path, 0o755);
  if (!existsSync(logFile)) appendFileSync(logFile, '');
  return {
    path,
    dir: base,
    logFile,
    records() {
      const records: FakeTfRecord[] = [];
      const open = new Map<number, FakeTfRecord>();
      let seq = 0;
      for (const line of readFileSync(logFile, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        seq++;
        const e = JSON.parse(line) as { type: 'start' | 'end' | 'signal' } & FakeTfRecord;
        if (e.type === 'start') {
          const r: FakeTfRecord = { argv: e.argv, cwd: e.cwd, pid: e.pid, start: e.start, startSeq: seq, env: e.env };
          records.push(r);
          open.set(e.pid, r);
        } else if (e.type === 'signal') {
          const r = open.get(e.pid);
          if (r) (r.signals ??= []).push(e.signal!);
        } else {
          const r = open.get(e.pid);
          if (!r) continue;
          open.delete(e.pid);
          r.end = e.end;
          r.endSeq = seq;
          r.exitCode = e.exitCode;
          if (e.signal) r.signal = e.signal;
          if (e.signals?.length) r.signals = e.signals;
        }
      }
      return records;
    },
  };
}
