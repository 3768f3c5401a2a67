/**
 * The real terraform behind a wrapper script that appends one line per process it starts (working dir, then
 * argv) to a log: how many terraform processes a run started, and which, without trusting tgo's own account.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TerraformCall {
  cwd: string;
  argv: string[];
}

export interface TerraformWrapper {
  /** The wrapper executable (pass with --terragrunt-tfpath). */
  path: string;
  calls(): TerraformCall[];
  /** Forget the calls so far. */
  reset(): void;
}

export function terraformWrapper(): TerraformWrapper {
  const real = execFileSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(path.join(tmpdir(), 'tgo-tfwrap-'));
  const log = path.join(dir, 'calls.log');
  const bin = path.join(dir, 'terraform');
  // One write per process (printf of a whole line), so concurrent modules do not interleave.
  writeFileSync(bin, `#!/bin/sh\nprintf '%s\\t%s\\n' "$PWD" "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(bin, 0o755);
  writeFileSync(log, '');
  return {
    path: bin,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8') : '').split('\n').filter(Boolean).map((l) => {
      const [cwd, args] = l.split('\t');
      return { cwd: cwd!, argv: args ? args.split(' ') : [] };
    }),
    reset: () => writeFileSync(log, ''),
  };
}
