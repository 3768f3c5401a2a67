// --source and --source-map: pointing modules at other code (usually a local checkout) without editing them.
// As Terragrunt: --source replaces the module's source; under run-all it names the root that every module's
// `//subdir` is appended to. --source-map replaces a source's root (the part before `//`, query dropped) when
// it is a key of the map. Relative local paths in flags are relative to the working directory.

import path from 'node:path';
import { detectSource, sourceDirSubdir } from './detect.js';

export interface SourceOptions {
  /** --source. */
  source?: string;
  /** --source-map ORIGINAL=LOCAL, repeatable. */
  sourceMap?: Record<string, string>;
  /** --source-update. */
  sourceUpdate?: boolean;
  /** --download-dir (absolute): instead of each module's .terragrunt-cache. */
  downloadDir?: string;
}

export interface OverrideContext {
  sources?: SourceOptions;
  /** run-all: --source is a root and each module's own `//subdir` is appended. */
  all: boolean;
  /** A single-module run's module: the one that takes --source as it is (its dependencies get root + their own path). */
  primary?: string;
  /** Where relative local paths in flags are resolved. */
  base: string;
}

/** The source a module is fetched from, after the flags; undefined when it runs in its own directory. */
export function effectiveSource(written: string | undefined, ctx: OverrideContext, moduleDir?: string): string | undefined {
  const o = ctx.sources;
  if (o?.source) {
    if (!ctx.all && (ctx.primary === undefined || moduleDir === ctx.primary)) return absolutize(o.source, ctx.base);
    // Every other module (run-all, or a dependency whose outputs are read) takes the root of --source plus its own
    // path; one without a source is left alone (Terragrunt's GetTerragruntSourceForModule).
    if (!written) return undefined;
    return joinModulePath(absolutize(sourceDirSubdir(o.source)[0], ctx.base), subdirOf(written));
  }
  if (written && o?.sourceMap && Object.keys(o.sourceMap).length > 0) {
    const [url, subdir] = sourceDirSubdir(written);
    const local = o.sourceMap[url.replace(/\?.*$/s, '')];
    if (local !== undefined) return joinModulePath(absolutize(local, ctx.base), subdir || moduleName(url));
  }
  return written;
}

/** The module's path inside its repository: after `//`, or else the repository's name. */
function subdirOf(source: string): string {
  const [url, subdir] = sourceDirSubdir(source);
  return subdir || moduleName(url);
}

/** Terragrunt's getModulePathFromSourceURL: `…/module-name.git?ref=x` → module-name. */
function moduleName(url: string): string {
  const m = /(?:.+\/)(.+?)(?:\.|$)/.exec(url.split('?')[0]!);
  if (!m) throw new Error(`cannot tell the module's path in "${url}": give the source a "//" (repository//path/in/repository)`);
  return m[1]!;
}

/** Terragrunt's JoinTerraformModulePath: `root//path`, keeping a `?ref=` after the path. */
function joinModulePath(root: string, sub: string): string {
  const r = root.replace(/[/\\]+$/, '');
  const p = sub.replace(/^[/\\]+/, '');
  if (!p) return r;
  const q = r.indexOf('?');
  return q >= 0 ? `${r.slice(0, q)}//${p}${r.slice(q)}` : `${r}//${p}`;
}

/** A relative local path given on the command line is relative to where tgo runs, not to each module. */
function absolutize(source: string, base: string): string {
  try {
    const spec = detectSource(source, base);
    if (spec.kind === 'local') return spec.subdir ? `${spec.dir}//${spec.subdir}` : spec.dir!;
  } catch {
    // Not a form tgo knows: the fetcher reports it for each module that uses it.
  }
  return source;
}

/** Parse `ORIGINAL=LOCAL` entries (Terragrunt masks `?ref=` so its `=` does not split). */
export function parseSourceMap(entries: string[], where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const parts = entry.replaceAll('?ref=', '\0').split('=').map((s) => s.replaceAll('\0', '?ref='));
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new Error(`${where} expects ORIGINAL=LOCAL (the source's root before "//", then the directory to use instead), got "${entry}"`);
    }
    out[parts[0].trim()] = parts[1].trim();
  }
  return out;
}
