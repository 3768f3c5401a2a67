// --inputs-debug (classic --terragrunt-debug): terragrunt-debug.tfvars.json next to the unit's terragrunt.hcl,
// holding the inputs terraform gets, so `terraform -chdir=<working dir> plan -var-file=<it>` replays the run.
// As in Terragrunt, only inputs the module declares as variables and that no TF_VAR_ in the environment
// already sets; beyond Terragrunt, variables declared `sensitive = true` stay out (the file is plain text).

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleConfig } from '../config/types.js';
import { moduleVariables } from './variables.js';

export const DEBUG_FILE = 'terragrunt-debug.tfvars.json';

export interface DebugFile {
  file: string;
  written: string[];
  omitted: { name: string; why: string }[];
}

/** Writes the file (mode 0600); `workDir` is where terraform runs, whose variable blocks decide. */
export function writeDebugFile(cfg: ModuleConfig, workDir: string, env: NodeJS.ProcessEnv): DebugFile {
  const declared = new Map(moduleVariables(workDir).map((v) => [v.name, v]));
  const values: Record<string, unknown> = {};
  const omitted: DebugFile['omitted'] = [];
  for (const [name, value] of Object.entries(cfg.inputs).sort(([a], [b]) => a.localeCompare(b))) {
    const v = declared.get(name);
    if (env[`TF_VAR_${name}`] !== undefined) omitted.push({ name, why: `TF_VAR_${name} is already set in the environment` });
    else if (!v) omitted.push({ name, why: 'the module declares no such variable' });
    else if (v.sensitive) omitted.push({ name, why: 'the variable is sensitive' });
    else values[name] = value;
  }
  const file = path.join(cfg.dir, DEBUG_FILE);
  writeFileSync(file, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
  return { file, written: Object.keys(values), omitted };
}
