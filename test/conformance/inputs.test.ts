/**
 * Inputs as Terragrunt hands them to terraform (TF_VAR_* in the environment: a string as it is, anything else as
 * JSON that terraform parses as HCL, `${` kept literal), compared with what the real terraform received, read back
 * through its outputs.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { echoModule, fixture, outputs, run } from './support.js';

const INPUTS = `inputs = {
  string      = "string"
  number      = 42
  fraction    = 0.5
  bool        = true
  list_string = ["a", "b", "c"]
  list_number = [1, 2, 3]
  list_bool   = [true, false]
  map_string  = { foo = "bar" }
  map_number  = { foo = 42, bar = 12345 }
  map_bool    = { foo = true, bar = false }
  object = {
    str  = "string"
    num  = 42
    list = [1, 2, 3]
    map  = { foo = "bar" }
  }
  from_env       = get_env("TGO_CONFORMANCE_FROM_ENV", "default")
  null_input     = null
  undeclared_var = "this var does not exist in the module"
  looks_like_hcl = "[1, 2]"
  map_literal    = jsondecode(file("stuff.json"))
  string_literal = file("stuff.json")
  any_literal    = file("stuff.json")
}
`;
const VARS = {
  string: 'string', number: 'number', fraction: 'number', bool: 'bool', list_string: 'list(string)', list_number: 'list(number)',
  list_bool: 'list(bool)', map_string: 'map(string)', map_number: 'map(number)', map_bool: 'map(bool)',
  object: 'object({ str = string, num = number, list = list(number), map = map(string) })', from_env: 'string',
  looks_like_hcl: 'string', map_literal: 'map(string)', string_literal: 'string', any_literal: 'any',
};
const STUFF = '{\n  "foo": "test ${bar} test",\n  "baz": "no interpolation here"\n}\n';

describe('inputs', () => {
  // Terragrunt: TestTFInputsPassedThroughCorrectly / validateInputs (fixtures/inputs), TestTFInputsWithInterpolationPatterns
  // (fixtures/inputs-interpolation).
  it('reach terraform with their types; strings raw; `${` literal; null overrides the default; an undeclared input is harmless', async () => {
    const dir = fixture({
      'stuff.json': STUFF,
      // A null input is null in terraform (Terragrunt's .terragrunt-null-vars.auto.tfvars.json), not the default;
      // terraform leaves a null output out of `output -json`.
      'main.tf': `${echoModule(VARS)}variable "null_input" {\n  type    = string\n  default = "the default"\n}\noutput "null_input" {\n  value = var.null_input\n}\n`,
      'terragrunt.hcl': INPUTS,
    });
    const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(dir)).toEqual({
      string: 'string', number: 42, fraction: 0.5, bool: true, list_string: ['a', 'b', 'c'], list_number: [1, 2, 3], list_bool: [true, false],
      map_string: { foo: 'bar' }, map_number: { foo: 42, bar: 12345 }, map_bool: { foo: true, bar: false },
      object: { str: 'string', num: 42, list: [1, 2, 3], map: { foo: 'bar' } },
      from_env: 'default', looks_like_hcl: '[1, 2]',
      map_literal: { foo: 'test ${bar} test', baz: 'no interpolation here' },
      // A string variable is read verbatim; `any` parses the JSON text as HCL, its strings still literal.
      string_literal: STUFF,
      any_literal: { foo: 'test ${bar} test', baz: 'no interpolation here' },
    });
  });

  // Terragrunt: TestTFPreserveEnvVarApplyAll (fixtures/regressions/apply-all-envvar), TestTFPriorityOrderOfArgument
  // (fixtures/extra-args): a TF_VAR_ already in the environment wins over inputs, a -var on the command line over both.
  it('a TF_VAR_ from the environment wins over inputs in every module of run-all; -var wins over both', async () => {
    const root = fixture({
      'a/main.tf': echoModule({ seed: 'string' }),
      'a/terragrunt.hcl': 'inputs = {\n  seed = "from inputs"\n}\n',
      'b/main.tf': echoModule({ seed: 'string' }),
      'b/terragrunt.hcl': 'inputs = {\n  seed = "from inputs"\n}\n',
    });
    const env = { TF_VAR_seed: 'from the env' };
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root, env);
    expect(r.code, r.stderr).toBe(0);
    for (const m of ['a', 'b']) expect(await outputs(path.join(root, m), env)).toEqual({ seed: 'from the env' });
    const v = await run(['apply', '-auto-approve', '-var', 'seed=from -var', '--terragrunt-non-interactive'], path.join(root, 'a'), env);
    expect(v.code, v.stderr).toBe(0);
    expect(await outputs(path.join(root, 'a'))).toEqual({ seed: 'from -var' });
  });
});
