// Stack generators for the benchmark, deterministic for a given seed.
//
// realisticStack(): a multi-account live/ tree shaped like fixtures/demo but bigger:
//   live/root.hcl                          locals read account.hcl + region.hcl (read_terragrunt_config of
//                                          find_in_parent_folders), iam_role per account, terraform.source,
//                                          generate "provider", remote_state with generate, merged inputs
//   live/modules/noop/main.tf              the terraform source every module points at
//   live/<account>/account.hcl             account_id, account_name, environment, tags
//   live/<account>/<region>/region.hcl     aws_region, azs
//   live/<account>/<region>/svc-NNN/terragrunt.hcl
//                                          include "root" (find_in_parent_folders, expose), 10 locals,
//                                          1–3 dependency blocks on earlier modules of the same region (the
//                                          first module of each region has none), 10 inputs of which some
//                                          read dependency outputs (mocked for plan)
//
// dagStack(): a bare random DAG for the scheduling figure: `dependencies { paths }` only, and a
// `bench-sleep` file per module holding the seconds the sleep fake terraform waits there.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a tiny deterministic PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'eu-north-1',
  'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-south-1', 'ca-central-1', 'sa-east-1', 'af-south-1', 'me-south-1'];
const ENVS = ['dev', 'staging', 'prod', 'sandbox', 'shared'];
const TIERS = ['network', 'data', 'backend', 'frontend', 'ops'];
const PER_REGION = 20;

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const pad = (n, w = 3) => String(n).padStart(w, '0');

const ROOT_HCL = `# Root configuration shared by every module: the account and region come from the folders above the module.
locals {
  account_vars = read_terragrunt_config(find_in_parent_folders("account.hcl"))
  region_vars  = read_terragrunt_config(find_in_parent_folders("region.hcl"))

  account_id   = local.account_vars.locals.account_id
  account_name = local.account_vars.locals.account_name
  aws_region   = local.region_vars.locals.aws_region
}

iam_role = "arn:aws:iam::\${local.account_id}:role/terragrunt-deployer"

terraform {
  source = "\${get_parent_terragrunt_dir()}/modules//noop"
}

generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
provider "aws" {
  region              = "\${local.aws_region}"
  allowed_account_ids = ["\${local.account_id}"]
}
EOF
}

remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket         = "tfstate-\${local.account_name}-\${local.aws_region}"
    key            = "\${path_relative_to_include()}/terraform.tfstate"
    region         = local.aws_region
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

inputs = merge(
  local.account_vars.locals,
  local.region_vars.locals,
  {
    managed_by = "terragrunt"
  },
)
`;

const NOOP_TF = `variable "name" {
  type    = string
  default = ""
}

output "id" {
  value = var.name
}
`;

function accountHcl(i, env) {
  const id = String(100000000000 + i * 7919).padStart(12, '0');
  return `locals {
  account_id   = "${id}"
  account_name = "${env}-${pad(i)}"
  environment  = "${env}"
  tags = {
    Environment = "${env}"
    CostCenter  = "cc-${pad(i, 4)}"
    Owner       = "platform-team"
  }
}
`;
}

function regionHcl(region) {
  return `locals {
  aws_region = "${region}"
  azs        = ["${region}a", "${region}b", "${region}c"]
}
`;
}

function moduleHcl(idx, deps, rand) {
  const name = `svc-${pad(idx)}`;
  const tier = TIERS[idx % TIERS.length];
  const lines = [];
  lines.push(`include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}

locals {
  name           = "${name}"
  tier           = "${tier}"
  env            = include.root.locals.account_vars.locals.environment
  region         = include.root.locals.aws_region
  full_name      = "\${local.env}-\${local.region}-\${local.name}"
  instance_count = ${1 + Math.floor(rand() * 5)}
  instance_type  = local.env == "prod" ? "m5.large" : "t3.small"
  cidr_block     = cidrsubnet("10.0.0.0/8", 8, ${idx % 256})
  ports          = [for p in range(3) : ${8000 + idx * 10} + p]
  tags           = merge(include.root.locals.account_vars.locals.tags, { Service = local.name, Tier = local.tier })
}
`);
  for (const d of deps) {
    const dn = `svc-${pad(d)}`;
    lines.push(`dependency "svc_${pad(d)}" {
  config_path = "../${dn}"

  mock_outputs = {
    id  = "mock-${dn}"
    arn = "arn:aws:mock:::${dn}"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
}
`);
  }
  const first = deps[0] === undefined ? null : `svc_${pad(deps[0])}`;
  const upstream = deps.map((d) => `dependency.svc_${pad(d)}.outputs.arn`).join(', ');
  lines.push(`inputs = {
  name              = local.full_name
  tier              = local.tier
  instance_count    = local.instance_count
  instance_type     = local.instance_type
  cidr_block        = local.cidr_block
  ports             = local.ports
  tags              = local.tags
  enable_monitoring = local.env == "prod"
  upstream_id       = ${first ? `dependency.${first}.outputs.id` : 'null'}
  upstream_arns     = [${upstream}]
}
`);
  return lines.join('\n');
}

/**
 * Write a realistic stack of `modules` modules over `accounts` accounts (default one account per 100 modules)
 * under `dir`/live; returns { live, modules: [dirs], accounts, roles } .
 */
export function realisticStack(dir, { modules, accounts = Math.max(1, Math.ceil(modules / 100)), seed = 42 }) {
  const rand = prng(seed);
  const live = path.join(dir, 'live');
  write(path.join(live, 'root.hcl'), ROOT_HCL);
  write(path.join(live, 'modules', 'noop', 'main.tf'), NOOP_TF);
  const dirs = [];
  const roles = new Set();
  let made = 0;
  for (let a = 0; a < accounts; a++) {
    const env = ENVS[a % ENVS.length];
    const accDir = path.join(live, `${env}-${pad(a)}`);
    write(path.join(accDir, 'account.hcl'), accountHcl(a, env));
    roles.add(a);
    // Modules of this account: an even share of the total, the remainder going to the first accounts.
    const share = Math.floor(modules / accounts) + (a < modules % accounts ? 1 : 0);
    const regions = Math.ceil(share / PER_REGION);
    let left = share;
    for (let r = 0; r < regions; r++) {
      const region = REGIONS[r % REGIONS.length] + (r >= REGIONS.length ? `-${Math.floor(r / REGIONS.length)}` : '');
      const regDir = path.join(accDir, region);
      write(path.join(regDir, 'region.hcl'), regionHcl(region));
      const count = Math.min(PER_REGION, left);
      left -= count;
      for (let k = 0; k < count; k++) {
        // 1–3 dependencies among the (up to) 8 modules before this one in the region; the first has none.
        const deps = new Set();
        if (k > 0) {
          const want = 1 + Math.floor(rand() * 3);
          const lo = Math.max(0, k - 8);
          for (let t = 0; t < 10 && deps.size < Math.min(want, k - lo); t++) deps.add(lo + Math.floor(rand() * (k - lo)));
        }
        const mdir = path.join(regDir, `svc-${pad(k)}`);
        write(path.join(mdir, 'terragrunt.hcl'), moduleHcl(k, [...deps].sort((x, y) => x - y), rand));
        dirs.push(mdir);
        made++;
      }
    }
  }
  if (made !== modules) throw new Error(`generator made ${made} modules, wanted ${modules}`);
  return { live, modules: dirs, accounts, roles: roles.size };
}

/**
 * A random DAG of `n` modules for the scheduling figure. Module i depends on 0–3 modules among the 30
 * before it (so the graph has long chains and wide levels); its work is a sleep drawn from [minS, maxS].
 * Returns { root, work: Map(dir → seconds), deps: Map(dir → [dirs]) }.
 */
export function dagStack(dir, { n = 200, seed = 7, minS = 0.1, maxS = 0.5 } = {}) {
  const rand = prng(seed);
  const root = path.join(dir, 'dag');
  const work = new Map();
  const deps = new Map();
  const name = (i) => `m${pad(i)}`;
  for (let i = 0; i < n; i++) {
    const d = new Set();
    if (i > 0) {
      const want = Math.floor(rand() * 4);
      const lo = Math.max(0, i - 30);
      for (let t = 0; t < 10 && d.size < Math.min(want, i - lo); t++) d.add(lo + Math.floor(rand() * (i - lo)));
    }
    const seconds = Math.round((minS + rand() * (maxS - minS)) * 1000) / 1000;
    const mdir = path.join(root, name(i));
    const paths = [...d].sort((x, y) => x - y).map((j) => `"../${name(j)}"`);
    write(path.join(mdir, 'terragrunt.hcl'), paths.length ? `dependencies {\n  paths = [${paths.join(', ')}]\n}\n` : '# no dependencies\n');
    write(path.join(mdir, 'bench-sleep'), `${seconds.toFixed(3)}\n`);
    work.set(mdir, seconds);
    deps.set(mdir, [...d].map((j) => path.join(root, name(j))));
  }
  return { root, work, deps };
}

/** Lower bound of a DAG's makespan: max(critical path, total work ÷ parallelism). */
export function lowerBound(work, deps, parallelism) {
  const finish = new Map();
  const ef = (m) => {
    if (finish.has(m)) return finish.get(m);
    const start = Math.max(0, ...(deps.get(m) ?? []).map(ef));
    const f = start + work.get(m);
    finish.set(m, f);
    return f;
  };
  let cp = 0;
  let total = 0;
  for (const m of work.keys()) {
    cp = Math.max(cp, ef(m));
    total += work.get(m);
  }
  const bound = Number.isFinite(parallelism) ? Math.max(cp, total / parallelism) : cp;
  return { criticalPath: cp, totalWork: total, bound };
}

/**
 * Figure 7: a git repository of `modules` units (5 environments), each including `_envcommon/common.hcl`, which
 * reads a file next to it with file(); with `repoFunctions` the include path and the common file call
 * get_repo_root() and get_path_from_repo_root() (as real trees do), without them the same values are literals.
 */
export function repoFunctionsStack(dir, { modules = 500, repoFunctions }) {
  const files = {
    '_envcommon/providers.tf': '# shared providers\n',
    '_envcommon/common.hcl': repoFunctions
      ? 'locals {\n  root = get_repo_root()\n  from = get_path_from_repo_root()\n  tf   = file("providers.tf")\n}\ninputs = {\n  root = local.root\n  from = local.from\n}\n'
      : `locals {\n  root = "${dir}"\n  from = "x"\n  tf   = file("providers.tf")\n}\ninputs = {\n  root = local.root\n  from = local.from\n}\n`,
  };
  for (let i = 0; i < modules; i++) {
    const at = repoFunctions ? '${get_repo_root()}/_envcommon/common.hcl' : `${dir}/_envcommon/common.hcl`;
    files[`live/env${i % 5}/svc${String(i).padStart(4, '0')}/terragrunt.hcl`] = `include "common" {\n  path = "${at}"\n}\n`;
  }
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  execFileSync('git', ['init', '-q', dir]);
  return { live: path.join(dir, 'live'), dirs: modules };
}

/**
 * Figure 8: a stack for the real terraform on an S3 backend (moto). `modules` modules in `layers` layers of equal
 * size; every module past the first layer has two `dependency` blocks on distinct modules of the layer before
 * (seeded) and reads one output of each. The code is `terraform_data` and outputs only: the backend is the
 * only thing init installs (no provider download). The bucket and moto's URL come from BENCH_BUCKET and
 * BENCH_MOTO_URL, so two copies of the same stack can keep their state apart.
 */
export function realTerraformStack(dir, { modules, layers = 4, seed = 5 }) {
  const rand = prng(seed);
  const root = path.join(dir, 'live');
  write(path.join(root, 'root.hcl'), `remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket                      = get_env("BENCH_BUCKET")
    key                         = "\${path_relative_to_include()}/terraform.tfstate"
    region                      = "us-east-1"
    use_path_style              = true
    skip_region_validation      = true
    skip_metadata_api_check     = true
    skip_credentials_validation = true
    skip_requesting_account_id  = true
    endpoints = {
      s3  = get_env("BENCH_MOTO_URL")
      sts = get_env("BENCH_MOTO_URL")
    }
  }
}
`);
  write(path.join(root, 'modules', 'unit', 'main.tf'), `variable "name" {
  type = string
}
variable "a" {
  type    = string
  default = ""
}
variable "b" {
  type    = string
  default = ""
}
resource "terraform_data" "this" {
  input = "\${var.name}(\${var.a},\${var.b})"
}
output "id" {
  value = terraform_data.this.output
}
output "name" {
  value = var.name
}
`);
  const per = Math.ceil(modules / layers);
  const name = (l, i) => `l${l}-m${pad(i)}`;
  const dirs = [];
  const deps = new Map();
  for (let l = 0; l < layers; l++) {
    const count = Math.min(per, modules - l * per);
    for (let i = 0; i < count; i++) {
      const mdir = path.join(root, name(l, i));
      const picked = [];
      if (l > 0) {
        const prev = Math.min(per, modules - (l - 1) * per);
        while (picked.length < Math.min(2, prev)) {
          const j = Math.floor(rand() * prev);
          if (!picked.includes(j)) picked.push(j);
        }
      }
      const blocks = picked.map((j, k) => `dependency "${k === 0 ? 'a' : 'b'}" {\n  config_path = "../${name(l - 1, j)}"\n}\n`).join('\n');
      const inputs = picked.length === 2 ? '  a    = dependency.a.outputs.id\n  b    = dependency.b.outputs.name\n' : '';
      write(path.join(mdir, 'terragrunt.hcl'), `include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../modules//unit"
}

${blocks}
inputs = {
  name = "${name(l, i)}"
${inputs}}
`);
      dirs.push(mdir);
      deps.set(mdir, picked.map((j) => path.join(root, name(l - 1, j))));
    }
  }
  return { root, modules: dirs, deps };
}
