/** Source test fixtures: real git repositories (a bare repo with tags, a branch, module folders), a module config. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModuleConfig } from '../../src/config/types.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

export interface BareRepo {
  /** Absolute path of the bare repository (`git::file://${bare}`). */
  bare: string;
  /** Commit ids by the version written in modules/app/main.tf. */
  commits: Record<string, string>;
}

/**
 * A bare repository whose modules/app/main.tf says `# v1` at tag v1, `# v2` at tag v2 (also main's head) and
 * `# feature` on branch `feature`; modules/db/main.tf exists at every version; `.hidden.tf` sits at the root.
 */
export function makeBareRepo(root: string, name = 'modules'): BareRepo {
  const work = path.join(root, `${name}-work`);
  mkdirSync(path.join(work, 'modules', 'app'), { recursive: true });
  mkdirSync(path.join(work, 'modules', 'db'), { recursive: true });
  git(work, 'init', '--quiet', '--initial-branch=main');
  const commit = (v: string) => {
    writeFileSync(path.join(work, 'modules', 'app', 'main.tf'), `# ${v}\noutput "version" { value = "${v}" }\n`);
    writeFileSync(path.join(work, 'modules', 'db', 'main.tf'), `# db ${v}\n`);
    writeFileSync(path.join(work, '.hidden.tf'), '# hidden\n');
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', v);
    return git(work, 'rev-parse', 'HEAD');
  };
  const commits: Record<string, string> = {};
  commits.v1 = commit('v1');
  git(work, 'tag', 'v1');
  commits.v2 = commit('v2');
  git(work, 'tag', 'v2');
  git(work, 'checkout', '--quiet', '-b', 'feature');
  commits.feature = commit('feature');
  git(work, 'checkout', '--quiet', 'main');
  const bare = path.join(root, `${name}.git`);
  git(root, 'clone', '--quiet', '--bare', work, bare);
  return { bare, commits };
}

/** A `git` first on PATH that logs its arguments (one JSON line per call) and runs the real git. */
export function gitSpy(): { bin: string; calls(): string[][] } {
  const bin = mkdtempSync(path.join(tmpdir(), 'tgo-gitspy-'));
  const log = path.join(bin, 'calls.log');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(real)} "$@"\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  return {
    bin,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')),
  };
}

/** Git config given through the environment (GIT_CONFIG_COUNT/KEY_n/VALUE_n), as a user's insteadOf would be. */
export function gitConfigEnv(pairs: [string, string][]): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(pairs.length), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  pairs.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return env;
}

export const tmp = (prefix = 'tgo-src-') => mkdtempSync(path.join(tmpdir(), prefix));

/** A module at `dir` whose terraform.source is `source` (everything else empty). */
export function moduleAt(dir: string, source: string): ModuleConfig {
  return {
    dir, configPath: path.join(dir, 'terragrunt.hcl'), includes: [], locals: {}, iam: {}, dependencies: [], dependencyPaths: [], inputs: {},
    terraform: { source, includeInCopy: [], excludeFromCopy: [], copyTerraformLockFile: true, extraArguments: [], beforeHooks: [], afterHooks: [], errorHooks: [] },
    generate: [], skip: false, preventDestroy: false, errors: { retry: [], ignore: [] }, deferred: [],
  };
}
