/**
 * The conformance suite: each file pins one group of Terragrunt behaviours that its integration tests assert
 * (named in a comment per test), on our own small fixtures and, where terraform is involved, the real terraform
 * on PATH with the local backend (terraform_data and outputs only: nothing to download).
 */
import { afterAll, vi } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, tgo, type TgoResult } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

// Real terraform on a loaded 2-core machine: a test may take minutes, never because tgo waits on a clock.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A stack of our own files in a temp dir, removed after the file's tests. */
export function fixture(files: Record<string, string | object>): string {
  const root = writeStack(files);
  roots.push(root);
  return root;
}

/** tgo as a user runs it, with the real terraform on PATH. */
export function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<TgoResult> {
  return tgo(args, { cwd, env: baseEnv({ TF_IN_AUTOMATION: '1', ...env }) });
}

/** `output -json` of a module as a plain object of values. */
export async function outputs(cwd: string, env: Record<string, string | undefined> = {}): Promise<Record<string, unknown>> {
  const r = await run(['output', '-json'], cwd, env);
  if (r.code !== 0) throw new Error(`tgo output failed (${r.code}): ${r.stderr}`);
  return Object.fromEntries(Object.entries(JSON.parse(r.stdout) as Record<string, { value: unknown }>).map(([k, v]) => [k, v.value]));
}

/** Lines of a file written by hooks or scripts, or [] when it does not exist. */
export function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

/** Whether terraform ran in a tgo run (init, plan or apply said so). */
export const terraformRan = (r: TgoResult) =>
  /Terraform has been successfully initialized|Terraform will perform|Changes to Outputs|No changes\.|Apply complete/.test(`${r.stdout}\n${r.stderr}`);

/** Whether a module was ever applied (the local backend's state file exists). */
export const applied = (dir: string) => existsSync(path.join(dir, 'terraform.tfstate'));

/** Terraform code echoing its variables (name → type) as outputs, the usual way Terragrunt's fixtures check inputs. */
export function echoModule(vars: Record<string, string>): string {
  return Object.entries(vars).map(([v, type]) => `variable "${v}" {\n  type    = ${type}\n  default = null\n}\noutput "${v}" {\n  value = var.${v}\n}\n`).join('');
}
