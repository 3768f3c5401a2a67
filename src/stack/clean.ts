// `stack clean`: every .terragrunt-stack folder at or below the working dir is removed (Terragrunt's CleanStacks).
// Components generated with no_dot_terragrunt_stack live beside their stack file and are left alone, as there.

import { rm } from 'node:fs/promises';
import { findStackDirs } from './files.js';

/** Remove every .terragrunt-stack below `root`; returns the folders removed. */
export async function cleanStacks(root: string): Promise<string[]> {
  const found = findStackDirs(root);
  await Promise.all(found.map((d) => rm(d, { recursive: true, force: true })));
  return found;
}
