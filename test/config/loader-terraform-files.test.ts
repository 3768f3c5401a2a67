/**
 * What a loaded configuration turns into on disk and on terraform's command line, as Terragrunt does it: the
 * generated backend block (Terragrunt-only keys removed, keys sorted, formatted), hclwrite-style formatting of
 * generated .tf files (checked against `terraform fmt`), generate's if_exists/if_disabled/signature rules, the unit's
 * files copied into the working directory, extra_arguments on the command line, and inputs as TF_VAR_* values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatHcl, renderBackendBlock, terraformBackendConfig } from '../../src/terraform/hcl-render.js';
import { encodeInput, inputsToEnv, terraformArgs } from '../../src/terraform/args.js';
import { SourceFetcher } from '../../src/source/fetcher.js';
import { prepareWorkingDir, SIGNATURE, writeGenerated } from '../../src/terraform/workdir.js';
import { ConfigLoader } from '../../src/config/loader.js';
import type { ExtraArguments, GenerateConfig } from '../../src/config/types.js';
import { writeStack } from '../support/stack.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'tgo-files-'));
  dirs.push(d);
  return d;
};

const terraformFmt = (src: string) => execFileSync('terraform', ['fmt', '-'], { input: src, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });

describe('formatting generated HCL (hclwrite.Format)', () => {
  const samples = {
    'indentation and alignment': 'terraform {\nrequired_version = ">= 1.5.0"\n    backend "s3" {\n  bucket = "b"\n      dynamodb_table = "t"\n}\n}\n',
    'nested objects break alignment runs': 'locals {\n  a = 1\n  bbbbbb = {\n    x = 1\n    yy = [1, 2]\n  }\n  long_name = 3\n  e = a == b ? 1 : 2\n}\n',
    'blocks, quoted keys and blank lines': 'provider "aws" {\n  region = "us-east-1"\n\n  assume_role {\n    role_arn = "arn"\n    session_name = "x"\n  }\n  default_tags {\n    tags = {\n      Owner = "me"\n      "Cost Center" = "x"\n    }\n  }\n}\n',
    'heredocs are left alone': 'output "x" {\n    value = <<-EOT\n      hello ${var.x}\n  x = 1\n    EOT\n  description = "d"\n}\n',
    'templates, for expressions and comments': 'locals {\n  # a comment\n  x = [for k, v in var.m : "${k}=${v}" if v != ""]\n  y = { for k in ["a"] : k => upper(k) }  # trailing\n  zz = "}{"\n}\n',
    'trailing comments line up': 'variable "a" {\n  type = string # the type\n  default = "x"    // default\n  description = "$${literal} %%{also}"\n}\n',
    'multi-line calls and lists': 'locals {\n  l = concat(\n  ["a"],\n      ["b"],\n  )\n  n = -1\n  m = [\n  {\n  a = 1\n  bb = 2\n  },\n  ]\n}\n',
  };
  for (const [name, src] of Object.entries(samples)) {
    it(`${name}: same as terraform fmt`, () => expect(formatHcl(src)).toBe(terraformFmt(src)));
  }

  it('leaves formatted files unchanged (every .tf of the fixtures)', () => {
    const fixtures = path.resolve(__dirname, '..', '..', 'fixtures');
    const files = (readdirSync(fixtures, { recursive: true }) as string[]).filter((f) => f.endsWith('.tf'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const src = readFileSync(path.join(fixtures, f), 'utf8');
      expect(formatHcl(src), f).toBe(src);
    }
  });
});

describe('the generated backend block', () => {
  const config = {
    bucket: 'acme-prod-tfstate',
    key: 'prod/vpc/terraform.tfstate',
    region: 'us-east-1',
    encrypt: 'true',
    lock_table: 'locks',
    s3_bucket_tags: { Owner: 'platform' },
    dynamodb_table_tags: { Owner: 'platform' },
    skip_bucket_versioning: true,
    skip_bucket_root_access: true,
    endpoints: { sts: 'http://sts', s3: 'http://s3' },
    assume_role: { role_arn: 'arn:aws:iam::1:role/state', session_name: 'tg' },
    allowed_account_ids: ['1', '2'],
  };

  it('keeps only what terraform accepts: Terragrunt-only keys removed, lock_table renamed, string bools made bools', () => {
    expect(terraformBackendConfig('s3', config)).toEqual({
      bucket: 'acme-prod-tfstate', key: 'prod/vpc/terraform.tfstate', region: 'us-east-1', encrypt: true, dynamodb_table: 'locks',
      endpoints: { sts: 'http://sts', s3: 'http://s3' }, assume_role: { role_arn: 'arn:aws:iam::1:role/state', session_name: 'tg' }, allowed_account_ids: ['1', '2'],
    });
    expect(terraformBackendConfig('gcs', { bucket: 'b', prefix: 'p', project: 'x', location: 'EU', gcs_bucket_labels: {} })).toEqual({ bucket: 'b', prefix: 'p' });
    expect(terraformBackendConfig('local', { path: 'x', skip_bucket_versioning: true })).toEqual({ path: 'x', skip_bucket_versioning: true });
  });

  it('is written as Terragrunt writes it: keys sorted at every level, objects over lines, lists on one, aligned', () => {
    const block = renderBackendBlock('s3', config);
    expect(block).toBe(`terraform {
  backend "s3" {
    allowed_account_ids = ["1", "2"]
    assume_role = {
      role_arn     = "arn:aws:iam::1:role/state"
      session_name = "tg"
    }
    bucket         = "acme-prod-tfstate"
    dynamodb_table = "locks"
    encrypt        = true
    endpoints = {
      s3  = "http://s3"
      sts = "http://sts"
    }
    key    = "prod/vpc/terraform.tfstate"
    region = "us-east-1"
  }
}
`);
    expect(terraformFmt(block)).toBe(block);
  });

  it('without generate, reaches `terraform init` as -backend-config arguments (filtered); disable_init means -backend=false', () => {
    const remoteState = { backend: 's3', config: { bucket: 'b', key: 'k', s3_bucket_tags: { a: 'b' }, encrypt: true }, disableInit: false, disableDependencyOptimization: false };
    expect(terraformArgs({ command: 'init', args: [], extraArguments: [], moduleDir: '/m', runAll: false, remoteState }))
      .toEqual(['init', '-backend-config=bucket=b', '-backend-config=key=k', '-backend-config=encrypt=true']);
    expect(terraformArgs({ command: 'init', args: [], extraArguments: [], moduleDir: '/m', runAll: false, remoteState: { ...remoteState, disableInit: true } }))
      .toEqual(['init', '-backend=false']);
    expect(terraformArgs({ command: 'init', args: [], extraArguments: [], moduleDir: '/m', runAll: false, remoteState: { ...remoteState, generate: { path: 'backend.tf', ifExists: 'overwrite' } } }))
      .toEqual(['init']);
  });
});

describe('generate', () => {
  const gen = (over: Partial<GenerateConfig>): GenerateConfig => ({
    name: 'provider', path: 'provider.tf', ifExists: 'overwrite_terragrunt', contents: 'provider "aws" {\nregion = "x"\n}\n',
    commentPrefix: '# ', disableSignature: false, disable: false, ...over,
  });

  it('writes the signature line first and formats .tf files; other files as written unless hcl_fmt = true', () => {
    const d = tmp();
    writeGenerated(d, gen({}), () => {});
    expect(readFileSync(path.join(d, 'provider.tf'), 'utf8')).toBe(`# ${SIGNATURE}\nprovider "aws" {\n  region = "x"\n}\n`);
    writeGenerated(d, gen({ name: 'n', path: 'notes.txt', commentPrefix: '// ', contents: 'a  =  1\n' }), () => {});
    expect(readFileSync(path.join(d, 'notes.txt'), 'utf8')).toBe(`// ${SIGNATURE}\na  =  1\n`);
    writeGenerated(d, gen({ name: 'n', path: 'raw.tf', hclFmt: false, disableSignature: true, contents: 'a  =  1\n' }), () => {});
    expect(readFileSync(path.join(d, 'raw.tf'), 'utf8')).toBe('a  =  1\n');
  });

  it('overwrite_terragrunt replaces only a file whose first line carries the signature', () => {
    const d = tmp();
    writeFileSync(path.join(d, 'provider.tf'), `# edited by hand\n# ${SIGNATURE}\n`);
    expect(() => writeGenerated(d, gen({}), () => {})).toThrow('generate "provider": provider.tf exists and was not generated by Terragrunt/tgo (if_exists = "overwrite_terragrunt" only replaces generated files)');
    writeFileSync(path.join(d, 'provider.tf'), `// ${SIGNATURE}\nold\n`);
    writeGenerated(d, gen({}), () => {});
    expect(readFileSync(path.join(d, 'provider.tf'), 'utf8')).toContain('region = "x"');
  });

  it('a file already holding exactly what would be written is left alone (its mtime stays); any difference rewrites it', () => {
    const d = tmp();
    const file = path.join(d, 'provider.tf');
    const logs: string[] = [];
    writeGenerated(d, gen({}), (m) => logs.push(m));
    // A timestamp far in the past: a rewrite would move it, whatever the filesystem's clock resolution.
    utimesSync(file, 1000, 1000);
    writeGenerated(d, gen({}), (m) => logs.push(m));
    expect(statSync(file).mtimeMs).toBe(1_000_000);
    expect(logs).toEqual(['generate "provider": wrote provider.tf', 'generate "provider": provider.tf is up to date']);
    writeGenerated(d, gen({ contents: 'provider "aws" {\n  region = "y"\n}\n' }), () => {});
    expect(statSync(file).mtimeMs).not.toBe(1_000_000);
    expect(readFileSync(file, 'utf8')).toContain('region = "y"');
  });

  it('skip keeps the file, error refuses, overwrite replaces anything', () => {
    const d = tmp();
    writeFileSync(path.join(d, 'provider.tf'), 'mine\n');
    writeGenerated(d, gen({ ifExists: 'skip' }), () => {});
    expect(readFileSync(path.join(d, 'provider.tf'), 'utf8')).toBe('mine\n');
    expect(() => writeGenerated(d, gen({ ifExists: 'error' }), () => {})).toThrow(/provider\.tf already exists in .* and if_exists = "error"/);
    writeGenerated(d, gen({ ifExists: 'overwrite' }), () => {});
    expect(readFileSync(path.join(d, 'provider.tf'), 'utf8')).toContain(SIGNATURE);
  });

  it('disable with if_disabled: skip leaves the file, remove deletes it, remove_terragrunt deletes only a generated one', () => {
    const d = tmp();
    const f = path.join(d, 'provider.tf');
    writeFileSync(f, 'mine\n');
    writeGenerated(d, gen({ disable: true }), () => {});
    expect(existsSync(f)).toBe(true);
    expect(() => writeGenerated(d, gen({ disable: true, ifDisabled: 'remove_terragrunt' }), () => {})).toThrow(/was not generated by Terragrunt/);
    writeGenerated(d, gen({ disable: true, ifDisabled: 'remove' }), () => {});
    expect(existsSync(f)).toBe(false);
    writeGenerated(d, gen({}), () => {});
    writeGenerated(d, gen({ disable: true, ifDisabled: 'remove_terragrunt' }), () => {});
    expect(existsSync(f)).toBe(false);
  });
});

describe('the working directory', () => {
  it('copies the source, then the unit\'s files without hidden ones (except .terraform.lock.hcl), honouring include/exclude_from_copy', async () => {
    const root = writeStack({
      'modules/net/main.tf': 'output "x" { value = 1 }\n',
      'modules/shared/README.md': 'shared\n',
      'unit/terragrunt.hcl': 'terraform {\n  source = "../modules//net"\n  include_in_copy = [".python-version", "config/.env"]\n  exclude_from_copy = ["docs", "*.bak"]\n}\ninputs = {\n  a = null\n  b = 1\n}\n',
      'unit/extra.tf': '# extra\n',
      'unit/.terraform.lock.hcl': '# lock\n',
      'unit/.secret': 'no\n',
      'unit/.python-version': '3.12\n',
      'unit/config/.env': 'X=1\n',
      'unit/config/app.yaml': 'a: 1\n',
      'unit/docs/guide.md': 'doc\n',
      'unit/old.bak': 'old\n',
    });
    dirs.push(root);
    mkdirSync(path.join(root, 'unit', '.terraform'), { recursive: true });
    const cfg = new ConfigLoader({ workingDir: root, env: {}, terraformCommand: 'plan', terraformArgs: [] }).loadModule(path.join(root, 'unit'));
    const wd = await prepareWorkingDir(cfg, { command: 'plan', log: () => {}, fetcher: new SourceFetcher({ env: {} }) });
    expect(path.basename(wd)).toBe('net');
    expect(path.relative(path.join(root, 'unit'), wd).split(path.sep)[0]).toBe('.terragrunt-cache');
    const has = (p: string) => existsSync(path.join(wd, p));
    expect(['main.tf', 'extra.tf', 'terragrunt.hcl', '.terraform.lock.hcl', '.python-version', 'config/.env', 'config/app.yaml'].filter((p) => !has(p))).toEqual([]);
    expect(['.secret', '.terraform', 'docs', 'old.bak'].filter(has)).toEqual([]);
    expect(existsSync(path.join(wd, '..', 'shared', 'README.md'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(wd, '.terragrunt-null-vars.auto.tfvars.json'), 'utf8'))).toEqual({ a: null });
  });
});

describe('terraform arguments and inputs', () => {
  const ea = (over: Partial<ExtraArguments>): ExtraArguments => ({ name: 'x', commands: ['plan', 'apply'], arguments: [], requiredVarFiles: [], optionalVarFiles: [], envVars: {}, ...over });

  it('extra_arguments go after the command, each block\'s arguments then its var files (duplicates: the last kept, missing optional ones skipped)', () => {
    const d = tmp();
    writeFileSync(path.join(d, 'a.tfvars'), '');
    writeFileSync(path.join(d, 'b.tfvars'), '');
    const extra = [
      ea({ name: 'vars', arguments: ['-var', 'x=1'], requiredVarFiles: ['a.tfvars', 'b.tfvars', 'a.tfvars'], optionalVarFiles: ['missing.tfvars', 'b.tfvars'] }),
      ea({ name: 'lock', arguments: ['-lock-timeout=5m'] }),
      ea({ name: 'init-only', commands: ['init'], arguments: ['-upgrade'] }),
    ];
    expect(terraformArgs({ command: 'plan', args: ['-out', 'p'], extraArguments: extra, moduleDir: d, runAll: false }))
      .toEqual(['plan', '-var', 'x=1', `-var-file=${d}/b.tfvars`, `-var-file=${d}/a.tfvars`, `-var-file=${d}/b.tfvars`, '-lock-timeout=5m', '-out', 'p']);
    // Applying a saved plan takes no variables: -var* arguments and var files are left out (Terragrunt's GH-493 rule).
    expect(terraformArgs({ command: 'apply', args: ['p'], extraArguments: extra, moduleDir: d, runAll: false }))
      .toEqual(['apply', '-lock-timeout=5m', 'p']);
  });

  it('inputs: strings raw, everything else as Go\'s json.Marshal writes it, with ${ escaped; nulls and user-set TF_VAR_ left alone', () => {
    expect(encodeInput('a "raw" ${string}')).toBe('a "raw" ${string}');
    expect(encodeInput({ z: 1, a: ['<b>&', 'x${y}', '$${kept}'], m: { k: null, b: true } }))
      .toBe('{"a":["\\u003cb\\u003e\\u0026","x$${y}","$${kept}"],"m":{"b":true,"k":null},"z":1}');
    expect(encodeInput(1.5)).toBe('1.5');
    expect(inputsToEnv({ a: 'x', b: null, c: [1], d: 'mine' }, { TF_VAR_d: 'user' })).toEqual({ TF_VAR_a: 'x', TF_VAR_c: '[1]' });
  });
});
