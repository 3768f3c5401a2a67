/**
 * --provider-cache with real terraform, offline: a filesystem mirror holds a tiny fake provider (a zip with a
 * shell script; init only installs, it never runs a provider), named by a test CLI config (TF_CLI_CONFIG_FILE).
 * 50 modules init at once through one cache: every init succeeds, the cache holds one copy, every module links
 * to it, every lock file is the one a plain cache-less `terraform init` writes, and no init that installed
 * overlapped any other terraform process (a wrapper logs each process's start and end, in order).
 * Without tgo's rule (terraform's own TF_PLUGIN_CACHE_DIR), every init writes the same cache entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseEnv, startTgo } from '../support/tgo.js';

const PLATFORM = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
const PROVIDER = 'registry.terraform.io/tgotest/fake';
const SETS = { a: '>= 1.0', b: '~> 1.0' };

let root: string;
let cliConfig: string;
let wrapper: { bin: string; log: string };

const code = (constraint: string) => `terraform {\n  required_providers {\n    fake = {\n      source  = "tgotest/fake"\n      version = "${constraint}"\n    }\n  }\n}\n`;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tgo-pcache-e2e-'));
  // terraform's packed mirror layout: HOST/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_OS_ARCH.zip
  const mirror = path.join(root, 'mirror', PROVIDER);
  mkdirSync(mirror, { recursive: true });
  execFileSync('python3', ['-c', [
    'import sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1], "w")',
    'i = zipfile.ZipInfo("terraform-provider-fake_v1.0.0"); i.external_attr = 0o755 << 16',
    'z.writestr(i, "#!/bin/sh\\necho fake\\n"); z.close()',
  ].join('\n'), path.join(mirror, `terraform-provider-fake_1.0.0_${PLATFORM}.zip`)]);
  cliConfig = path.join(root, 'cli.tfrc');
  writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = "${path.join(root, 'mirror')}"\n  }\n}\n`);
  // terraform behind a wrapper that logs each process's start and end (one printf each: lines never interleave).
  const real = execFileSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).trim();
  wrapper = { bin: path.join(root, 'terraform'), log: path.join(root, 'calls.log') };
  writeFileSync(wrapper.bin, `#!/bin/sh\nprintf 'start\\t%s\\n' "$PWD" >> '${wrapper.log}'\n'${real}' "$@"\nrc=$?\nprintf 'end\\t%s\\n' "$PWD" >> '${wrapper.log}'\nexit $rc\n`);
  chmodSync(wrapper.bin, 0o755);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function stack(name: string, modules: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [m, constraint] of Object.entries(modules)) {
    mkdirSync(path.join(dir, m), { recursive: true });
    writeFileSync(path.join(dir, m, 'terragrunt.hcl'), '');
    writeFileSync(path.join(dir, m, 'main.tf'), code(constraint));
  }
  return dir;
}

const env = (extra: Record<string, string | undefined> = {}) => baseEnv({ TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: undefined, ...extra });

/** Modules whose terraform printed `line` (tgo prefixes each line with [module]). */
function modulesSaying(output: string, line: RegExp): string[] {
  return [...output.matchAll(/^\[([^\]]+)\] (.*)$/gm)].filter((m) => line.test(m[2]!)).map((m) => m[1]!).sort();
}

const INSTALLED = /^- Installing tgotest\/fake v1\.0\.0/;
const LINKED = /^- Using tgotest\/fake v1\.0\.0 from the shared cache directory/;

function files(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => name.test(path.basename(f)));
}

describe('--provider-cache with 50 concurrent inits', () => {
  it('installs each provider version once, links every module to it, and writes the lock file terraform writes without a cache', async () => {
    // The oracle: plain terraform init, no cache, one module per requirement set.
    const oracle: Record<string, string> = {};
    for (const [set, constraint] of Object.entries(SETS)) {
      const dir = path.join(root, `oracle-${set}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'main.tf'), code(constraint));
      execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: env(), stdio: 'ignore' });
      oracle[set] = readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8');
    }
    const modules: Record<string, string> = {};
    const setOf: Record<string, keyof typeof SETS> = {};
    for (let i = 1; i <= 50; i++) {
      const m = `m${String(i).padStart(2, '0')}`;
      setOf[m] = i <= 25 ? 'a' : 'b';
      modules[m] = SETS[setOf[m]];
    }
    const dir = stack('fifty', modules);
    const cache = path.join(root, 'cache');
    writeFileSync(wrapper.log, '');
    const args = ['run-all', 'init', '--provider-cache', '--provider-cache-dir', cache, '--terragrunt-parallelism', '50', '--terragrunt-non-interactive', '--terragrunt-tfpath', wrapper.bin, '-no-color'];
    const r = await startTgo(args, { cwd: dir, env: env() }).done;
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout + r.stderr;

    // One install per requirement set (its first module), every other module linked from the cache.
    const installed = modulesSaying(out, INSTALLED);
    expect(installed).toHaveLength(2);
    expect(new Set(installed.map((m) => setOf[m]))).toEqual(new Set(['a', 'b']));
    expect(modulesSaying(out, LINKED)).toHaveLength(48);

    // An init that installed ran with no other terraform process at all: none running when it started, none
    // starting before it ended.
    const events = readFileSync(wrapper.log, 'utf8').trim().split('\n').map((l) => l.split('\t') as ['start' | 'end', string]);
    expect(events.filter(([e]) => e === 'start')).toHaveLength(50);
    const running = new Set<string>();
    for (const [i, [event, cwd]] of events.entries()) {
      const m = path.basename(cwd);
      if (event === 'start' && installed.includes(m)) {
        expect(running.size, `${m} started installing beside ${[...running].join(', ')}`).toBe(0);
        expect(events[i + 1], `something started while ${m} installed`).toEqual(['end', cwd]);
      }
      if (event === 'start') running.add(m);
      else running.delete(m);
    }

    // One copy in the cache, and every module's provider is that copy.
    expect(files(cache, /^terraform-provider-fake/)).toHaveLength(1);
    const entry = realpathSync(path.join(cache, PROVIDER, '1.0.0', PLATFORM));
    for (const m of Object.keys(modules)) {
      expect(realpathSync(path.join(dir, m, '.terraform/providers', PROVIDER, '1.0.0', PLATFORM)), m).toBe(entry);
      expect(readFileSync(path.join(dir, m, '.terraform.lock.hcl'), 'utf8'), m).toBe(oracle[setOf[m]!]);
    }
  });

  it('without it, terraform\'s own TF_PLUGIN_CACHE_DIR has every init write the same cache entry', async () => {
    const modules = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`u${i + 1}`, SETS.a]));
    const dir = stack('unprotected', modules);
    const cache = path.join(root, 'raw-cache');
    mkdirSync(cache);
    const r = await startTgo(['run-all', 'init', '--terragrunt-parallelism', '8', '--terragrunt-non-interactive', '-no-color'], {
      cwd: dir, env: env({ TF_PLUGIN_CACHE_DIR: cache }),
    }).done;
    expect(r.code, r.stderr).toBe(0);
    // Each of them installed into the cache (terraform installs there, then links): 8 writers of one entry.
    expect(modulesSaying(r.stdout + r.stderr, INSTALLED)).toEqual(Object.keys(modules).sort());
    expect(files(cache, /^terraform-provider-fake/)).toHaveLength(1);
  });
});
