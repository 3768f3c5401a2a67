// The pipeline every CI engine gets, before it is written in the engine's own syntax: one job per selected
// module, waiting exactly for the jobs of what it waits for (dependents first for destroy), each running
// `tgo run <command>` in the module's directory so inputs, dependency outputs (read from remote state), hooks and
// the module's role behave as they do locally.

import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { terraformArgs } from '../terraform/args.js';
import { UsageError } from '../errors.js';
import type { RunSelection } from '../run/selection.js';
import type { Stack } from '../run/stack.js';

export interface CiSettings {
  /** How a job calls tgo (a shell word or words): `tgo`, `npx tgo`, `node /opt/tgo/bin/run.js`. */
  tgoCommand: string;
  image?: string;
  runnerTags: string[];
  /** `aud` of the web identity token each job gets. */
  audience: string;
  /** Jobs at once, where the engine has a bound (Argo). */
  parallelism?: number;
  /** tgo flags every job passes on (roles, terraform path, log level), already shell-quoted. */
  jobFlags: string[];
}

export interface CiJob {
  /** Module id: its path relative to the working dir ('.' for the working dir itself). */
  module: string;
  /** Its directory relative to the repository root, '/'-separated ('.' for the root). */
  dir: string;
  /** Human name: `<command> <module>`. */
  name: string;
  /** Modules (ids) whose jobs must succeed first. */
  needs: string[];
  /** Whether the module resolves an iam_role (else the job runs with the runner's own credentials). */
  hasRole: boolean;
  /** Instead of the pipeline's tgo command (the placeholder job of an empty selection). */
  script?: string;
}

export interface CiPipeline {
  command: string;
  /** Jobs in run order (group by group). */
  jobs: CiJob[];
  /** The shell command each job runs in its module directory. */
  run: string;
  /** State-changing commands: runs of one module never overlap across pipelines. */
  exclusive: boolean;
  settings: CiSettings;
  /** Repository the jobs check out and the commit the pipeline was generated from. */
  repo: { root: string; url?: string; revision?: string };
}

/** Single-quoted for sh unless plainly safe. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function buildPipeline(stack: Stack, selection: RunSelection, command: string, args: string[], settings: CiSettings, repo: CiPipeline['repo']): CiPipeline {
  const repoRoot = repo.root;
  const inRepo = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      real = path.resolve(dir);
    }
    const rel = path.relative(repoRoot, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UsageError(`${stack.id(dir)} is outside the git repository ${repoRoot}: a CI job cannot check it out. Move it into the repository or leave it out of the stack.`);
    }
    return rel === '' ? '.' : rel.split(path.sep).join('/');
  };
  // Every module a job touches must be in the checkout, dependencies whose outputs it reads included.
  for (const dir of [...stack.modules.keys(), ...stack.external.keys()]) inRepo(dir);
  const selected = new Set(selection.ids);
  const jobs: CiJob[] = selection.groups.flat().map((dir) => ({
    module: stack.id(dir),
    dir: inRepo(dir),
    name: `${command} ${stack.id(dir)}`,
    needs: stack.graph.waitsFor(dir, selection.reverse).filter((d) => selected.has(d)).map(stack.id).sort(),
    hasRole: !!stack.roles.get(dir),
  }));
  // Engines refuse a pipeline without jobs; a change that touches no module still gets a valid one.
  if (jobs.length === 0) {
    jobs.push({ module: 'nothing-to-run', dir: '.', name: 'nothing to run', needs: [], hasRole: true, script: `echo ${shellQuote('tgo: no module selected, nothing to run')}` });
  }
  // As under run-all: nobody answers prompts in a job, and the pipeline itself is the approval.
  const tfArgs = terraformArgs({ command, args, extraArguments: [], moduleDir: repoRoot, runAll: true });
  const run = [settings.tgoCommand, 'run', '--non-interactive', ...settings.jobFlags, '--', ...tfArgs.map(shellQuote)].join(' ');
  return { command, jobs, run, exclusive: ['apply', 'destroy', 'import', 'state', 'refresh'].includes(command), settings, repo };
}

/**
 * Keys for engines with restricted job names: lower-case letters, digits and `-`, starting with a letter, at most
 * `max` characters; a short hash of the module id keeps shortened or colliding keys apart.
 */
export function jobKeys(modules: string[], max = 63): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 6);
  for (const m of modules) {
    let key = m === '.' ? 'root' : m.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (!/^[a-z]/.test(key)) key = `m-${key}`.replace(/-+$/, '');
    if (key.length > max || used.has(key)) key = `${key.slice(0, max - 7).replace(/-+$/, '')}-${hash(m)}`;
    used.add(key);
    out.set(m, key);
  }
  return out;
}
