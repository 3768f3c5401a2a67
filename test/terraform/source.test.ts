import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareWorkingDir } from '../../src/terraform/workdir.js';
import type { ModuleConfig } from '../../src/config/types.js';
import { writeStack } from '../support/stack.js';

function moduleWithSource(root: string): ModuleConfig {
  const dir = path.join(root, 'live', 'app');
  return {
    dir, configPath: path.join(dir, 'terragrunt.hcl'), includes: [], locals: {}, iam: {}, dependencies: [], dependencyPaths: [], inputs: {},
    terraform: { source: '../../modules//app', includeInCopy: [], excludeFromCopy: [], copyTerraformLockFile: true, extraArguments: [], beforeHooks: [], afterHooks: [], errorHooks: [] },
    generate: [], skip: false, preventDestroy: false, deferred: [],
  };
}

describe('a local terraform.source in .terragrunt-cache', () => {
  it('is copied again only when the source changed; a change replaces the copy but keeps .terraform', () => {
    const root = writeStack({ 'modules/app/main.tf': 'v1', 'modules/app/extra.tf': 'x', 'live/app/terragrunt.hcl': '' });
    const cfg = moduleWithSource(root);
    const o = { command: 'plan', log: () => {} };
    const work = prepareWorkingDir(cfg, o);
    expect(readFileSync(path.join(work, 'main.tf'), 'utf8')).toBe('v1');
    mkdirSync(path.join(work, '.terraform'));
    writeFileSync(path.join(work, 'scratch'), '');

    prepareWorkingDir(cfg, o);
    expect(existsSync(path.join(work, 'scratch'))).toBe(true); // unchanged source: not copied again

    writeFileSync(path.join(root, 'modules/app/main.tf'), 'v2');
    rmSync(path.join(root, 'modules/app/extra.tf'));
    expect(prepareWorkingDir(cfg, o)).toBe(work);
    expect(readFileSync(path.join(work, 'main.tf'), 'utf8')).toBe('v2');
    expect(existsSync(path.join(work, 'extra.tf'))).toBe(false); // deleted in the source, gone from the copy
    expect(existsSync(path.join(work, 'scratch'))).toBe(false);
    expect(existsSync(path.join(work, '.terraform'))).toBe(true); // init survives
  });

  it('hashes a shared source once per run', () => {
    const root = writeStack({ 'modules/app/main.tf': 'v1', 'live/app/terragrunt.hcl': '' });
    const versions = new Map<string, string>();
    prepareWorkingDir(moduleWithSource(root), { command: 'plan', log: () => {}, sourceVersions: versions });
    expect([...versions.keys()]).toEqual([path.join(root, 'modules')]);
  });
});
