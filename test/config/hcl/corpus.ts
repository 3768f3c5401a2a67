// Realistic terragrunt.hcl snippets, used by the hcl2json oracle test and as seeds for fuzzing. They refer
// only to the roots and stub functions in helpers.ts, so every attribute evaluates.
export const CORPUS: Array<{ name: string; text: string }> = [
  {
    name: 'root include with expose',
    text: `include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}
`,
  },
  {
    name: 'two includes with merge strategy',
    text: `include "root" {
  path = find_in_parent_folders()
}

include "envcommon" {
  path           = "\${dirname(find_in_parent_folders())}/_envcommon/vpc.hcl"
  merge_strategy = "deep"
}
`,
  },
  {
    name: 'locals with references and functions',
    text: `locals {
  env_vars     = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  env          = local.env
  region       = local.region
  name_prefix  = "\${local.env}-\${local.region}"
  account_id   = get_aws_account_id()
  is_prod      = local.env == "prod"
  replicas     = local.env == "prod" ? 3 : 1
}
`,
  },
  {
    name: 'terraform source with ref and hooks',
    text: `terraform {
  source = "git::git@github.com:acme/infrastructure-modules.git//networking/vpc?ref=v0.8.1"

  extra_arguments "common_vars" {
    commands  = get_terraform_commands_that_need_vars()
    arguments = ["-var-file=\${get_terragrunt_dir()}/../common.tfvars"]
  }

  before_hook "fmt" {
    commands = ["plan", "apply"]
    execute  = ["terraform", "fmt", "-check"]
  }

  after_hook "notify" {
    commands     = ["apply"]
    execute      = ["echo", "done"]
    run_on_error = true
  }
}
`,
  },
  {
    name: 'dependency with mock outputs',
    text: `dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_id             = "vpc-00000000"
    private_subnet_ids = ["subnet-aaaa", "subnet-bbbb"]
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  skip_outputs                            = false
}

inputs = {
  vpc_id     = dependency.vpc.outputs.vpc_id
  subnet_ids = dependency.vpc.outputs.private_subnet_ids
}
`,
  },
  {
    name: 'dependencies block',
    text: `dependencies {
  paths = ["../vpc", "../rds", "../../shared/kms"]
}
`,
  },
  {
    name: 'remote state s3',
    text: `remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket         = "acme-\${local.account_id}-tf-state"
    key            = "\${path_relative_to_include()}/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
    s3_bucket_tags = {
      owner = "terragrunt"
      name  = "Terraform state storage"
    }
  }
}
`,
  },
  {
    name: 'generate provider with heredoc',
    text: `generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
provider "aws" {
  region = "\${local.region}"

  default_tags {
    tags = {
      Environment = "\${local.env}"
    }
  }
}
EOF
}
`,
  },
  {
    name: 'generate with indented heredoc and directives',
    text: `generate "versions" {
  path      = "versions_override.tf"
  if_exists = "overwrite"
  contents  = <<-EOF
    terraform {
      required_providers {
    %{ for name in ["aws", "random"] ~}
        \${name} = {
          source = "hashicorp/\${name}"
        }
    %{ endfor ~}
      }
    }
  EOF
}
`,
  },
  {
    name: 'inputs with for expressions',
    text: `inputs = {
  azs             = local.azs
  private_subnets = [for i, az in local.azs : "10.0.\${i}.0/24" if az != "eu-west-1c"]
  upper_azs       = [for az in local.azs : upper(az)]
  az_index        = { for i, az in local.azs : az => i }
  tags            = merge(local.tags, { Name = "\${local.name}-\${local.env}" })
}
`,
  },
  {
    name: 'object for with grouping',
    text: `locals {
  by_size = { for inst in local.instances : inst.size => inst.name... }
  names   = local.instances[*].name
  sizes   = local.instances.*.size
}
`,
  },
  {
    name: 'nested objects and lists',
    text: `inputs = {
  cluster = {
    name    = "main"
    version = "1.29"
    node_groups = {
      default = {
        instance_types = ["m6i.large", "m6a.large"]
        scaling = { min = 1, max = 5, desired = 2 }
      }
      spot = {
        instance_types = ["c6i.large"]
        capacity_type  = "SPOT"
        scaling        = { min = 0, max = 10, desired = 0 }
      }
    }
  }
  enabled = true
  ratio   = 0.75
  big     = 1e6
  nothing = null
}
`,
  },
  {
    name: 'templates with if directives',
    text: `locals {
  banner  = "%{ if local.enabled }enabled%{ else }disabled%{ endif } in \${local.env}"
  suffix  = "%{ if local.env != "prod" }-\${local.env}%{ endif }"
  listing = "%{ for k, v in local.tags }\${k}=\${v};%{ endfor }"
}
`,
  },
  {
    name: 'strip markers in quoted templates',
    text: `inputs = {
  compact = "a   \${~ local.name ~}   b"
  lines   = "x %{~ if true ~} y %{~ endif ~} z"
}
`,
  },
  {
    name: 'escapes',
    text: `inputs = {
  quoted   = "say \\"hi\\"\\n\\ttab \\\\ back"
  literal  = "use $\${var.x} and %%{ directive }"
  unicode  = "caf\\u00e9 \\U0001F680"
  policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}
`,
  },
  {
    name: 'conditionals and operators',
    text: `locals {
  size       = local.env == "prod" ? "large" : "small"
  count      = local.enabled && local.count > 2 ? local.count * 2 : 1
  percent    = (local.count + 1) * 100 / 4 % 7
  negative   = -local.count
  not        = !local.enabled || false
  comparison = [1 < 2, 2 <= 2, 3 > 4, 5 >= 5, "a" == "a", 1 != 2]
}
`,
  },
  {
    name: 'try and can',
    text: `locals {
  maybe      = try(local.missing_key, "default")
  nested     = try(local.tags.Team, local.tags.Owner)
  has_subnet = can(local.subnets.private[0])
  safe       = try(dependency.db.outputs.endpoint, null)
}
`,
  },
  {
    name: 'splat and index forms',
    text: `inputs = {
  first_az   = local.azs[0]
  second     = local.azs.1
  public     = local.subnets["public"]
  all_names  = local.instances[*].name
  dyn        = local.tags[local.key_name == "dynamic_key" ? "Owner" : "Env"]
  from_fn    = split(",", "a,b,c")[2]
}
`,
  },
  {
    name: 'include values',
    text: `inputs = {
  project = include.root.locals.project
  bucket  = include.root.locals["state_bucket"]
  merged  = merge(include.root.inputs, { extra = true })
}
`,
  },
  {
    name: 'one-line blocks and comments',
    text: `# Managed by terragrunt
terraform { source = "../../modules//app" } // module

/* dependencies
   are declared below */
dependency "db" { config_path = "../db" }

inputs = {
  # comment inside an object
  db_endpoint = dependency.db.outputs.endpoint // trailing
  port        = dependency.db.outputs.port /* inline */
}
`,
  },
  {
    name: 'iam role and retry settings',
    text: `iam_role = "arn:aws:iam::\${local.account_id}:role/terragrunt"
iam_assume_role_duration = 3600
retryable_errors = [
  "(?s).*Error installing provider.*TLS handshake timeout.*",
  "(?s).*ssh_exchange_identification.*Connection closed by remote host.*",
]
retry_max_attempts = 3
prevent_destroy = local.env == "prod"
skip = false
`,
  },
  {
    name: 'feature flags and exclude',
    text: `feature "enable_monitoring" {
  default = true
}

exclude {
  if      = local.env == "dev"
  actions = ["apply", "destroy"]
}
`,
  },
  {
    name: 'errors block',
    text: `errors {
  retry "transient" {
    retryable_errors   = [".*Rate exceeded.*", ".*timeout.*"]
    max_attempts       = 5
    sleep_interval_sec = 10
  }

  ignore "known_safe" {
    ignorable_errors = [".*already exists.*"]
    message          = "Ignoring known error"
    signals = {
      alert = false
    }
  }
}
`,
  },
  {
    name: 'heredoc inside an object',
    text: `inputs = {
  user_data = <<-EOT
    #!/bin/bash
    echo "env=\${local.env}"
    %{ if local.enabled }
    systemctl start app
    %{ endif }
  EOT
  motd = <<EOT
Welcome to \${upper(local.name)}
EOT
}
`,
  },
  {
    name: 'object keys: quoted, parenthesised, colon',
    text: `inputs = {
  "quoted-key"      = 1
  (local.key_name)  = 2
  colon: 3
  "\${local.env}_x" = 4
  nested = {
    "a.b" = { c = [1, 2, { d = "e" }] }
  }
}
`,
  },
  {
    name: 'function calls with expansion',
    text: `locals {
  joined   = join("-", local.azs)
  all      = concat(local.subnets.private, local.subnets.public)
  expanded = max([3, 9, 4]...)
  lookedup = lookup(local.tags, "Missing", "fallback")
  nested   = upper(lower(trimspace("  MiXeD  ")))
  formatted = format("%s-%d", local.name, local.count)
}
`,
  },
  {
    name: 'multi-line expressions in brackets',
    text: `inputs = {
  list = [
    "a",
    "b",
  ]
  call = merge(
    local.tags,
    {
      Extra = "yes"
    },
  )
  math = (
    local.count +
    2
  )
  cond = (local.enabled
    ? "on"
    : "off")
}
`,
  },
  {
    name: 'stack-style unit blocks',
    text: `unit "vpc" {
  source = "git::git@github.com:acme/catalog.git//units/vpc?ref=v1.0.0"
  path   = "vpc"
  values = {
    cidr = local.cidr
  }
}

unit "app" {
  source = "../../catalog/units/app"
  path   = "app"
}
`,
  },
  {
    name: 'yaml-driven locals',
    text: `locals {
  common      = yamldecode(file(find_in_parent_folders("common.yaml")))
  has_env     = fileexists("env.yaml")
  team        = local.tags.Owner
  env_name    = get_env("TG_ENV", "dev")
  other_env   = get_env("UNSET_VAR", "fallback")
}
`,
  },
  {
    name: 'generate backend with for directive over map',
    text: `generate "tags" {
  path      = "tags.auto.tfvars"
  if_exists = "overwrite"
  contents  = <<-EOT
    tags = {
    %{~ for k, v in local.tags }
      \${k} = "\${v}"
    %{~ endfor }
    }
  EOT
}
`,
  },
  {
    name: 'deeply nested for with conditions',
    text: `locals {
  matrix = [for az in local.azs : [for s in local.subnets.private : "\${az}/\${s}" if s != ""] if az != "eu-west-1b"]
  flat   = flatten([for k, v in local.subnets : [for cidr in v : { tier = k, cidr = cidr }]])
  lookup_map = { for pair in [["a", 1], ["b", 2]] : pair[0] => pair[1] }
}
`,
  },
  {
    name: 'inputs with null and empty values',
    text: `inputs = {
  empty_list   = []
  empty_map    = {}
  empty_string = ""
  null_value   = null
  from_local   = local.nothing
  coalesced    = coalesce(local.nothing, "x")
  len          = length(local.empty)
}
`,
  },
  {
    name: 'catalog and engine blocks',
    text: `catalog {
  urls = [
    "https://github.com/acme/terraform-aws-modules",
    "https://github.com/acme/catalog",
  ]
}

engine {
  source  = "github.com/gruntwork-io/terragrunt-engine-opentofu"
  version = "v0.0.15"
  type    = "rpc"
  meta = {
    key = "value"
  }
}
`,
  },
];
