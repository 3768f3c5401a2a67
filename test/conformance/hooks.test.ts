/**
 * Hooks as Terragrunt runs them (internal/runner/run/hook.go: ProcessHooks, ProcessErrorHooks,
 * RunActionWithHooks), with the real terraform.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fixture, lines, run, terraformRan } from './support.js';

const echo = (name: string, file = 'hooks.log') => `["sh", "-c", "echo ${name} >> ${file}"]`;
const hook = (kind: string, name: string, commands: string[], execute: string, extra = '') =>
  `  ${kind} "${name}" {\n    commands = ${JSON.stringify(commands)}\n    execute  = ${execute}\n${extra}  }\n`;
const failingTf = 'variable "ok" {\n  type    = bool\n  default = false\n}\noutput "x" {\n  value = var.ok ? "fine" : tobool("boom-not-a-bool")\n}\n';

describe('hooks', () => {
  // Terragrunt: TestTFTerragruntSkipOnError (fixtures/hooks/skip-on-error).
  it('after a failing before_hook only run_on_error hooks run, terraform does not, and matching error hooks run', async () => {
    const root = fixture({
      'app/main.tf': 'output "x" {\n  value = 1\n}\n',
      'app/terragrunt.hcl': `terraform {
${hook('before_hook', 'fails', ['apply'], '["sh", "-c", "echo check failed: quota >&2; exit 7"]')}${hook('before_hook', 'before_should_display', ['apply'], echo('BEFORE_SHOULD_DISPLAY'), '    run_on_error = true\n')}${hook('before_hook', 'before_nodisplay', ['apply'], echo('BEFORE_NODISPLAY'))}${hook('after_hook', 'after_should_display', ['apply'], echo('AFTER_SHOULD_DISPLAY'), '    run_on_error = true\n')}${hook('after_hook', 'after_nodisplay', ['apply'], echo('AFTER_NODISPLAY'))}${hook('error_hook', 'catch_all', ['apply'], echo('ERROR_HOOK_EXECUTED'), '    on_errors = [".*"]\n')}${hook('error_hook', 'not_matching', ['apply'], echo('NOT_MATCHING_ERROR_HOOK'), '    on_errors = ["Throttling"]\n')}${hook('error_hook', 'pattern', ['apply'], echo('PATTERN_MATCHING_ERROR_HOOK'), '    on_errors = ["(?s)fails.*exited with code 7"]\n')}}
`,
    });
    const app = path.join(root, 'app');
    const r = await run(['apply', '-auto-approve'], app);
    expect(r.code).not.toBe(0);
    expect(lines(path.join(app, 'hooks.log'))).toEqual(['BEFORE_SHOULD_DISPLAY', 'AFTER_SHOULD_DISPLAY', 'ERROR_HOOK_EXECUTED', 'PATTERN_MATCHING_ERROR_HOOK']);
    // Auto-init ran (its hooks are separate); the apply itself did not.
    expect(r.stdout).not.toMatch(/Changes to Outputs|Apply complete/);
  });

  // Terragrunt: TestTFTerragruntCatchErrorsInTerraformExecution and TestTFTerragruntCatchErrorsFromStdout
  // (fixtures/hooks/error-hooks): on_errors are RE2 patterns matched against terraform's failure.
  it('error hooks whose on_errors match terraform\'s error run after a failing terraform; others do not', async () => {
    const root = fixture({
      'app/main.tf': failingTf,
      'app/terragrunt.hcl': `terraform {
${hook('error_hook', 'pattern_matching_hook', ['apply'], echo('pattern_matching_hook'), '    on_errors = ["(?s).*boom-not-a-bool.*"]\n')}${hook('error_hook', 'catch_all_matching_hook', ['apply'], echo('catch_all_matching_hook'), '    on_errors = [".*"]\n')}${hook('error_hook', 'not_matching_hook', ['apply'], echo('not_matching_hook'), '    on_errors = ["(?i)throttl"]\n')}${hook('after_hook', 'after_on_error', ['apply'], echo('after_on_error'), '    run_on_error = true\n')}}
`,
    });
    const app = path.join(root, 'app');
    const r = await run(['apply', '-auto-approve'], app);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('boom-not-a-bool');
    // After hooks (run_on_error) come before error hooks, as in RunActionWithHooks.
    expect(lines(path.join(app, 'hooks.log'))).toEqual(['after_on_error', 'pattern_matching_hook', 'catch_all_matching_hook']);
  });

  // Terragrunt keeps hooks as lists (TerraformConfig.BeforeHooks []Hook): two hooks with one name both run, in
  // order. Merging with an include's terraform block goes by name (include.go mergeHooks): a child hook replaces
  // the first hook of that name so far, so a child's own duplicates collapse to the last one there, exactly as in
  // Terragrunt. TestTFTerragruntBeforeAndAfterHook: the terragrunt-read-config after_hook runs once.
  it('hooks with the same name all run in the order written; merged with an include they go by name as in Terragrunt', async () => {
    const root = fixture({
      'root.hcl': `terraform {\n${hook('after_hook', 'after_apply', ['apply'], echo('parent-1'))}${hook('after_hook', 'after_apply', ['apply'], echo('parent-2'))}${hook('after_hook', 'read', ['terragrunt-read-config'], echo('read-config'))}}\n`,
      'solo/main.tf': 'output "x" {\n  value = 1\n}\n',
      'solo/terragrunt.hcl': `terraform {\n${hook('before_hook', 'twice', ['apply'], echo('before-1'))}${hook('before_hook', 'twice', ['apply'], echo('before-2'))}${hook('after_hook', 'after_apply', ['apply'], echo('after-1'))}${hook('after_hook', 'after_apply', ['apply'], echo('after-2'))}}\n`,
      'app/main.tf': 'output "x" {\n  value = 1\n}\n',
      'app/terragrunt.hcl': `include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\nterraform {\n${hook('before_hook', 'twice', ['apply'], echo('before-1'))}${hook('before_hook', 'twice', ['apply'], echo('before-2'))}${hook('after_hook', 'child', ['apply'], echo('child'))}}\n`,
    });
    const solo = path.join(root, 'solo');
    const app = path.join(root, 'app');
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(path.join(solo, 'hooks.log'))).toEqual(['before-1', 'before-2', 'after-1', 'after-2']);
    expect(lines(path.join(app, 'hooks.log'))).toEqual(['read-config', 'before-2', 'parent-1', 'parent-2', 'child']);
  });

  it('an on_errors pattern that is not a valid regular expression is an error naming the file and line before terraform runs', async () => {
    const root = fixture({
      'app/main.tf': 'output "x" {\n  value = 1\n}\n',
      'app/terragrunt.hcl': `terraform {\n${hook('error_hook', 'bad', ['apply'], echo('x'), '    on_errors = ["(unclosed"]\n')}}\n`,
    });
    const app = path.join(root, 'app');
    const r = await run(['apply', '-auto-approve'], app);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/terragrunt\.hcl:5: terraform\.error_hook\.bad\.on_errors: invalid regular expression "\(unclosed"/);
    expect(terraformRan(r)).toBe(false);
  });
});
