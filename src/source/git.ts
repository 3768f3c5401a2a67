// git sources with the system git, as go-getter's git getter runs it: the user's own git config (insteadOf,
// credential helpers, SSH agent) applies. `?ref=` is a branch, tag or commit; `?depth=N` makes a shallow clone
// of a branch or tag; `?sshkey=` is a base64 private key.

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exec, tail } from './exec.js';
import { redactUrl, splitForced } from './detect.js';

/** Clone `root` (git::URL?query) into `dst` (which must not exist) and check out its ref. */
export async function gitFetch(root: string, dst: string, env: NodeJS.ProcessEnv): Promise<void> {
  const url = splitForced(root).rest;
  const q = url.indexOf('?');
  const params = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
  const ref = params.get('ref') ?? '';
  const depth = Number.parseInt(params.get('depth') ?? '', 10) || 0;
  const sshKey = params.get('sshkey');
  for (const k of ['ref', 'depth', 'sshkey']) params.delete(k);
  const rest = params.toString();
  const cloneUrl = (q >= 0 ? url.slice(0, q) : url) + (rest ? `?${rest}` : '');
  const shown = redactUrl(cloneUrl);

  let keyDir: string | undefined;
  // No terminal prompt from a download running next to others: credential helpers and agents still work.
  const gitEnv: NodeJS.ProcessEnv = { GIT_TERMINAL_PROMPT: '0', ...env };
  try {
    if (sshKey) {
      keyDir = await mkdtemp(path.join(os.tmpdir(), 'tgo-sshkey-'));
      const keyFile = path.join(keyDir, 'key');
      await writeFile(keyFile, Buffer.from(sshKey, 'base64'), { mode: 0o600 });
      gitEnv.GIT_SSH_COMMAND = `${env.GIT_SSH_COMMAND || 'ssh'} -i ${keyFile}`;
    }
    const git = async (args: string[], cwd?: string) => {
      const r = await exec('git', args, { cwd, env: gitEnv });
      if (r.code !== 0) throw new Error(tail(r.stderr) || `git ${args[0]} exited with code ${r.code}`);
      return r.stdout;
    };
    const args = ['clone', '--quiet'];
    if (depth > 0) args.push('--depth', String(depth), '--branch', ref || (await defaultBranch(cloneUrl, gitEnv)));
    try {
      await git([...args, '--', cloneUrl, dst]);
    } catch (e) {
      const hint = depth > 0 && /^[0-9a-f]{7,40}$/i.test(ref) ? ' (with ?depth=, ?ref= must be a branch or tag, not a commit)' : '';
      const notFound = depth > 0 && ref && /Remote branch .* not found/.test((e as Error).message);
      throw new Error(notFound ? `?ref=${ref} does not exist in ${shown}` : `git clone of ${shown} failed: ${(e as Error).message}${hint}`);
    }
    if (ref && depth < 1) await git(['checkout', '--quiet', await resolveRef(dst, ref, gitEnv, shown)], dst);
    if (existsSync(path.join(dst, '.gitmodules'))) {
      await git(['submodule', 'update', '--init', '--recursive', ...(depth > 0 ? ['--depth', String(depth)] : [])], dst);
    }
  } finally {
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  }
}

/** go-getter's resolveCheckoutRef: the ref itself, a remote branch, then a tag. */
async function resolveRef(dir: string, ref: string, env: NodeJS.ProcessEnv, shown: string): Promise<string> {
  for (const candidate of [ref, `refs/remotes/origin/${ref}`, `refs/tags/${ref}`]) {
    const r = await exec('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], { cwd: dir, env });
    if (r.code === 0) return r.stdout.trim();
  }
  throw new Error(`?ref=${ref} does not exist in ${shown} (no branch, tag or commit of that name)`);
}

/** The remote's default branch (HEAD's symref), as go-getter asks before a shallow clone without a ref. */
async function defaultBranch(url: string, env: NodeJS.ProcessEnv): Promise<string> {
  const r = await exec('git', ['ls-remote', '--symref', '--', url, 'HEAD'], { env });
  return /ref: refs\/heads\/(\S+)/.exec(r.stdout)?.[1] ?? 'master';
}
