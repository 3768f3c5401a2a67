// Terraform's commands grouped as Terragrunt groups them: the HCL functions get_terraform_commands_that_need_*
// return these lists, and tgo's own argument handling follows them (-input=false, …).

export const COMMANDS_NEED_VARS = ['apply', 'console', 'destroy', 'import', 'plan', 'push', 'refresh'];
export const COMMANDS_NEED_LOCKING = ['apply', 'destroy', 'import', 'plan', 'refresh', 'taint', 'untaint'];
export const COMMANDS_NEED_INPUT = ['apply', 'import', 'init', 'plan', 'refresh'];
export const COMMANDS_NEED_PARALLELISM = ['apply', 'plan', 'destroy'];
