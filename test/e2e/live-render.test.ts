/**
 * `tgo render-json` over fixtures/live, unit by unit, against golden files (test/config/golden/live/<unit>.json,
 * regenerated with TGO_UPDATE_GOLDEN=1 — see test/config/golden/README.md), plus the specific values Terragrunt
 * produces for this tree, asserted one by one so that a golden can never just bless whatever tgo printed.
 *
 * Nothing runs here: no terraform, no STS. Attributes that read dependency outputs are shown evaluated with the
 * dependencies' mock_outputs (`rendered_with_mock_outputs`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, copyFixture, REPO, tgo } from '../support/tgo.js';

type Json = Record<string, unknown>;
const GOLDEN = path.join(REPO, 'test', 'config', 'golden', 'live');
const UPDATE = process.env.TGO_UPDATE_GOLDEN === '1';
const UNITS = [
  'non-prod/us-east-1/dev/app',
  'non-prod/us-east-1/dev/db',
  'non-prod/us-east-1/dev/vpc',
  'prod/eu-west-1/prod/app',
  'prod/eu-west-1/prod/vpc',
  'shared/us-east-1/mgmt/dns',
];

let repo: string;
let rendered: Record<string, Json>;

/** Machine-specific parts replaced: the copy's location and the default session name's timestamp. */
function normalize(text: string): Json {
  return JSON.parse(text.split(repo).join('<repo>').replace(/"terragrunt-\d+"/g, '"terragrunt-<unix-nanoseconds>"')) as Json;
}

beforeAll(async () => {
  repo = copyFixture('live');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@acme.example', '-c', 'user.name=ci', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'live');
  const r = await tgo(['render-json', '--all'], { cwd: path.join(repo, 'live'), env: baseEnv() });
  if (r.code !== 0) throw new Error(`render-json --all failed:\n${r.stderr}`);
  rendered = normalize(r.stdout) as Record<string, Json>;
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('render-json goldens', () => {
  it('renders every unit of the tree', () => {
    expect(Object.keys(rendered).sort()).toEqual(UNITS);
  });

  for (const unit of UNITS) {
    it(unit, () => {
      const file = path.join(GOLDEN, `${unit}.json`);
      if (UPDATE) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(rendered[unit], null, 2)}\n`);
      }
      expect(existsSync(file), `${file} is missing: run with TGO_UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(rendered[unit]).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }

  it('rendering one unit from its own directory gives the same as --all', async () => {
    const r = await tgo(['render-json'], { cwd: path.join(repo, 'live', 'prod/eu-west-1/prod/app'), env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    const single = normalize(r.stdout);
    // Paths are shown relative to where tgo runs; everything else is the same.
    expect(single.config_path).toBe('terragrunt.hcl');
    expect(single.resolved_role).toMatchObject({ role_arn: { source: 'terragrunt.hcl:12' }, duration_seconds: { value: 1800, source: 'terragrunt.hcl:13' } });
    const strip = ({ config_path: _a, includes: _b, dependencies: _c, dependency: _d, resolved_role: _e, ...rest }: Json) => rest;
    expect(strip(single)).toEqual(strip(rendered['prod/eu-west-1/prod/app']!));
  });
});

describe('the values Terragrunt produces for this tree', () => {
  const unit = (u: string) => rendered[u]! as {
    inputs: Json; iam_role: string; iam_assume_role_duration: unknown; locals: Json; terraform: Json & { source: string; extra_arguments: Json };
    remote_state: { config: Json }; generate: Record<string, { path: string; contents: string; comment_prefix: string }>; includes: Json[];
    dependency: Record<string, Json>; dependencies: { paths: string[] }; resolved_role: { role_arn: { value: string; source: string } };
  };

  it('path_relative_to_include() in root.hcl is the unit\'s path below root.hcl: the state key and record_name', () => {
    for (const u of UNITS) {
      expect(unit(u).remote_state.config.key).toBe(`${u}/terraform.tfstate`);
      expect(unit(u).inputs.record_name).toBe(u);
    }
  });

  it('iam_role comes from the account\'s locals through root.hcl; prod/app\'s own iam_role and duration win', () => {
    expect(unit('shared/us-east-1/mgmt/dns').iam_role).toBe('arn:aws:iam::111111111111:role/shared-infra-deployer');
    expect(unit('non-prod/us-east-1/dev/db').iam_role).toBe('arn:aws:iam::222222222222:role/terragrunt-deployer');
    expect(unit('prod/eu-west-1/prod/vpc').iam_role).toBe('arn:aws:iam::333333333333:role/terragrunt-deployer');
    expect(unit('prod/eu-west-1/prod/app').iam_role).toBe('arn:aws:iam::333333333333:role/prod-web-deployer');
    expect(unit('prod/eu-west-1/prod/app').iam_assume_role_duration).toBe(1800);
    expect(unit('prod/eu-west-1/prod/app').resolved_role.role_arn.source).toBe('prod/eu-west-1/prod/app/terragrunt.hcl:12');
    expect(unit('prod/eu-west-1/prod/vpc').resolved_role.role_arn.source).toBe('included root.hcl:44');
  });

  it('a shallow root include loses to the deep-merged envcommon + unit: root\'s tags map is replaced whole', () => {
    // envcommon (deep) is merged into the unit first; root (shallow) then sees `tags` set below it and keeps none of its own.
    expect(unit('non-prod/us-east-1/dev/vpc').inputs.tags).toEqual({ Component: 'network' });
    // dev/db builds its tags from include.root.locals.common_tags and adds two.
    expect(unit('non-prod/us-east-1/dev/db').inputs.tags).toEqual({
      Account: 'non-prod', Backup: 'daily', CostAllocation: 'engineering', Environment: 'dev', ManagedBy: 'terragrunt', Owner: 'platform-team', Region: 'us-east-1', Tier: 'data', Unit: 'db',
    });
    // prod/app sets no tags: root's stay.
    expect(unit('prod/eu-west-1/prod/app').inputs.tags).toEqual({
      Account: 'prod', CostAllocation: 'production', DataClassification: 'confidential', Environment: 'prod', ManagedBy: 'terragrunt', Owner: 'platform-team', Region: 'eu-west-1', Unit: 'app',
    });
  });

  it('deep merge with the envcommon file: maps merge key by key (child wins), lists concatenate', () => {
    expect(unit('non-prod/us-east-1/dev/vpc').inputs.availability_zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(unit('prod/eu-west-1/prod/vpc').inputs.availability_zones).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(unit('non-prod/us-east-1/dev/app').inputs.environment_variables).toEqual({
      LOG_LEVEL: 'debug', AWS_REGION: 'us-east-1', HOSTNAME: 'dev.acme.example', FEATURE_FLAGS: 'dark-mode,new-checkout', JAVA_OPTS: '-Dconfig.file=${CONFIG_DIR}/app.conf',
    });
    expect(unit('non-prod/us-east-1/dev/app').inputs.alarm_thresholds).toEqual({ cpu: 95, memory: 85 });
    expect(unit('prod/eu-west-1/prod/app').inputs.environment_variables).toEqual({ LOG_LEVEL: 'warn', AWS_REGION: 'eu-west-1', HOSTNAME: 'www.acme.example' });
    expect(unit('non-prod/us-east-1/dev/db').inputs.parameters).toEqual({
      log_min_duration_statement: '500', shared_buffers: '{DBInstanceClassMemory/32768}', log_statement: 'ddl',
    });
    // A null input stays null (Terragrunt passes it through the null-vars file).
    expect(unit('non-prod/us-east-1/dev/db').inputs.backup_window).toBeNull();
  });

  it('locals are the unit\'s own; locals from for-expressions, templatefile, jsondecode(file()) and run_cmd evaluated', () => {
    expect(unit('shared/us-east-1/mgmt/dns').locals).toEqual({
      org: { name: 'acme', terraform_version_constraint: '>= 1.5.0', default_tags: { Owner: 'platform-team', ManagedBy: 'terragrunt' }, dns_domain: 'acme.example' },
      modules_repo: 'git::ssh://git@github.com/acme/infrastructure-modules.git',
    });
    expect(unit('non-prod/us-east-1/dev/app').locals).toEqual({});
    expect(unit('non-prod/us-east-1/dev/app').inputs.image).toBe('registry.acme.example/web:1.5.0-rc.3');
    expect(unit('prod/eu-west-1/prod/app').inputs.image).toBe('registry.acme.example/web:1.4.2');
    expect(unit('non-prod/us-east-1/dev/vpc').generate.context!.contents).toContain('      Unit = "vpc"\n');
  });

  it('sources: a local source from the envcommon file, the unit\'s own relative source, and the git source with ?ref', () => {
    expect(unit('non-prod/us-east-1/dev/vpc').terraform.source).toBe('<repo>/live/../modules//vpc');
    expect(unit('prod/eu-west-1/prod/vpc').terraform.source).toBe('../../../../../modules//vpc');
    expect(unit('non-prod/us-east-1/dev/app').terraform.source).toBe('<repo>/modules//app');
    expect(unit('shared/us-east-1/mgmt/dns').terraform.source).toBe('git::ssh://git@github.com/acme/infrastructure-modules.git//dns?ref=v1');
  });

  it('extra_arguments: root\'s blocks in order, prod/vpc\'s retry_lock replacing root\'s in place', () => {
    expect(Object.keys(unit('prod/eu-west-1/prod/vpc').terraform.extra_arguments)).toEqual(['common_vars', 'retry_lock', 'init_env']);
    expect(unit('prod/eu-west-1/prod/vpc').terraform.extra_arguments.retry_lock).toMatchObject({ arguments: ['-lock-timeout=20m'] });
    expect(unit('prod/eu-west-1/prod/app').terraform.extra_arguments.retry_lock).toMatchObject({ arguments: ['-lock-timeout=5m'] });
    expect(unit('prod/eu-west-1/prod/vpc').terraform.extra_arguments.common_vars).toMatchObject({
      required_var_files: ['<repo>/live/common.tfvars'],
      optional_var_files: ['<repo>/live/prod/account.tfvars', '<repo>/live/prod/eu-west-1/prod/vpc/prod.tfvars'],
    });
  });

  it('dependency blocks: envcommon\'s and the unit\'s by name; dependencies.paths add to them', () => {
    expect(Object.keys(unit('non-prod/us-east-1/dev/app').dependency)).toEqual(['vpc', 'dns', 'db']);
    expect(unit('non-prod/us-east-1/dev/app').dependency.db).toMatchObject({ mock_outputs_merge_strategy_with_state: 'shallow', mock_outputs_allowed_terraform_commands: null });
    expect(unit('non-prod/us-east-1/dev/app').dependencies.paths).toEqual(['non-prod/us-east-1/dev/vpc', 'shared/us-east-1/mgmt/dns', 'non-prod/us-east-1/dev/db']);
    expect(unit('non-prod/us-east-1/dev/db').dependency.vpc).toMatchObject({ config_path: 'non-prod/us-east-1/dev/vpc', mock_outputs_allowed_terraform_commands: ['validate', 'plan'] });
    // Inputs reading dependency outputs are rendered with the mocks.
    expect(unit('non-prod/us-east-1/dev/app').inputs).toMatchObject({ vpc_id: 'vpc-00000000000000000', dns_zone_id: 'Z00000000000000', database_read_url: 'none' });
  });

  it('generate: root\'s blocks everywhere, prod/vpc\'s own added with its comment prefix; the backend keeps Terragrunt-only keys in its config', () => {
    expect(Object.keys(unit('prod/eu-west-1/prod/vpc').generate)).toEqual(['versions', 'context', 'flow_logs']);
    expect(unit('prod/eu-west-1/prod/vpc').generate.flow_logs).toMatchObject({
      path: 'flow_logs.tf', comment_prefix: '// ', contents: 'output "flow_logs_destination" {\n  value = "arn:aws:s3:::acme-security-flow-logs/prod"\n}\n',
    });
    expect(Object.keys(unit('non-prod/us-east-1/dev/vpc').generate)).toEqual(['versions', 'context']);
    expect(unit('non-prod/us-east-1/dev/vpc').remote_state.config).toMatchObject({ bucket: 'acme-non-prod-tfstate', s3_bucket_tags: expect.any(Object) });
    expect(unit('non-prod/us-east-1/dev/vpc').remote_state.config).not.toHaveProperty('endpoints');
  });
});
