// Finding modules: every directory under the working dir holding a terragrunt.hcl (or terragrunt.hcl.json), skipping terraform's and
// Terragrunt's own working directories and .git (hidden directories are walked, as Terragrunt does: units that
// stacks generate into .terragrunt-stack are modules like any other).

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES } from '../config/loader.js';

const SKIP_DIRS = new Set(['.terragrunt-cache', '.terraform', '.git', 'node_modules']);

/** Absolute module directories under `root`, sorted by path (Terragrunt breaks ties alphabetically). */
export function discoverModules(root: string, env: NodeJS.ProcessEnv = process.env, names: string[] = CONFIG_FILES): string[] {
  const skip = new Set(SKIP_DIRS);
  if (env.TF_DATA_DIR && !path.isAbsolute(env.TF_DATA_DIR)) skip.add(env.TF_DATA_DIR);
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable directories are not modules
    }
    for (const e of entries) {
      if (e.isFile() && names.includes(e.name)) {
        found.push(dir);
        break;
      }
    }
    for (const e of entries) {
      if (e.isDirectory() && !skip.has(e.name)) walk(path.join(dir, e.name));
    }
  };
  walk(path.resolve(root));
  return found.sort();
}
