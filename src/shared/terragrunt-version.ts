// The Terragrunt version tgo implements: the reference snapshot its behaviour is checked against (current
// semantics, with the classic v0.55 flag names and attributes still accepted). terragrunt_version_constraint is
// checked against it, as Terragrunt checks its own version.
export const TERRAGRUNT_VERSION = '1.1.3';
