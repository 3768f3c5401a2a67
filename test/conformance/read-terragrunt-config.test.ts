/**
 * read_terragrunt_config() as Terragrunt evaluates it (pkg/config/config_helpers.go ParseTerragruntConfig): the
 * read file is parsed as a config of its own directory — its locals, inputs and blocks, its nested reads and its
 * own `dependency` blocks (paths relative to the read file), whose outputs show as `dependency.<name>.outputs`
 * with the usual mock rules. Applied with the real terraform and read back with `output -json`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { applied, echoModule, fixture, outputs, run, terraformRan } from './support.js';

/** Outputs of every type, as Terragrunt's `inputs` fixture has them (values our own). */
const typedOutputs = `output "bool" {
  value = true
}
output "list_bool" {
  value = [true, false]
}
output "list_number" {
  value = [1, 2, 3]
}
output "list_string" {
  value = ["a", "b", "c"]
}
output "map_number" {
  value = { foo = 42, bar = 12345 }
}
output "number" {
  value = 42.5
}
output "object" {
  value = { str = "string", num = 42, list = [1, 2, 3], map = { foo = "bar" } }
}
output "string" {
  value = "string"
}
`;
const TYPED = {
  bool: true, list_bool: [true, false], list_number: [1, 2, 3], list_string: ['a', 'b', 'c'],
  map_number: { foo: 42, bar: 12345 }, number: 42.5,
  object: { str: 'string', num: 42, list: [1, 2, 3], map: { foo: 'bar' } }, string: 'string',
};

let root: string;
let applyAll: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  root = fixture({
    'typed/main.tf': typedOutputs,
    'typed/terragrunt.hcl': '',
    // Terragrunt: TestTFReadTerragruntConfigWithDependency (fixtures/read-config/with_dependency): the read file's
    // dependency path is relative to the read file, not to the module reading it.
    'with_dependency/dep/shared.hcl': 'dependency "typed" {\n  config_path = "../../typed"\n}\n',
    // Typed as the outputs are: a string reaches terraform raw (TF_VAR_string=string), which `any` would parse as HCL.
    'with_dependency/main.tf': echoModule({
      bool: 'bool', list_bool: 'list(bool)', list_number: 'list(number)', list_string: 'list(string)', map_number: 'map(number)',
      number: 'number', object: 'object({ str = string, num = number, list = list(number), map = map(string) })', string: 'string',
    }),
    'with_dependency/terragrunt.hcl': 'locals {\n  cfg = read_terragrunt_config("${get_terragrunt_dir()}/dep/shared.hcl")\n}\ninputs = local.cfg.dependency.typed.outputs\n',
    // Terragrunt: TestTFReadTerragruntConfigFromDependency (fixtures/read-config/from_dependency): a dependency
    // that itself reads a file beside it.
    'from_dependency/dep/vars.hcl': 'locals {\n  greeting = "hello from vars"\n}\n',
    'from_dependency/dep/main.tf': 'variable "greeting" {\n  type = string\n}\noutput "greeting" {\n  value = var.greeting\n}\n',
    'from_dependency/dep/terragrunt.hcl': 'locals {\n  vars = read_terragrunt_config("vars.hcl")\n}\ninputs = {\n  greeting = local.vars.locals.greeting\n}\n',
    'from_dependency/main.tf': echoModule({ bar: 'string' }),
    'from_dependency/terragrunt.hcl': 'dependency "dep" {\n  config_path = "./dep"\n}\ninputs = {\n  bar = dependency.dep.outputs.greeting\n}\n',
    // Terragrunt: TestTFReadTerragruntConfigWithOriginalTerragruntDir (fixtures/read-config/with_original_terragrunt_dir).
    'original_dir/foo/bar.hcl': 'locals {\n  terragrunt_dir          = get_terragrunt_dir()\n  original_terragrunt_dir = get_original_terragrunt_dir()\n}\n',
    'original_dir/main.tf': echoModule({ terragrunt_dir: 'string', original_terragrunt_dir: 'string' }),
    'original_dir/terragrunt.hcl': 'locals {\n  bar = read_terragrunt_config("foo/bar.hcl")\n}\ninputs = {\n  terragrunt_dir          = local.bar.locals.terragrunt_dir\n  original_terragrunt_dir = local.bar.locals.original_terragrunt_dir\n}\n',
    // Terragrunt: TestTFReadTerragruntConfigFull (fixtures/read-config/full): the read file's attributes and blocks.
    'full/common/source.hcl': `locals {
  answer = 42
  nested = read_terragrunt_config("sub/nested.hcl")
}
terraform {
  source = "./modules/thing"
}
remote_state {
  backend = "local"
  config = {
    path = "foo.tfstate"
  }
}
dependencies {
  paths = ["../elsewhere"]
}
terraform_binary             = "tofu"
terraform_version_constraint = "= 1.2.3"
download_dir                 = ".cache-here"
iam_role                     = "arn:aws:iam::123456789012:role/Reader"
inputs = {
  doc = "Emmett Brown"
}
`,
    // A nested read resolves against the file that reads it (common/), not the module.
    'full/common/sub/nested.hcl': 'locals {\n  where = basename(get_terragrunt_dir())\n  file  = file("data.txt")\n}\n',
    'full/common/sub/data.txt': 'beside nested.hcl',
    'full/main.tf': echoModule({ read_locals: 'any', tf_source: 'string', backend: 'string', state_path: 'string', paths: 'list(string)', scalars: 'list(string)', inputs: 'any', nested: 'any' }),
    'full/terragrunt.hcl': `locals {
  cfg = read_terragrunt_config("common/source.hcl")
}
inputs = {
  read_locals = { answer = local.cfg.locals.answer }
  tf_source  = local.cfg.terraform.source
  backend    = local.cfg.remote_state.backend
  state_path = local.cfg.remote_state.config.path
  paths      = local.cfg.dependencies.paths
  scalars    = [local.cfg.terraform_binary, local.cfg.terraform_version_constraint, local.cfg.download_dir, local.cfg.iam_role]
  inputs     = local.cfg.inputs
  nested     = local.cfg.locals.nested.locals
}
`,
    // Terragrunt: TestTFReadTerragruntConfigWithDefault (fixtures/read-config/with_default).
    'with_default/main.tf': echoModule({ data: 'string' }),
    'with_default/terragrunt.hcl': 'locals {\n  cfg = read_terragrunt_config("does-not-exist.hcl", { data = "default value" })\n}\ninputs = {\n  data = local.cfg.data\n}\n',
  });
  applyAll = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
}, 600_000);

describe('read_terragrunt_config', () => {
  it('exposes the outputs of the read file\'s dependencies, every type intact, and runs after them', async () => {
    expect(applyAll.code, applyAll.stderr).toBe(0);
    expect(await outputs(path.join(root, 'with_dependency'))).toEqual(TYPED);
  });

  it('in a dependency, reads a file beside that dependency', async () => {
    expect(await outputs(path.join(root, 'from_dependency'))).toEqual({ bar: 'hello from vars' });
  });

  it('evaluates the read file in its own directory; get_original_terragrunt_dir is the module reading it', async () => {
    const dir = path.join(root, 'original_dir');
    expect(await outputs(dir)).toEqual({ terragrunt_dir: path.join(dir, 'foo'), original_terragrunt_dir: dir });
  });

  it('shows the read file\'s locals, inputs and blocks; a nested read resolves against the reading file', async () => {
    expect(await outputs(path.join(root, 'full'))).toEqual({
      read_locals: { answer: 42 },
      tf_source: './modules/thing',
      backend: 'local',
      state_path: 'foo.tfstate',
      paths: ['../elsewhere'],
      scalars: ['tofu', '= 1.2.3', '.cache-here', 'arn:aws:iam::123456789012:role/Reader'],
      inputs: { doc: 'Emmett Brown' },
      nested: { where: 'sub', file: 'beside nested.hcl' },
    });
  });

  it('returns the default for a file that does not exist', async () => {
    expect(await outputs(path.join(root, 'with_default'))).toEqual({ data: 'default value' });
  });

  // tgo, deliberately (README): Terragrunt reads the outputs while parsing; tgo reads them when the unit runs, so
  // what must be known before anything runs cannot show them.
  it.each([
    ['iam_role', 'iam_role = local.c.dependency.dep.outputs.role\n', /terragrunt\.hcl:4: iam_role: iam_role cannot read dependency outputs/],
    // A feature default sees functions only (Terragrunt's DecodeBaseBlocks decodes it before locals).
    ['a feature default', 'feature "f" {\n  default = read_terragrunt_config("common.hcl").dependency.dep.outputs.flag\n}\n', /terragrunt\.hcl:5: feature\.f\.default: cannot read dependency outputs \(dependency\.dep\.outputs of common\.hcl\)/],
  ])('%s showing the read file\'s dependency outputs is an error naming the file and line', async (_name, hcl, message) => {
    const dir = fixture({
      'dep/terragrunt.hcl': '',
      'app/common.hcl': 'dependency "dep" {\n  config_path = "../dep"\n}\n',
      'app/terragrunt.hcl': `locals {\n  c = read_terragrunt_config("common.hcl")\n}\n${hcl}`,
    });
    const r = await run(['plan'], path.join(dir, 'app'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(terraformRan(r)).toBe(false);
  });

  // Terragrunt: TestTFReadTerragruntConfigDependencyInStack (fixtures/regressions/read-config-dependency-stack,
  // issue 5624): the read file's inputs use its dependency's outputs, mocked for plan.
  describe('mock rules of the read file\'s dependencies', () => {
    let dir: string;
    beforeAll(() => {
      dir = fixture({
        'dep/main.tf': 'output "name" {\n  value = "real-output"\n}\noutput "extra" {\n  value = "from-state"\n}\n',
        'dep/terragrunt.hcl': '',
        'app/common.hcl': `dependency "dep" {
  config_path = "../dep"
  mock_outputs = {
    name  = "mock-output"
    mock_only = "kept"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  mock_outputs_merge_strategy_with_state  = "shallow"
}
inputs = {
  dep_name = dependency.dep.outputs.name
}
`,
        'app/main.tf': echoModule({ dep_name: 'string', all: 'any' }),
        'app/terragrunt.hcl': 'locals {\n  common = read_terragrunt_config("${get_terragrunt_dir()}/common.hcl")\n}\ninputs = {\n  dep_name = local.common.inputs.dep_name\n  all      = local.common.dependency.dep.outputs\n}\n',
      });
    });

    it('plan before the dependency is applied uses its mocks', async () => {
      const r = await run(['run-all', 'plan', '--terragrunt-non-interactive', '-no-color'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/dep_name\s+= "mock-output"/);
      expect(r.stderr).not.toMatch(/no attribute named|not defined/);
    });

    it('apply is not a mock command: a clear error naming the dependency, and terraform does not apply', async () => {
      const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], path.join(dir, 'app'));
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/dependency "dep" .*has no outputs/);
      expect(applied(path.join(dir, 'app'))).toBe(false);
      expect(terraformRan(r) && /Apply complete/.test(r.stdout)).toBe(false);
    });

    it('after the dependency is applied, its real outputs, merged over the mocks (shallow) where mocks are allowed', async () => {
      const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], dir);
      expect(r.code, r.stderr).toBe(0);
      // apply does not allow mocks: the state alone.
      expect(await outputs(path.join(dir, 'app'))).toEqual({ dep_name: 'real-output', all: { name: 'real-output', extra: 'from-state' } });
      const plan = await run(['plan', '-no-color'], path.join(dir, 'app'));
      expect(plan.code, plan.stderr).toBe(0);
      // plan allows them: the state's values win, a mock-only output is kept, so `all` changes.
      expect(plan.stdout).toMatch(/mock_only\s+= "kept"/);
    });
  });
});
