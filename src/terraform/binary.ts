// Which binary runs when neither --tf-path (TG_TF_PATH, …) nor terraform_binary names one: as Terragrunt
// does, OpenTofu (`tofu`) when it is on PATH, otherwise `terraform`. A PATH lookup only, never a spawn.

import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const found = new Map<string, string>();

/** The binary for a module: --tf-path (or its env), else the module's terraform_binary, else the default. */
export function binaryFor(tfPath: string | undefined, cfg: { terraformBinary?: string }, env: NodeJS.ProcessEnv): string {
  return tfPath ?? cfg.terraformBinary ?? defaultBinary(env);
}

export function defaultBinary(env: NodeJS.ProcessEnv): string {
  const pathVar = env.PATH ?? '';
  let bin = found.get(pathVar);
  if (bin === undefined) {
    bin = onPath('tofu', pathVar) ? 'tofu' : 'terraform';
    found.set(pathVar, bin);
  }
  return bin;
}

function onPath(name: string, pathVar: string): boolean {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
