/**
 * Which directory each path-taking function resolves against, in the four places an expression can live: the
 * unit's own terragrunt.hcl, a file it includes, a file it reads with read_terragrunt_config, and a file that
 * the read file includes. Expectations come from Terragrunt's pkg/config: Terraform's functions get
 * `BaseDir: filepath.Dir(file.ConfigPath)` (the file being evaluated), Terragrunt's own functions use
 * pctx.TerragruntConfigPath / pctx.WorkingDir (the unit — or the read file inside read_terragrunt_config,
 * which switches the context with WithConfigPath), and get_original_terragrunt_dir() stays the unit's.
 * Terragrunt itself rejects an include inside an included file (TooManyLevelsOfInheritance), so the "nested
 * include" here is the include of a read file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigLoader } from '../../src/config/loader.js';
import { writeStack } from '../support/stack.js';

/** One probe per function; every probe is written identically into each of the four files. */
const PROBES: Record<string, string> = {
  file: 'file("where.txt")',
  fileexists: '[for f in ["app.flag", "common.flag", "readdir.flag", "nested.flag"] : f if fileexists(f)]',
  fileset: 'fileset(".", "*.flag")',
  templatefile: 'templatefile("where.tftpl", { x = "t" })',
  filebase64: 'base64decode(filebase64("where.txt"))',
  read_terragrunt_config: 'read_terragrunt_config("probe.hcl").locals.where',
  read_tfvars_file: 'jsondecode(read_tfvars_file("probe.tfvars")).where',
  find_in_parent_folders: 'find_in_parent_folders("up.txt")',
  run_cmd: 'run_cmd("cat", "where.txt")',
  path_relative_to_include: 'path_relative_to_include()',
  path_relative_from_include: 'path_relative_from_include()',
  get_terragrunt_dir: 'get_terragrunt_dir()',
  get_parent_terragrunt_dir: 'get_parent_terragrunt_dir()',
  get_original_terragrunt_dir: 'get_original_terragrunt_dir()',
  get_repo_root: 'get_repo_root()',
  get_path_from_repo_root: 'get_path_from_repo_root()',
  get_path_to_repo_root: 'get_path_to_repo_root()',
};

const probeLocals = `locals {\n  probe = {\n${Object.entries(PROBES).map(([k, v]) => `    ${k} = ${v}`).join('\n')}\n  }\n}\n`;

/** Every directory holds the same file names with its own name inside, so a result shows which one was used. */
function marked(dir: string, name: string): Record<string, string> {
  return {
    [`${dir}/where.txt`]: name,
    [`${dir}/${name}.flag`]: '',
    [`${dir}/where.tftpl`]: `tpl-${name}-\${x}`,
    [`${dir}/probe.hcl`]: `locals {\n  where = "${name}"\n}\n`,
    [`${dir}/probe.tfvars`]: `where = "${name}"\n`,
  };
}

let root: string;
let probes: Record<'child' | 'include' | 'read' | 'nested', Record<string, unknown>>;

beforeAll(() => {
  root = writeStack({
    ...marked('live/app', 'app'),
    ...marked('common', 'common'),
    ...marked('readdir', 'readdir'),
    ...marked('readdir/nested', 'nested'),
    'up.txt': '',
    'live/up.txt': '',
    'common/inc.hcl': probeLocals,
    'readdir/nested/base.hcl': probeLocals,
    'readdir/read.hcl': `include "nested" {\n  path   = "nested/base.hcl"\n  expose = true\n}\n${probeLocals.replace('locals {\n', 'locals {\n  nested = include.nested.locals.probe\n')}`,
    'live/app/terragrunt.hcl': `include "inc" {\n  path   = "../../common/inc.hcl"\n  expose = true\n}\n${probeLocals.replace('locals {\n', 'locals {\n  read = read_terragrunt_config("../../readdir/read.hcl")\n')}
inputs = {
  child   = local.probe
  include = include.inc.locals.probe
  read    = local.read.locals.probe
  nested  = local.read.locals.nested
}
`,
  });
  execFileSync('git', ['init', '-q', root]);
  root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' }).trim();
  const l = new ConfigLoader({ workingDir: root, env: { PATH: process.env.PATH }, terraformCommand: 'plan', terraformArgs: [] });
  probes = l.loadModule(path.join(root, 'live/app')).inputs as typeof probes;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Expected results: [child, include, read file, include of the read file]. The unit is live/app, the include
 * common/, the read file readdir/, its include readdir/nested/.
 */
const abs = (rel: string) => path.join(root, rel);
const EXPECTED: Record<string, () => [unknown, unknown, unknown, unknown]> = {
  // Terraform's functions: the directory of the file the expression is written in.
  file: () => ['app', 'common', 'readdir', 'nested'],
  fileexists: () => [['app.flag'], ['common.flag'], ['readdir.flag'], ['nested.flag']],
  fileset: () => [['app.flag'], ['common.flag'], ['readdir.flag'], ['nested.flag']],
  templatefile: () => ['tpl-app-t', 'tpl-common-t', 'tpl-readdir-t', 'tpl-nested-t'],
  filebase64: () => ['app', 'common', 'readdir', 'nested'],
  // Terragrunt's: the unit's directory (the read file's inside read_terragrunt_config).
  read_terragrunt_config: () => ['app', 'app', 'readdir', 'readdir'],
  read_tfvars_file: () => ['app', 'app', 'readdir', 'readdir'],
  find_in_parent_folders: () => [abs('live/up.txt'), abs('live/up.txt'), abs('up.txt'), abs('up.txt')],
  run_cmd: () => ['app', 'app', 'readdir', 'readdir'],
  // The read file has an include of its own: there, these functions refer to it.
  path_relative_to_include: () => ['../live/app', '../live/app', '..', '..'],
  path_relative_from_include: () => ['../../common', '../../common', 'nested', 'nested'],
  get_terragrunt_dir: () => [abs('live/app'), abs('live/app'), abs('readdir'), abs('readdir')],
  get_parent_terragrunt_dir: () => [abs('common'), abs('common'), abs('readdir/nested'), abs('readdir/nested')],
  get_original_terragrunt_dir: () => [abs('live/app'), abs('live/app'), abs('live/app'), abs('live/app')],
  get_repo_root: () => [root, root, root, root],
  get_path_from_repo_root: () => ['live/app', 'live/app', 'readdir', 'readdir'],
  get_path_to_repo_root: () => ['../..', '../..', '..', '..'],
};

describe('the base directory of every path-taking function, as Terragrunt defines it', () => {
  it('every probed function has an expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PROBES).sort());
  });

  for (const fn of Object.keys(PROBES)) {
    it(fn, () => {
      const [child, include, read, nested] = EXPECTED[fn]!();
      expect({
        child: probes.child[fn],
        include: probes.include[fn],
        read: probes.read[fn],
        nested: probes.nested[fn],
      }).toEqual({ child, include, read, nested });
    });
  }
});

describe('get_repo_root and friends ask git once per repository per run', () => {
  it('a 500-module tree calling get_repo_root() in an included file starts one git process', () => {
    const files: Record<string, string> = {
      '_envcommon/common.hcl': 'locals {\n  root = get_repo_root()\n  from = get_path_from_repo_root()\n  to = get_path_to_repo_root()\n  tf = file("providers.tf")\n}\ninputs = {\n  root = local.root\n  from = local.from\n  tf = local.tf\n}\n',
      '_envcommon/providers.tf': '# providers\n',
    };
    for (let i = 0; i < 500; i++) {
      files[`live/env${i % 5}/svc${i}/terragrunt.hcl`] = 'include "common" {\n  path = "${get_repo_root()}/_envcommon/common.hcl"\n}\n';
    }
    const repo = writeStack(files);
    // A nested repository (its own .git) is asked about separately.
    writeStack({ 'vendor/inner/terragrunt.hcl': 'inputs = {\n  root = get_repo_root()\n}\n' }, repo);
    try {
      execFileSync('git', ['init', '-q', repo]);
      execFileSync('git', ['init', '-q', path.join(repo, 'vendor/inner')]);
      const real = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: repo, encoding: 'utf8' }).trim();
      // A wrapper git first on PATH counts every process.
      const bin = mkdtempSync(path.join(tmpdir(), 'tgo-gitwrap-'));
      const log = path.join(bin, 'calls.log');
      const gitPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
      writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$PWD $*" >> "${log}"\nexec "${gitPath}" "$@"\n`);
      chmodSync(path.join(bin, 'git'), 0o755);
      writeFileSync(log, '');
      const l = new ConfigLoader({ workingDir: real, env: { PATH: `${bin}:${process.env.PATH}` }, terraformCommand: 'plan', terraformArgs: [] });
      for (let i = 0; i < 500; i++) {
        const cfg = l.loadModule(path.join(real, `live/env${i % 5}/svc${i}`));
        expect(cfg.inputs).toEqual({ root: real, from: `live/env${i % 5}/svc${i}`, tf: '# providers\n' });
      }
      expect(l.loadModule(path.join(real, 'vendor/inner')).inputs).toEqual({ root: path.join(real, 'vendor/inner') });
      const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      expect(calls).toEqual([`${path.join(real, 'live/env0/svc0')} rev-parse --show-toplevel`, `${path.join(real, 'vendor/inner')} rev-parse --show-toplevel`]);
      expect(l.gitRuns).toBe(2);
      rmSync(bin, { recursive: true, force: true });
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }, 180_000);

  it('outside a repository: a clear error naming the directory', () => {
    const dir = writeStack({ 'unit/terragrunt.hcl': 'inputs = {\n  r = get_repo_root()\n}\n' });
    try {
      const l = new ConfigLoader({ workingDir: dir, env: { PATH: process.env.PATH, GIT_CEILING_DIRECTORIES: path.dirname(dir) }, terraformCommand: 'plan', terraformArgs: [] });
      expect(() => l.loadModule(path.join(dir, 'unit'))).toThrow(`${path.join(dir, 'unit')} is not inside a git repository`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
