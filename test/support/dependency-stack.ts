/**
 * A dependency with every kind of output and a dependent that echoes `jsonencode(dependency.dep.outputs)` as an
 * output, so a test can compare what tgo passed with terraform's own `terraform output -json` in the dependency.
 */
import { execFileSync } from 'node:child_process';

/** Every output type terraform has, a null (which terraform leaves out) and a sensitive one. */
export const DEP_OUTPUTS = `
output "s" { value = "str" }
output "n" { value = 1.5 }
output "b" { value = true }
output "l" { value = [1, "a"] }
output "m" { value = { a = 1, b = "x" } }
output "o" { value = { a = { b = [1, 2] }, c = null } }
output "nul" { value = null }
output "ws" { value = terraform.workspace }
output "sec" {
  value     = "hush"
  sensitive = true
}
`;
export const APP_TF = 'variable "got" {\n  type = string\n}\noutput "got" {\n  value = var.got\n}\n';
export const APP_HCL = (extra = '') => `dependency "dep" {\n  config_path = "../dep"\n${extra}}\ninputs = { got = jsonencode(dependency.dep.outputs) }\n`;

/** terraform's own `output -json` values in a dir (name → value). */
export function terraformOutputs(dir: string, env: Record<string, string> = {}): Record<string, unknown> {
  const out = execFileSync('terraform', ['output', '-json'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  return Object.fromEntries(Object.entries(JSON.parse(out) as Record<string, { value: unknown }>).map(([k, v]) => [k, v.value]));
}

