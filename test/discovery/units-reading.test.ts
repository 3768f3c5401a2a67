// --queue-include-units-reading (classic --terragrunt-modules-that-include, also --units-that-include, and the
// env twins): the units whose configuration read a file the glob matches — by include, read_terragrunt_config,
// read_tfvars_file, mark_as_read, mark_glob_as_read — as Terragrunt's reading= filter selects them
// (TestSOPSUnitsReading and TestSOPSQueueStrictIncludeWithUnitsReading, test/integration_units_reading_test.go,
// on our own tree of the same shape): a union with --queue-include-dir, minus --queue-exclude-dir, and no
// dependencies brought along.
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { writeStack } from '../support/stack.js';
import { baseEnv, tgo } from '../support/tgo.js';

vi.setConfig({ testTimeout: 120_000 });

let root: string;
let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
  const parent = (name: string) => `find_in_parent_folders("${name}")`;
  root = writeStack({
    'shared.hcl': 'locals {\n  region = "eu-west-1"\n}\n',
    'shared.tfvars': 'size = 3\n',
    'shared.json': '{"a": 1}\n',
    'including/terragrunt.hcl': `include "shared" {\n  path = ${parent('shared.hcl')}\n}\n`,
    'reading-hcl/terragrunt.hcl': `locals {\n  s = read_terragrunt_config(${parent('shared.hcl')}).locals\n}\n`,
    'reading-tfvars/terragrunt.hcl': `locals {\n  t = read_tfvars_file(${parent('shared.tfvars')})\n}\ndependencies {\n  paths = ["../plain"]\n}\n`,
    'reading-both/terragrunt.hcl': `locals {\n  s = read_terragrunt_config(${parent('shared.hcl')})\n  t = read_tfvars_file(${parent('shared.tfvars')})\n}\n`,
    'reading-json/terragrunt.hcl': `locals {\n  j = jsondecode(file(mark_as_read(${parent('shared.json')})))\n}\n`,
    'marking/terragrunt.hcl': `inputs = {\n  file = mark_as_read(${parent('shared.json')})\n}\n`,
    'indirect/terragrunt.hcl': 'locals {\n  files = mark_glob_as_read("src/*.txt")\n}\n',
    'indirect/src/test.txt': 'x\n',
    'plain/terragrunt.hcl': 'inputs = {}\n',
  });
});

const find = async (args: string[], env: Record<string, string> = {}) => {
  const r = await tgo(['find', ...args], { cwd: root, env: baseEnv(env) });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
};
const reading = (...globs: string[]) => globs.flatMap((g) => ['--queue-include-units-reading', g]);

describe('--queue-include-units-reading', () => {
  it.each([
    ['an included or read HCL file', reading('shared.hcl'), ['including', 'reading-both', 'reading-hcl']],
    ['a tfvars file (the dependency plain is not brought)', reading('shared.tfvars'), ['reading-both', 'reading-tfvars']],
    ['a file marked as read', reading('shared.json'), ['marking', 'reading-json']],
    ['a file marked by mark_glob_as_read', reading('indirect/src/test.txt'), ['indirect']],
    ['with --queue-exclude-dir', [...reading('shared.hcl'), '--queue-exclude-dir', 'reading-both'], ['including', 'reading-hcl']],
    ['with --queue-include-dir: either selects', [...reading('shared.hcl'), '--queue-include-dir', 'reading-tfvars'],
      ['including', 'reading-both', 'reading-hcl', 'reading-tfvars']],
    ['several, and globs', reading('shared.{json,tfvars}', '**/src/*.txt'), ['indirect', 'marking', 'reading-both', 'reading-json', 'reading-tfvars']],
    ['a file nobody reads', reading('nothing.hcl'), []],
    ['the classic name', ['--terragrunt-modules-that-include', 'shared.hcl'], ['including', 'reading-both', 'reading-hcl']],
    ['Terragrunt 1.x\'s deprecated name', ['--units-that-include', 'shared.json'], ['marking', 'reading-json']],
  ])('%s', async (_name, args, want) => {
    expect(await find(args)).toEqual(want);
  });

  it('an absolute path, and the env twins', async () => {
    expect(await find(reading(path.join(root, 'shared.json')))).toEqual(['marking', 'reading-json']);
    expect(await find([], { TG_QUEUE_INCLUDE_UNITS_READING: 'shared.tfvars' })).toEqual(['reading-both', 'reading-tfvars']);
    expect(await find([], { TERRAGRUNT_MODULES_THAT_INCLUDE: 'shared.hcl' })).toEqual(['including', 'reading-both', 'reading-hcl']);
  });

  it('run --all runs terraform in the reading units only and reports why the others were left out', async () => {
    const r = await tgo(['run', '--all', '--non-interactive', '--terragrunt-tfpath', tf.path, ...reading('shared.tfvars'), '--', 'plan'],
      { cwd: root, env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    const ran = tf.records().filter((x) => x.argv[0] === 'plan').map((x) => path.relative(root, x.cwd)).sort();
    expect(ran).toEqual(['reading-both', 'reading-tfvars']);
    expect(r.stderr).toMatch(/plain\s+excluded\s+-\s+reads no file matched by --queue-include-units-reading/);
  });

  it('a malformed glob is refused, naming the flag', async () => {
    const r = await tgo(['find', ...reading('[shared')], { cwd: root, env: baseEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--queue-include-units-reading: "[shared" is not a valid glob');
  });
});
