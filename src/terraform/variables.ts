// `hcl validate --inputs` (Terragrunt's validate-inputs): the terraform module's `variable` blocks against
// what the unit gives them. A variable gets a value from `inputs`, a TF_VAR_ in the environment or in
// extra_arguments env_vars, a var file named in extra_arguments, a `-var`/`-var-file` argument there, or an
// automatic var file (terraform.tfvars, *.auto.tfvars[.json]). Required variables (no `default`) with none of
// these are missing; inputs that no variable declares are unused.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../config/hcl/parser.js';
import type { ModuleConfig } from '../config/types.js';
import { detectSource, SourceFormError } from '../source/detect.js';

export interface Variable {
  name: string;
  required: boolean;
  /** Declared `sensitive = true`. */
  sensitive: boolean;
  /** Terraform parses its TF_VAR_ value as HCL (a `type` other than string), not as a literal string. */
  parsedAsHcl: boolean;
  file: string;
  line: number;
}

export interface InputsCheck {
  /** Where the variables were read (the unit dir, or its local terraform.source). */
  moduleDir?: string;
  /** Why the check could not be made (a remote source is not downloaded by validate). */
  skipped?: string;
  unused: string[];
  missing: Variable[];
}

/** The `variable` blocks of the terraform files directly in `dir` (.tf and .tf.json). */
export function moduleVariables(dir: string): Variable[] {
  const out: Variable[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name.endsWith('.tf')) {
      for (const b of parseConfig(readFileSync(file, 'utf8'), file).blocks) {
        if (b.type !== 'variable' || b.labels.length !== 1) continue;
        const attr = (n: string) => b.body.attributes.find((a) => a.name === n);
        const sensitive = attr('sensitive')?.expr;
        const type = attr('type')?.expr;
        out.push({
          name: b.labels[0]!, required: !attr('default'), file, line: b.range.start.line,
          sensitive: sensitive?.kind === 'literal' && sensitive.value === true,
          parsedAsHcl: !!type && !(type.kind === 'scopeTraversal' && type.root === 'string' && type.traversal.length === 0),
        });
      }
    } else if (name.endsWith('.tf.json')) {
      const vars = (JSON.parse(readFileSync(file, 'utf8')) as { variable?: Record<string, Record<string, unknown>> }).variable ?? {};
      for (const [v, body] of Object.entries(vars)) {
        const type = body?.type;
        out.push({
          name: v, required: !('default' in (body ?? {})), sensitive: body?.sensitive === true, file, line: 1,
          parsedAsHcl: type !== undefined && type !== 'string',
        });
      }
    }
  }
  return out;
}

/**
 * Variables of the module in `dir` whose TF_VAR_ value terraform parses as HCL, for escaping `${` in a string
 * input given to them (Terragrunt's declaredVariables): none when the module cannot be read (terraform then
 * reports it).
 */
export function hclParsedVariables(dir: string): Set<string> {
  try {
    return new Set(moduleVariables(dir).filter((v) => v.parsedAsHcl).map((v) => v.name));
  } catch {
    return new Set();
  }
}

/** Variable names a .tfvars or .tfvars.json file sets. */
function varFileNames(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return Object.keys(JSON.parse(text) as object);
  return parseConfig(text, file).attributes.map((a) => a.name);
}

const AUTO_VAR_FILE = /^(terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/;

function definedNames(cfg: ModuleConfig, moduleDir: string, env: NodeJS.ProcessEnv): Set<string> {
  const names = new Set(Object.keys(cfg.inputs));
  const envs: Record<string, string | undefined> = { ...env };
  for (const e of cfg.terraform.extraArguments) Object.assign(envs, e.envVars);
  for (const k of Object.keys(envs)) if (k.startsWith('TF_VAR_')) names.add(k.slice('TF_VAR_'.length));
  const files: string[] = [];
  for (const e of cfg.terraform.extraArguments) {
    files.push(...e.requiredVarFiles, ...e.optionalVarFiles.filter((f) => existsSync(path.resolve(cfg.dir, f))));
    for (let i = 0; i < e.arguments.length; i++) {
      const a = e.arguments[i]!;
      const value = /^-var(-file)?=/.test(a) ? a.slice(a.indexOf('=') + 1) : a === '-var' || a === '-var-file' ? e.arguments[++i] : undefined;
      if (value === undefined) continue;
      if (a.startsWith('-var-file')) files.push(value);
      else names.add(value.split('=')[0]!);
    }
  }
  for (const dir of new Set([moduleDir, cfg.dir])) {
    for (const f of readdirSync(dir)) if (AUTO_VAR_FILE.test(f)) files.push(path.join(dir, f));
  }
  for (const f of files) for (const n of varFileNames(path.resolve(cfg.dir, f))) names.add(n);
  return names;
}

export function checkInputs(cfg: ModuleConfig, env: NodeJS.ProcessEnv): InputsCheck {
  const source = cfg.terraform.source;
  let moduleDir = cfg.dir;
  if (source) {
    let spec;
    try {
      spec = detectSource(source, cfg.dir);
    } catch (e) {
      if (e instanceof SourceFormError) return { skipped: `terraform.source ${source}: ${e.message}`, unused: [], missing: [] };
      throw e;
    }
    if (spec.kind !== 'local') return { skipped: `terraform.source ${source} is remote (validate does not download it)`, unused: [], missing: [] };
    moduleDir = path.join(spec.dir!, spec.subdir);
    if (!existsSync(moduleDir)) return { skipped: `terraform.source ${source} does not exist`, unused: [], missing: [] };
  }
  const variables = moduleVariables(moduleDir);
  const declared = new Set(variables.map((v) => v.name));
  const defined = definedNames(cfg, moduleDir, env);
  return {
    moduleDir,
    unused: Object.keys(cfg.inputs).filter((n) => !declared.has(n)).sort(),
    missing: variables.filter((v) => v.required && !defined.has(v.name)),
  };
}
