/**
 * HCL's JSON syntax (hashicorp/hcl json/spec.md) as the loader reads a terragrunt.hcl.json: the schema decides
 * which properties are blocks (labels as nested object keys, several blocks as an array), strings are templates,
 * "//" is a comment; mistakes name the file and line like native HCL's.
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

function load(json: string, extra: Record<string, string> = {}) {
  const root = writeStack({ 'unit/terragrunt.hcl.json': json, ...extra });
  dirs.push(root);
  return new ConfigLoader({ workingDir: root, env: { PATH: process.env.PATH }, terraformCommand: 'plan', terraformArgs: [] })
    .loadModule(path.join(root, 'unit'));
}
const loadError = (json: string) => {
  try {
    load(json);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the load to fail');
};

describe('terragrunt.hcl.json', () => {
  it('blocks by label, arrays of blocks, nested blocks, templates and comments', () => {
    const cfg = load(JSON.stringify({
      '//': 'ignored',
      locals: { env: 'prod', n: 2 },
      terraform: {
        source: '../modules//vpc',
        extra_arguments: { vars: { commands: ['plan', 'apply'], arguments: ['-var=env=${local.env}'] } },
        before_hook: { fmt: [{ commands: ['plan'], execute: ['echo', 'one'] }, { commands: ['apply'], execute: ['echo', 'two'] }] },
      },
      generate: { provider: { path: 'provider.tf', if_exists: 'overwrite', contents: '# ${local.env}\n' } },
      inputs: { doubled: '${local.n * 2}', literal: 'no ${"$"}{template}', list: [1, true, null], nested: { 'k-${local.env}': 'v' } },
    }));
    expect(cfg.locals).toEqual({ env: 'prod', n: 2 });
    expect(cfg.inputs).toEqual({ doubled: 4, literal: 'no ${template}', list: [1, true, null], nested: { 'k-prod': 'v' } });
    expect(cfg.terraform.extraArguments).toMatchObject([{ name: 'vars', commands: ['plan', 'apply'], arguments: ['-var=env=prod'] }]);
    expect(cfg.terraform.beforeHooks.map((h) => h.execute)).toEqual([['echo', 'one'], ['echo', 'two']]);
    expect(cfg.generate).toMatchObject([{ name: 'provider', path: 'provider.tf', contents: '# prod\n' }]);
  });

  it('an include, labelled or bare, of a native HCL file', () => {
    const parent = { 'root.hcl': 'locals {\n  region = "eu"\n}\ninputs = {\n  region = local.region\n}\n' };
    const labelled = load('{"include": {"root": {"path": "${find_in_parent_folders(\\"root.hcl\\")}", "expose": true}}, "inputs": {"r": "${include.root.locals.region}"}}', parent);
    expect(labelled.inputs).toEqual({ region: 'eu', r: 'eu' });
    const bare = load('{"include": {"": {"path": "${find_in_parent_folders(\\"root.hcl\\")}"}}}', parent);
    expect(bare.inputs).toEqual({ region: 'eu' });
    expect(bare.includes.map((i) => i.label)).toEqual(['']);
  });

  it.each([
    ['{\n  "inputs": {\n    "a": 1,\n  }\n}\n', /unit\/terragrunt\.hcl\.json:4,3: Invalid JSON object/],
    ['{\n  "inputs": "${nope(1)}"\n}\n', /terragrunt\.hcl\.json:2.*nope/],
    ['{\n  "dependency": ["x"]\n}\n', /terragrunt\.hcl\.json:2.*object is required/],
    ['[1]\n', /terragrunt\.hcl\.json:1.*root of a JSON configuration must be an object/],
    ['{\n  "inputz": {}\n}\n', /terragrunt\.hcl\.json:2.*inputz/],
  ])('%j fails naming file and line', (json, message) => {
    expect(loadError(json)).toMatch(message);
  });
});
