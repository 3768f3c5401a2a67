/**
 * Dependency outputs and mocks as Terragrunt reads them (pkg/config/dependency.go): mocks only for the commands
 * allowed, merged with the state shallowly or deeply (maps only) when asked, skip_outputs, and numbers exactly
 * as cty holds them. Applied with the real terraform; values read back with `output -json`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { applied, echoModule, fixture, outputs, run } from './support.js';

const BIG = '12345678901234567890';
const DEC = '0.1000000000000000000001';

const depOutputs = `output "big" {
  value = ${BIG}
}
output "dec" {
  value = ${DEC}
}
output "a" {
  value = "real"
}
output "m" {
  value = { x = { y = "real" } }
}
output "l" {
  value = ["real"]
}
`;
const mocks = `  mock_outputs = {
    a = "mock"
    b = "mock-only"
    m = { x = { y = "mock" }, z = { w = "mock" } }
    l = ["mock1", "mock2"]
  }
`;
const merged = echoModule({ a: 'string', b: 'string', m: 'map(map(string))', l: 'list(string)' });
const mergeUnit = (strategy: string | undefined, allowed = '["apply", "plan", "output"]') => `dependency "dep" {
  config_path = "../dep"
${mocks}  mock_outputs_allowed_terraform_commands = ${allowed}
${strategy ? `  mock_outputs_merge_strategy_with_state = "${strategy}"\n` : ''}}
inputs = {
  a = dependency.dep.outputs.a
  b = try(dependency.dep.outputs.b, "absent")
  m = dependency.dep.outputs.m
  l = dependency.dep.outputs.l
}
`;

let root: string;
beforeAll(() => {
  root = fixture({
    'dep/main.tf': depOutputs,
    'dep/terragrunt.hcl': '',
    // Terragrunt: TestTFDependencyMockOutputMergeStrategyWithStateNoMerge / ...Shallow / ...DeepMapOnly
    // (fixtures/get-output/mock-outputs-merge-strategy-with-state).
    'no_merge/main.tf': merged,
    'no_merge/terragrunt.hcl': mergeUnit(undefined),
    'shallow/main.tf': merged,
    'shallow/terragrunt.hcl': mergeUnit('shallow'),
    'deep/main.tf': merged,
    'deep/terragrunt.hcl': mergeUnit('deep_map_only'),
    // Mocks merge only where they are allowed: not for apply here (TestTFDependencyMockOutputMergeWithStateTrueNotAllowed).
    'deep_not_allowed/main.tf': merged,
    'deep_not_allowed/terragrunt.hcl': mergeUnit('deep_map_only', '["plan"]'),
    // Terragrunt: TestTFDependencyOutputSkipOutputsWithMockOutput (fixtures/get-output/mock-outputs/dependent3).
    'skip_mock/main.tf': echoModule({ truth: 'string' }),
    'skip_mock/terragrunt.hcl': 'dependency "dep" {\n  config_path  = "../dep"\n  skip_outputs = true\n  mock_outputs = {\n    the_answer = 0\n  }\n}\ninputs = {\n  truth = "The answer is ${dependency.dep.outputs.the_answer}"\n}\n',
    // Terragrunt: TestTFDependencyOutputSkipOutputs (fixtures/get-output/integration/empty): no mocks, outputs unused.
    'skip_plain/main.tf': echoModule({ x: 'string' }),
    'skip_plain/terragrunt.hcl': 'dependency "dep" {\n  config_path  = "../dep"\n  skip_outputs = true\n}\ninputs = {\n  x = "ran"\n}\n',
    // Terragrunt: TestTFDependencyMockOutputRestricted (fixtures/get-output/mock-outputs/dependent2).
    'restricted/main.tf': echoModule({ a: 'string' }),
    'restricted/terragrunt.hcl': 'dependency "dep" {\n  config_path = "../dep"\n  mock_outputs = {\n    a = "mocked"\n  }\n  mock_outputs_allowed_terraform_commands = ["validate", "plan"]\n}\ninputs = {\n  a = dependency.dep.outputs.a\n}\n',
    // cty numbers: every digit through outputs, inputs and TF_VAR_* (issue 11 item 6).
    'numbers/main.tf': echoModule({ big: 'number', dec: 'number', big_plus_one: 'number', big_text: 'string' }),
    'numbers/terragrunt.hcl': 'dependency "dep" {\n  config_path = "../dep"\n}\ninputs = {\n  big          = dependency.dep.outputs.big\n  dec          = dependency.dep.outputs.dec\n  big_plus_one = dependency.dep.outputs.big + 1\n  big_text     = "${dependency.dep.outputs.big}"\n}\n',
  });
});

describe('dependency outputs and mocks', () => {
  describe('before the dependency is applied', () => {
    it('a command mocks are not allowed for fails naming the dependency, and terraform does not apply', async () => {
      const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], path.join(root, 'restricted'));
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/dependency "dep" .*has not been applied yet/);
      expect(applied(path.join(root, 'restricted'))).toBe(false);
    });

    it('an allowed command gets the mocks', async () => {
      const r = await run(['plan', '-no-color'], path.join(root, 'restricted'));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/a = "mocked"/);
    });

    it('skip_outputs: no outputs are read; its mocks stand in for every command', async () => {
      const plain = await run(['plan', '-no-color'], path.join(root, 'skip_plain'));
      expect(plain.code, plain.stderr).toBe(0);
      const r = await run(['apply', '-auto-approve', '--terragrunt-non-interactive'], path.join(root, 'skip_mock'));
      expect(r.code, r.stderr).toBe(0);
      expect(await outputs(path.join(root, 'skip_mock'))).toEqual({ truth: 'The answer is 0' });
    });
  });

  describe('after run-all apply', () => {
    let numbersOut: string;
    beforeAll(async () => {
      const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
      expect(r.code, r.stderr).toBe(0);
      const o = await run(['output', '-json'], path.join(root, 'numbers'));
      expect(o.code, o.stderr).toBe(0);
      numbersOut = o.stdout;
    });

    it('no merge (the default): the state alone', async () => {
      expect(await outputs(path.join(root, 'no_merge'))).toEqual({ a: 'real', b: 'absent', m: { x: { y: 'real' } }, l: ['real'] });
    });

    it('shallow: the state\'s outputs over the mocks, top-level keys only', async () => {
      expect(await outputs(path.join(root, 'shallow'))).toEqual({ a: 'real', b: 'mock-only', m: { x: { y: 'real' } }, l: ['real'] });
    });

    it('deep_map_only: maps merged recursively, lists and values from the state', async () => {
      expect(await outputs(path.join(root, 'deep'))).toEqual({ a: 'real', b: 'mock-only', m: { x: { y: 'real' }, z: { w: 'mock' } }, l: ['real'] });
    });

    it('mocks are not merged for a command they are not allowed for', async () => {
      expect(await outputs(path.join(root, 'deep_not_allowed'))).toEqual({ a: 'real', b: 'absent', m: { x: { y: 'real' } }, l: ['real'] });
    });

    it('skip_outputs keeps the mocks even once the dependency has outputs', async () => {
      expect(await outputs(path.join(root, 'skip_mock'))).toEqual({ truth: 'The answer is 0' });
    });

    it('numbers keep every digit from the dependency\'s state to TF_VAR_* and back', () => {
      // Checked on the text: a JSON.parse here would round them as tgo must not.
      expect(numbersOut).toMatch(new RegExp(`"value": ${BIG}\\b`));
      expect(numbersOut).toMatch(/"value": 12345678901234567891\b/);
      expect(numbersOut).toContain(`"value": ${DEC}`);
      expect(numbersOut).toContain(`"value": "${BIG}"`);
    });

    it('numbers keep every digit in run-all output --json-out', async () => {
      const r = await run(['run-all', 'output', '-json', '--terragrunt-non-interactive', '--json-out', '-'], path.join(root, 'numbers'));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`"value": ${BIG}\\b`));
      expect(r.stdout).toContain(`"value": ${DEC}`);
    });

    it('numbers keep every digit when read with `terraform output -json` too: nothing changes', async () => {
      const r = await run(['plan', '-no-color', '-detailed-exitcode', '--no-dependency-fetch-output-from-state'], path.join(root, 'numbers'));
      expect(r.stdout).toMatch(/No changes/);
      expect(r.code, r.stderr).toBe(0);
    });
  });
});
