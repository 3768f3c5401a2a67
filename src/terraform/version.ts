// The terraform version terraform_version_constraint is checked against (shared/version-constraint.ts): asked with
// `terraform version -json`, once per binary per run.

import { execFile } from 'node:child_process';

const cache = new Map<string, Promise<string>>();

/** `terraform version -json` → "1.11.4"; cached per binary for the run. */
export function terraformVersion(bin: string, env: Record<string, string>): Promise<string> {
  let p = cache.get(bin);
  if (!p) {
    p = new Promise((resolve, reject) => {
      execFile(bin, ['version', '-json'], { env, timeout: 30_000 }, (err, stdout) => {
        if (err) return reject(new Error(`cannot run ${bin} version: ${err.message}`));
        try {
          resolve(String(JSON.parse(stdout).terraform_version));
        } catch {
          const m = /Terraform v(\S+)/.exec(stdout);
          if (m) resolve(m[1]!);
          else reject(new Error(`cannot read the version printed by ${bin} version`));
        }
      });
    });
    cache.set(bin, p);
  }
  return p;
}
