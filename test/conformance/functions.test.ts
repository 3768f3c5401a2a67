/**
 * Terragrunt's functions in the context they run in (pkg/config/config_helpers.go), applied with the real
 * terraform: run_cmd in an included file runs with the unit's context and shows its output once per run,
 * file() in an included file reads beside that file, read_tfvars_file() returns JSON, get_terraform_cli_args()
 * starts with the command.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { echoModule, fixture, outputs, run } from './support.js';

describe('functions', () => {
  // TestTFPathRelativeToIncludeInvokedInCorrectPathFromChild (fixtures/relative-include-cmd), TestTFLocalsInInclude
  // (terraform_cli_args), TestReadTFVarsFiles (pkg/config), issue 17's _envcommon file().
  it('in an included file: run_cmd sees the unit, file() reads beside the include, read_tfvars_file is JSON, the cli args start with the command', async () => {
    const root = fixture({
      '_envcommon/common.hcl': `locals {
  rel  = run_cmd("echo", "path_relative_to_include:", path_relative_to_include())
  vars = jsondecode(read_tfvars_file("\${get_parent_terragrunt_dir()}/common.tfvars"))
}
inputs = {
  rel      = local.rel
  region   = local.vars.region
  zones    = local.vars.zones
  shared   = file("providers.txt")
  cli_args = get_terraform_cli_args()
  command  = get_terraform_command()
}
`,
      '_envcommon/providers.txt': 'from _envcommon',
      '_envcommon/common.tfvars': 'region = "eu-west-1"\nzones  = ["a", "b"]\n',
      'live/app/providers.txt': 'from the unit (wrong)',
      'live/app/main.tf': echoModule({ rel: 'string', region: 'string', zones: 'list(string)', shared: 'string', cli_args: 'list(string)', command: 'string' }),
      'live/app/terragrunt.hcl': 'include "common" {\n  path = "../../_envcommon/common.hcl"\n}\n',
    });
    const app = path.join(root, 'live/app');
    const r = await run(['apply', '-auto-approve', '-no-color'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(`${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() === 'path_relative_to_include: ../live/app')).toHaveLength(1);
    expect(await outputs(app)).toEqual({
      rel: 'path_relative_to_include: ../live/app',
      region: 'eu-west-1',
      zones: ['a', 'b'],
      shared: 'from _envcommon',
      cli_args: ['apply', '-auto-approve', '-no-color'],
      command: 'apply',
    });
  });

  // TestTFRunCmdOutputFromIncludedFileInStack (fixtures/regressions/run-cmd-include-output) and
  // TestTFRunCmdGlobalCacheSharesResultAcrossModules: one run per distinct argument list, output shown once.
  it('run_cmd --terragrunt-global-cache in a shared include runs once for the whole run-all and shows its output once', async () => {
    const root = fixture({
      'root.hcl': 'locals {\n  marker = run_cmd("--terragrunt-global-cache", "${dirname(find_in_parent_folders("root.hcl"))}/emit.sh")\n}\ninputs = {\n  marker = local.marker\n}\n',
      'emit.sh': '#!/bin/sh\necho run >> "$(dirname "$0")/emit.log"\necho RUN_CMD_MARKER_4242\n',
      'a/main.tf': echoModule({ marker: 'string' }),
      'a/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
      'b/main.tf': echoModule({ marker: 'string' }),
      'b/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });
    chmodSync(path.join(root, 'emit.sh'), 0o755);
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'emit.log'), 'utf8')).toBe('run\n');
    expect(`${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() === 'RUN_CMD_MARKER_4242')).toHaveLength(1);
    expect(await outputs(path.join(root, 'b'))).toEqual({ marker: 'RUN_CMD_MARKER_4242' });
  });
});
