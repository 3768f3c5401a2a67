/**
 * A live tree modelled on Terragrunt's Stacks documentation: a catalog with units (vpc, database, app) and an
 * `environment` stack of them, and a live stack file that instantiates the environment twice (dev, prod) with
 * values, plus one unit generated beside the stack file (no_dot_terragrunt_stack). The units only need
 * terraform_data and outputs, so real terraform runs them with a local backend.
 */
import { writeStack } from '../support/stack.js';

/** The module every unit uses: echoes its inputs as outputs. */
const MODULE = `
variable "name" { type = string }
variable "cidr" {
  type    = string
  default = ""
}
variable "upstream" {
  type    = string
  default = ""
}
resource "terraform_data" "this" {
  input = "\${var.name}|\${var.cidr}|\${var.upstream}"
}
output "name" { value = var.name }
output "summary" { value = terraform_data.this.output }
`;

/** A catalog unit whose inputs come from `values`; `dep` names a values key holding a dependency path. */
function unit(extra: string, dep?: string): string {
  const depBlock = dep
    ? `dependency "up" {
  config_path = values.${dep}
  mock_outputs = { name = "mock" }
}
`
    : '';
  return `terraform {
  source = "\${get_repo_root()}//modules/echo"
}
${depBlock}inputs = {
  name = values.name
${extra}}
`;
}

export function docsTree(): string {
  return writeStack({
    'modules/echo/main.tf': MODULE,
    'catalog/units/vpc/terragrunt.hcl': unit('  cidr = values.cidr\n'),
    'catalog/units/database/terragrunt.hcl': unit('  upstream = dependency.up.outputs.name\n', 'vpc_path'),
    'catalog/units/app/terragrunt.hcl': unit('  upstream = dependency.up.outputs.name\n', 'db_path'),
    // A reusable pattern: one environment = a vpc and a database that depends on it.
    'catalog/stacks/environment/terragrunt.stack.hcl': `locals {
  prefix = "\${values.environment}-"
}

unit "vpc" {
  // Relative to where this file is generated, not to the catalog: look the unit up from there.
  source = find_in_parent_folders("catalog/units/vpc")
  path   = "vpc"
  values = {
    name = "\${local.prefix}vpc"
    cidr = values.cidr
  }
}

unit "database" {
  source = "\${get_repo_root()}/catalog/units/database"
  path   = "database"
  values = {
    name     = "\${local.prefix}db"
    vpc_path = "../vpc"
  }
}
`,
    'live/terragrunt.stack.hcl': `stack "dev" {
  source = "../catalog/stacks/environment"
  path   = "dev"
  values = {
    environment = "dev"
    cidr        = "10.0.0.0/16"
  }
}

stack "prod" {
  source = "\${get_repo_root()}/catalog//stacks/environment"
  path   = "prod"
  values = {
    environment = "prod"
    cidr        = "10.1.0.0/16"
  }
}

unit "app" {
  source                  = "../catalog/units/app"
  path                    = "app"
  no_dot_terragrunt_stack = true
  values = {
    name    = "app"
    db_path = "\${stack.prod.path}/.terragrunt-stack/database"
  }
}
`,
  });
}
