// Which files `hcl fmt` formats: every *.hcl below the working directory, except in directories that hold
// downloaded or generated code (tgo's and Terragrunt's caches, terraform's, git's) or that --exclude-dir names.

import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Directory names never descended into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.terragrunt-cache', '.terragrunt-stack', '.boilerplate', '.terraform', '.git']);

/**
 * The *.hcl files under root, sorted. An excluded dir is named as Terragrunt takes it (a directory's base
 * name, at any depth) or as a path relative to root.
 */
export function findHclFiles(root: string, excludeDirs: string[] = []): string[] {
  const excluded = new Set(excludeDirs.map((d) => path.normalize(d).replace(/[\\/]+$/, '')));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || excluded.has(e.name) || excluded.has(path.relative(root, full))) continue;
        walk(full);
      } else if (e.name.endsWith('.hcl') && (e.isFile() || e.isSymbolicLink())) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out.sort();
}
