/**
 * find_in_parent_folders' existence checks are cached per run (a 1,000-module stack asks the same ~170 questions
 * 6,000 times); a run_cmd may create files, so it empties the cache.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigLoader } from '../../src/config/loader.js';
import { writeStack } from '../support/stack.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('find_in_parent_folders existence cache', () => {
  it('answers from the cache across modules, and sees a file a run_cmd created', () => {
    const root = writeStack({
      'root.hcl': 'inputs = { from_root = true }\n',
      'a/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders("root.hcl")
}
locals {
  a_before = find_in_parent_folders("made.hcl", "none")
  b_made   = run_cmd("--terragrunt-quiet", "touch", "\${get_terragrunt_dir()}/../made.hcl")
  c_after  = local.b_made == "" ? find_in_parent_folders("made.hcl", "none") : "unexpected"
}
`,
      'b/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders("root.hcl")
}
locals {
  made = find_in_parent_folders("made.hcl", "none")
}
`,
    });
    dirs.push(root);
    const loader = new ConfigLoader({ workingDir: root, env: { PATH: process.env.PATH }, terraformCommand: 'plan', terraformArgs: [] });
    const a = loader.loadModule(path.join(root, 'a'));
    expect(a.locals.a_before).toBe('none');
    expect(a.locals.c_after).toBe(path.join(root, 'made.hcl'));
    expect(a.inputs.from_root).toBe(true);
    const b = loader.loadModule(path.join(root, 'b'));
    expect(b.locals.made).toBe(path.join(root, 'made.hcl'));
    expect(b.inputs.from_root).toBe(true);
  });
});
