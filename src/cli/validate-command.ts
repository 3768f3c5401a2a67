// `tgo hcl validate` (classic hclvalidate, validate-inputs): every unit under the working dir is parsed and
// evaluated as for run --all (all units' errors are listed, each with file and line, nothing runs); with
// --inputs each unit's inputs are compared with its terraform module's variables.

import path from 'node:path';
import { inspectCommand } from './inspect-args.js';
import { HCL_VALIDATE_FLAGS } from './flags.js';
import { flagBool } from './parse-args.js';
import { checkInputs } from '../terraform/variables.js';
import { selectForRun } from '../run/selection.js';
import { ConfigError, ConfigErrors, UsageError } from '../errors.js';

export function hclValidate(argv: string[]): Promise<number> {
  return inspectCommand(argv, 'hcl validate', { own: HCL_VALIDATE_FLAGS, all: true, scope: 'hcl:validate' }, async (stack, opts, p) => {
    const inputs = flagBool(p, 'validateInputs');
    const strict = flagBool(p, 'validateStrict');
    if (strict && !inputs) throw new UsageError('--strict only applies with --inputs.');
    // With --filter, only the units it selects (every loaded unit was parsed and evaluated all the same).
    const only = opts.filters ? new Set((await selectForRun(opts, stack, async () => false)).ids) : undefined;
    const modules = [...stack.modules.values()].filter((m) => !only || only.has(m.dir)).sort((a, b) => a.dir.localeCompare(b.dir));
    if (!inputs) return `${modules.length === 1 ? '1 unit' : `${modules.length} units`}: configuration valid\n`;
    const errors: Error[] = [];
    let out = '';
    for (const m of modules) {
      const id = stack.id(m.dir);
      const r = checkInputs(m, opts.env);
      const rel = (f: string) => path.relative(opts.workingDir, f) || f;
      if (r.skipped) {
        process.stderr.write(`WARN [${id}] inputs not checked: ${r.skipped}\n`);
        continue;
      }
      for (const v of r.missing) {
        errors.push(new ConfigError(rel(v.file), `required variable "${v.name}" gets no value from unit ${id} (no input, TF_VAR_ or var file sets it)`, undefined, v.line));
      }
      for (const name of r.unused) {
        const msg = `input "${name}" is not a variable of the module (${rel(r.moduleDir!)})`;
        if (strict) errors.push(new ConfigError(rel(m.configPath), msg, `inputs.${name}`));
        else process.stderr.write(`WARN [${id}] ${msg}\n`);
      }
      if (r.missing.length === 0 && (r.unused.length === 0 || !strict)) out += `[${id}] all required inputs are set\n`;
    }
    if (errors.length === 1) throw errors[0]!;
    if (errors.length > 1) throw new ConfigErrors(errors);
    return out;
  });
}
