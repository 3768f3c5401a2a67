// The files that make a folder a unit: terragrunt.hcl, or the same configuration in HCL's JSON syntax.

import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE = 'terragrunt.hcl';
/** Terragrunt's DefaultTerragruntJSONConfigPath. */
export const JSON_CONFIG_FILE = 'terragrunt.hcl.json';
/** In the order Terragrunt's GetDefaultConfigPath tries them: the JSON file first. */
export const CONFIG_FILES = [JSON_CONFIG_FILE, CONFIG_FILE];

/** Terragrunt's GetDefaultConfigPath: the folder's terragrunt.hcl.json if it has one, else its terragrunt.hcl. */
export function defaultConfigFile(dir: string, exists: (file: string) => boolean = existsSync): string {
  const json = path.join(path.resolve(dir), JSON_CONFIG_FILE);
  return exists(json) ? json : path.join(path.resolve(dir), CONFIG_FILE);
}
