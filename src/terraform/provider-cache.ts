// --provider-cache: every module of a run shares one terraform plugin cache (TF_PLUGIN_CACHE_DIR), made safe
// under parallelism. terraform writes into that cache whenever an init installs a provider, which it does even
// when the cache already holds it if the module's lock file does not list the provider with a hash of the cached
// copy; two such inits write the same files at once (the corruption TF_PLUGIN_CACHE_DIR is known for).
// The rule here: an init runs alone (no other init of the run at the same time) unless tgo proves, from the
// module's code, its lock file and the cache, that terraform will only link from the cache; proven inits run
// side by side. The first module of each set of provider requirements installs alone; the others of that set
// with no lock file of their own get its lock file first, which makes them proven (they would have locked
// the same versions and hashes). Only the environment changes: the user's CLI config (mirrors, credentials,
// provider_installation) applies as it is, and nothing tgo writes holds a credential.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { LOCK_FILE } from '../source/copy.js';
import { packageHash, providerRequirements, readLockFile, targetPlatform, type Requirements } from './provider-packages.js';

/** Terragrunt's default: terragrunt/providers in the user cache dir (Go's os.UserCacheDir). */
export function defaultProviderCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || homedir();
  let cache: string;
  if (platform === 'darwin') cache = path.join(home, 'Library', 'Caches');
  else if (platform === 'win32') cache = env.LocalAppData || env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  else cache = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(cache, 'terragrunt', 'providers');
}

type Access = 'link' | 'install';

/** A readers–writer lock, first come first served: links share it, an install holds it alone. */
class Gate {
  private links = 0;
  private installing = false;
  private readonly queue: { access: Access; grant: () => void }[] = [];

  acquire(access: Access): Promise<() => void> {
    return new Promise((resolve) => {
      this.queue.push({ access, grant: () => resolve(this.releaser(access)) });
      this.pump();
    });
  }

  private releaser(access: Access): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (access === 'install') this.installing = false;
      else this.links--;
      this.pump();
    };
  }

  private pump(): void {
    for (let next = this.queue[0]; next; next = this.queue[0]) {
      if (this.installing || (next.access === 'install' && this.links > 0)) return;
      this.queue.shift();
      if (next.access === 'install') this.installing = true;
      else this.links++;
      next.grant();
    }
  }
}

export class ProviderCache {
  private readonly gate = new Gate();
  /** h1: of each cache entry, computed once until the next install. */
  private readonly hashes = new Map<string, Promise<string | undefined>>();
  /** Per set of requirements: the lock file of the module that installed it first (undefined if that init failed). */
  private readonly leaders = new Map<string, Promise<string | undefined>>();
  private readonly platform = targetPlatform();

  constructor(readonly dir: string) {}

  /** What terraform's environment gets. */
  env(): Record<string, string> {
    return { TF_PLUGIN_CACHE_DIR: this.dir };
  }

  /**
   * Runs `init` (terraform init in `workDir` with `args` and `env`) under the rule above. `log` gets one line saying how
   * the init used the cache, and one when a lock file was seeded.
   */
  async init<T extends { ok: boolean }>(workDir: string, args: string[], env: NodeJS.ProcessEnv, log: (message: string) => void, init: () => Promise<T>): Promise<T> {
    mkdirSync(this.dir, { recursive: true });
    const all = [...args, ...`${env.TF_CLI_ARGS ?? ''} ${env.TF_CLI_ARGS_init ?? ''}`.split(/\s+/)];
    const upgrade = all.some((a) => /^--?upgrade(=true)?$/.test(a));
    // -lockfile=readonly asks terraform to fail on a missing lock entry: a lock file from tgo would defeat it.
    const readonly = all.some((a, i) => /^--?lockfile=readonly$/.test(a) || (/^--?lockfile$/.test(a) && all[i + 1] === 'readonly'));
    const req = providerRequirements(workDir);
    const lockFile = path.join(workDir, LOCK_FILE);
    const key = !upgrade && !readonly && req.exact && req.providers.size > 0 && !existsSync(lockFile) ? requirementsKey(req) : undefined;
    let lead: ((lock: string | undefined) => void) | undefined;
    if (key) {
      const leader = this.leaders.get(key);
      if (leader) {
        const lock = await leader;
        if (lock !== undefined && !existsSync(lockFile)) {
          writeFileSync(lockFile, lock);
          log(`provider cache: ${LOCK_FILE} seeded from the first module with the same required_providers`);
        }
      } else {
        this.leaders.set(key, new Promise((resolve) => (lead = resolve)));
      }
    }
    // Decided under a shared hold: nothing installs meanwhile, so what the decision saw stays true.
    let release = await this.gate.acquire('link');
    const why = upgrade ? 'init -upgrade' : await this.mayInstall(workDir, req);
    if (why) {
      release();
      release = await this.gate.acquire('install');
      log(`provider cache: install, alone (${why})`);
    } else {
      log('provider cache: link only, alongside other inits');
    }
    let outcome: T | undefined;
    try {
      outcome = await init();
      return outcome;
    } finally {
      if (why) this.hashes.clear();
      release();
      if (why) log('provider cache: install done');
      lead?.(outcome?.ok ? readOrUndefined(lockFile) : undefined);
    }
  }

  /** Why terraform may write into the cache for this init; undefined when it can only link. */
  private async mayInstall(workDir: string, req: Requirements): Promise<string | undefined> {
    if (!req.exact) return 'its providers are not all declared in required_providers of its own files';
    if (req.providers.size === 0) return undefined;
    const locks = readLockFile(workDir);
    if (!locks) return `no readable ${LOCK_FILE}`;
    for (const address of req.providers.keys()) {
      const lock = locks.get(address);
      if (!lock) return `${address} is not in ${LOCK_FILE}`;
      const entry = path.join(this.dir, address, lock.version, this.platform);
      let hash = this.hashes.get(entry);
      if (!hash) this.hashes.set(entry, (hash = packageHash(entry)));
      const h1 = await hash;
      if (!h1) return `${address} ${lock.version} is not in the cache yet`;
      if (!lock.hashes.includes(h1)) return `the cached ${address} ${lock.version} matches no hash in ${LOCK_FILE}`;
    }
    return undefined;
  }
}

function requirementsKey(req: Requirements): string {
  return JSON.stringify([...req.providers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
