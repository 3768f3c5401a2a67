/**
 * Feature flags (Terragrunt's `feature` blocks, pkg/config/feature_flag.go and config_partial.go flagsAsCty):
 * defaults from the unit or an included file, overridden with --feature name=value or TG_FEATURE, visible as
 * feature.<name>.value; a CLI value of a bool flag is parsed as a bool, others stay strings (terraform converts
 * them where a number is wanted). Applied with the real terraform.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { echoModule, fixture, outputs, run } from './support.js';

const module = echoModule({ string_feature_flag: 'string', int_feature_flag: 'number', bool_feature_flag: 'bool' });
const inputs = 'inputs = {\n  string_feature_flag = feature.string_feature_flag.value\n  int_feature_flag    = feature.int_feature_flag.value\n  bool_feature_flag   = feature.bool_feature_flag.value\n}\n';
const defaults = 'feature "string_feature_flag" {\n  default = "test"\n}\nfeature "int_feature_flag" {\n  default = 666\n}\nfeature "bool_feature_flag" {\n  default = false\n}\n';

describe('feature flags', () => {
  // Terragrunt: TestTFFeatureIncludeFlag, TestTFFeatureFlagCli, TestTFFeatureFlagEnv (fixtures/feature-flags/include-flag).
  it('defaults from an included file, then --feature, then TG_FEATURE', async () => {
    const root = fixture({
      'root.hcl': defaults,
      'app/main.tf': module,
      'app/terragrunt.hcl': `include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n${inputs}`,
    });
    const app = path.join(root, 'app');
    let r = await run(['apply', '-auto-approve'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(app)).toEqual({ string_feature_flag: 'test', int_feature_flag: 666, bool_feature_flag: false });

    r = await run(['apply', '-auto-approve', '--feature', 'int_feature_flag=777', '--feature', 'bool_feature_flag=true', '--feature', 'string_feature_flag=tomato'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(app)).toEqual({ string_feature_flag: 'tomato', int_feature_flag: 777, bool_feature_flag: true });

    r = await run(['apply', '-auto-approve'], app, { TG_FEATURE: 'int_feature_flag=111,bool_feature_flag=true,string_feature_flag=xyz' });
    expect(r.code, r.stderr).toBe(0);
    expect(await outputs(app)).toEqual({ string_feature_flag: 'xyz', int_feature_flag: 111, bool_feature_flag: true });
  }, 300_000);

  // Terragrunt: TestFailOnEmptyFeatureFlag, and flagToTypedCtyValue's strconv.ParseBool for a bool default.
  it('a flag without a default, a bool flag given a non-bool, and --feature without "=" are errors before terraform runs', async () => {
    const root = fixture({
      'nodefault/terragrunt.hcl': 'feature "x" {\n}\n',
      'bool/terragrunt.hcl': defaults + inputs,
    });
    let r = await run(['plan'], path.join(root, 'nodefault'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/terragrunt\.hcl:1: feature\.x: feature flag "x" does not have a default value/);
    r = await run(['plan', '--feature', 'bool_feature_flag=maybe'], path.join(root, 'bool'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/terragrunt\.hcl:7: feature\.bool_feature_flag: feature flag "bool_feature_flag" is a bool, but --feature bool_feature_flag=maybe is not/);
    r = await run(['plan', '--feature', 'oops'], path.join(root, 'bool'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--feature takes name=value, got "oops"/);
  });
});
