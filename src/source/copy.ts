// Copying a tree the way Terragrunt does (util.CopyFolderContents): hidden files and folders stay behind except
// .terraform.lock.hcl, include_in_copy brings matching ones along, exclude_from_copy leaves matching ones out.
// `.terragrunt-cache` (and the destination itself, when it lies inside the source) is never entered, so a source
// may contain the module and its cache (`source = "."`, `source = "${get_repo_root()}//modules/x"`).

import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readlink, realpath, stat, symlink } from 'node:fs/promises';
import path from 'node:path';

export interface CopyRules {
  /** include_in_copy globs, relative to the copied directory. */
  include: string[];
  /** exclude_from_copy globs. */
  exclude: string[];
}

export const NO_RULES: CopyRules = { include: [], exclude: [] };
export const LOCK_FILE = '.terraform.lock.hcl';

/** Which entries (paths relative to the copied dir, `/`-separated) Terragrunt's copy delivers. */
export function copyFilter(rules: CopyRules): { keep(rel: string): boolean; mayHoldIncluded: boolean } {
  const inc = rules.include.map(globToRegExp);
  const exc = rules.exclude.map(globToRegExp);
  return {
    keep(rel) {
      if (inc.some((re) => re.test(rel))) return true;
      if (exc.some((re) => re.test(rel))) return false;
      return !rel.split('/').some((part) => part.startsWith('.') && part !== LOCK_FILE);
    },
    mayHoldIncluded: inc.length > 0,
  };
}

export interface CopyOptions {
  /** Decides per entry; undefined copies everything (a download's content, `.git` excepted). */
  rules?: CopyRules;
  /** Never enter this absolute path (the cache being filled, when it is inside the source). */
  avoid?: string;
}

const CACHE_DIR = '.terragrunt-cache';

/**
 * Copy the contents of `from` into `to`. With rules (local sources, the module's own files) symlinks are
 * followed as Terragrunt's copy does; without (a downloaded tree) they stay links, as git checked them out.
 */
export async function copyTree(from: string, to: string, o: CopyOptions = {}): Promise<void> {
  const filter = o.rules ? copyFilter(o.rules) : undefined;
  const seen = new Set<string>();
  const walk = async (dir: string, rel: string): Promise<void> => {
    if (filter) {
      // A symlinked folder that leads back up would never end.
      const real = await realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
    }
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(entries.map(async (e) => {
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === CACHE_DIR || abs === o.avoid) return;
      if (!filter && e.name === '.git') return;
      const dst = path.join(to, r);
      if (e.isSymbolicLink() && !filter) {
        await mkdir(path.dirname(dst), { recursive: true });
        await symlink(await readlink(abs), dst).catch(ignoreExists);
        return;
      }
      const isDir = e.isDirectory() || (e.isSymbolicLink() && (await stat(abs).then((s) => s.isDirectory(), () => false)));
      const keep = filter ? filter.keep(r) : true;
      if (isDir) {
        if (keep) await mkdir(dst, { recursive: true });
        // A folder is walked even when left out: include_in_copy may name something inside it.
        if (keep || filter?.mayHoldIncluded) await walk(abs, r);
      } else if (keep) {
        await mkdir(path.dirname(dst), { recursive: true });
        await copyFile(abs, dst, constants.COPYFILE_FICLONE);
      }
    }));
  };
  await mkdir(to, { recursive: true });
  await walk(from, '');
}

function ignoreExists(e: NodeJS.ErrnoException): void {
  if (e.code !== 'EEXIST') throw e;
}

/** `*` within a path segment, `**` across segments, `?` one character; a match of a folder covers its contents. */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      re += '.*';
      i++;
      if (g[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(/.*)?$`);
}
