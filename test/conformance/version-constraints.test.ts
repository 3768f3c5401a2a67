/**
 * terraform_version_constraint and terragrunt_version_constraint (Terragrunt's CheckTerraformVersionMeetsConstraint
 * and CheckTerragruntVersionMeetsConstraint, internal/runner/run/version_check.go, on hashicorp/go-version):
 * TestTFTerragruntVersionConstraints (test/integration_tf_test.go), with the real terraform (1.11 on PATH). tgo
 * declares the Terragrunt version it implements (TERRAGRUNT_VERSION); a malformed constraint is a load error
 * with file and line, and nothing runs.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fixture, run, terraformRan } from './support.js';
import { TERRAGRUNT_VERSION } from '../../src/shared/terragrunt-version.js';

const unit = (hcl: string) => path.join(fixture({ 'app/main.tf': 'output "ok" {\n  value = true\n}\n', 'app/terragrunt.hcl': hcl }), 'app');

describe('terraform_version_constraint', () => {
  it.each([['~> 1.11'], ['>= 1.5, < 2.0'], ['>= 1.11.0-alpha, < 2']])('"%s" lets terraform 1.11 run', async (c) => {
    const r = await run(['plan'], unit(`terraform_version_constraint = "${c}"\n`));
    expect(r.code, r.stderr).toBe(0);
    expect(terraformRan(r)).toBe(true);
  });

  it('an unmet constraint stops the module with Terragrunt\'s message', async () => {
    const r = await run(['plan'], unit('terraform_version_constraint = ">= 99.0"\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The currently installed version of Terraform \(1\.11\.\d+\) is not compatible with the version Terragrunt requires \(>= 99\.0\)\./);
    expect(terraformRan(r)).toBe(false);
  });

  it('a constraint without its comma is malformed: file and line, nothing runs (it used to accept ">= 1.5 < 2")', async () => {
    const r = await run(['plan'], unit('locals {\n  x = 1\n}\nterraform_version_constraint = ">= 1.5 < 2"\n'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^ERROR terragrunt\.hcl:4: terraform_version_constraint: Malformed constraint: >= 1\.5 < 2$/m);
    expect(terraformRan(r)).toBe(false);
  });
});

describe('terragrunt_version_constraint', () => {
  it(`is checked against the Terragrunt version tgo implements (${TERRAGRUNT_VERSION})`, async () => {
    for (const c of ['>= 0.55.0', `~> ${TERRAGRUNT_VERSION.split('.').slice(0, 2).join('.')}`, `= ${TERRAGRUNT_VERSION}`]) {
      const r = await run(['plan'], unit(`terragrunt_version_constraint = "${c}"\n`));
      expect(r.code, `${c}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(/terragrunt_version_constraint/);
    }
  });

  it('an unmet constraint anywhere in a run-all stops it before any terraform starts', async () => {
    const root = fixture({
      'a/main.tf': '', 'a/terragrunt.hcl': '',
      'b/main.tf': '', 'b/terragrunt.hcl': 'terragrunt_version_constraint = ">= 99.0"\n',
    });
    const r = await run(['run-all', 'plan', '--terragrunt-non-interactive'], root);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`ERROR b/terragrunt.hcl: terragrunt_version_constraint: The currently installed version of Terragrunt (${TERRAGRUNT_VERSION}) is not compatible with the version constraint requiring (>= 99.0).`);
    expect(terraformRan(r)).toBe(false);
  });

  it('a malformed one names its file and line', async () => {
    const r = await run(['plan'], unit('terragrunt_version_constraint = "~> banana"\n'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^ERROR terragrunt\.hcl:1: terragrunt_version_constraint: Malformed constraint: ~> banana$/m);
  });
});
