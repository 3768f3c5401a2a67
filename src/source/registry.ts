// tfr:// sources: the Terraform module registry protocol as Terragrunt speaks it (internal/getter/tfr.go):
// service discovery at https://HOST/.well-known/terraform.json (modules.v1), the version list when no
// ?version= is given (the newest stable one), then …/VERSION/download whose X-Terraform-Get (or JSON
// `location`) names the real source. The registry's own API gets the host's token: terraform's CLI config
// (`credentials "host"` blocks, credentials.tfrc.json, TF_TOKEN_<host>), else TG_TF_REGISTRY_TOKEN.

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactUrl } from './detect.js';

export interface RegistryOptions {
  env: NodeJS.ProcessEnv;
  /** The terraform binary: `tofu` makes registry.opentofu.org the default host, as in Terragrunt. */
  tfPath?: string;
  /** Fetch what the registry's download answer names (usually git or an archive) into dst. */
  follow(source: string, dst: string): Promise<void>;
}

/** Download the module `tfr://HOST/NS/NAME/PROVIDER?version=X` (HOST may be empty: the default registry). */
export async function registryFetch(root: string, dst: string, o: RegistryOptions): Promise<void> {
  const m = /^tfr:\/\/([^/]*)(\/[^?]*)(?:\?(.*))?$/s.exec(root);
  if (!m) throw new Error(`${root} is not a registry source (tfr://HOST/NAMESPACE/NAME/PROVIDER?version=X)`);
  const host = m[1] || o.env.TG_TF_DEFAULT_REGISTRY_HOST || (path.basename(o.tfPath ?? '') === 'tofu' ? 'registry.opentofu.org' : 'registry.terraform.io');
  const modulePath = m[2]!.replace(/^\/+|\/+$/g, '');
  if (modulePath.split('/').length !== 3) throw new Error(`tfr getter URL is malformed: the module path must be NAMESPACE/NAME/PROVIDER, got "${modulePath}"`);
  const query = new URLSearchParams(m[3] ?? '');
  const versions = query.getAll('version');
  if (versions.length > 1) throw new Error('tfr getter URL is malformed: more than one version query');
  if (versions.length === 1 && versions[0] === '') throw new Error('tfr getter URL is malformed: version query is empty');
  if (versions[0] !== undefined && !/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(versions[0])) {
    throw new Error(`?version=${versions[0]} must be an exact version (a constraint goes in the terraform block's version attribute)`);
  }

  const token = registryToken(host, o.env);
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const api = async (url: URL, what: string): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(url, { headers });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`the module registry ${host} is unreachable (${what}: ${cause?.code ?? cause?.message ?? (e as Error).message})`);
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      throw new Error(`the module registry answered ${res.status} to ${what} (${redactUrl(url.href)})`);
    }
    return res;
  };
  const json = async (res: Response, what: string): Promise<Record<string, unknown>> => {
    const text = await res.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`the module registry's ${what} is not JSON: ${text.slice(0, 200)}`);
    }
  };

  const discovery = await json(await api(new URL(`https://${host}/.well-known/terraform.json`), 'service discovery'), 'service discovery');
  const modulesV1 = discovery['modules.v1'];
  if (typeof modulesV1 !== 'string' || !modulesV1) throw new Error(`${host} is not a module registry: modules.v1 missing in its service discovery`);
  const base = new URL(modulesV1, `https://${host}/`);
  const under = (p: string) => new URL(`${base.href.replace(/\/+$/, '')}/${p}`);

  let version: string | undefined = versions[0];
  if (version === undefined) {
    const list = await json(await api(under(`${modulePath}/versions`), 'the version list'), 'version list');
    const all = ((list.modules as { versions?: { version?: string }[] }[] | undefined)?.[0]?.versions ?? []).map((v) => v.version ?? '');
    version = newestStable(all);
    if (!version) throw new Error(`no stable versions of ${modulePath} on ${host}; pin one with ?version=`);
  }

  const downloadUrl = under(`${modulePath}/${version!}/download`);
  const res = await api(downloadUrl, `the download of ${modulePath} ${version}`);
  let location = res.headers.get('x-terraform-get');
  const body = await res.text();
  if (!location) {
    try {
      location = (JSON.parse(body) as { location?: string }).location ?? null;
    } catch {
      // no JSON body either
    }
  }
  if (!location) throw new Error(`the module registry gave no X-Terraform-Get (nor a location) for ${modulePath} ${version}`);
  const next = /^(\/|\.\/|\.\.\/)/.test(location) ? new URL(location, downloadUrl).href : location;
  await o.follow(next, dst);
}

/** The highest version without a prerelease part (go-version ordering of the numeric segments). */
export function newestStable(versions: string[]): string | undefined {
  let best: { v: string; n: number[] } | undefined;
  for (const v of versions) {
    const p = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[^+]*)?(?:\+.*)?$/.exec(v);
    if (!p || p[4]) continue;
    const n = [Number(p[1]), Number(p[2] ?? 0), Number(p[3] ?? 0)];
    const i = n.findIndex((x, k) => x !== best?.n[k]);
    if (!best || (i >= 0 && n[i]! > best.n[i]!)) best = { v, n };
  }
  return best?.v;
}

/** The registry token for a host: terraform's CLI config and TF_TOKEN_ variables first, then TG_TF_REGISTRY_TOKEN. */
export function registryToken(host: string, env: NodeJS.ProcessEnv): string | undefined {
  // TF_TOKEN_<host>: dots as underscores, dashes as double underscores (terraform's rule).
  const envName = `TF_TOKEN_${host.replace(/-/g, '__').replace(/\./g, '_')}`;
  const fromEnv = Object.entries(env).find(([k]) => k.toLowerCase() === envName.toLowerCase())?.[1];
  if (fromEnv) return fromEnv;
  const home = env.HOME ?? os.homedir();
  const json = path.join(home, '.terraform.d', 'credentials.tfrc.json');
  if (existsSync(json)) {
    try {
      const t = (JSON.parse(readFileSync(json, 'utf8')) as { credentials?: Record<string, { token?: string }> }).credentials?.[host]?.token;
      if (t) return t;
    } catch {
      // an unreadable file gives no token, as terraform would complain only when it needs it
    }
  }
  const rc = env.TF_CLI_CONFIG_FILE || env.TERRAFORM_CONFIG || path.join(home, '.terraformrc');
  if (existsSync(rc)) {
    const text = readFileSync(rc, 'utf8');
    const esc = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const t = new RegExp(`credentials\\s+"${esc}"\\s*\\{[^}]*?token\\s*=\\s*"([^"]*)"`, 's').exec(text)?.[1];
    if (t) return t;
  }
  return env.TG_TF_REGISTRY_TOKEN || undefined;
}
