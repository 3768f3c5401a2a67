// `tgo hcl fmt` (classic `hclfmt`): from argv to exit code. Formatting itself is in src/hclfmt/.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFiles, formatSource } from '../hclfmt/run.js';
import { UsageError } from '../errors.js';
import type { LogLevel } from '../run/options.js';
import { parseCommandArgs } from './command-args.js';
import { HCL_FMT_FLAGS } from './flags.js';
import { reportError, SecretRegistry } from './kit.js';
import { logLevel } from './options.js';
import { fileFilters } from './filter-options.js';
import { describeSource } from '../shared/provenance.js';
import { flagBool, flagList, flagString } from './parse-args.js';

export function hclFmt(argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  let level: LogLevel = 'info';
  try {
    const p = parseCommandArgs(argv, env, HCL_FMT_FLAGS, 'hcl fmt', 'hcl:format');
    level = logLevel(p);
    const workingDir = path.resolve(process.cwd(), flagString(p, 'workingDir')?.value ?? '.');
    const file = flagString(p, 'fmtFile');
    if (flagBool(p, 'fmtStdin')) {
      if (file) throw new UsageError(`--stdin and ${describeSource(file.source)} cannot be used together.`);
      process.stdout.write(formatSource(readFileSync(0), 'stdin'));
      return 0;
    }
    const check = flagBool(p, 'fmtCheck');
    const select = fileFilters(p, workingDir);
    const results = formatFiles({ workingDir, file: file?.value, excludeDirs: flagList(p, 'fmtExcludeDir'), check, diff: flagBool(p, 'fmtDiff'), select });
    let failed = false;
    for (const r of results) {
      if (r.diff) process.stdout.write(r.diff);
      if (r.error) {
        process.stderr.write(`ERROR ${r.error.message}\n`);
        failed = true;
      } else if (r.changed && level === 'debug') process.stderr.write(`DEBUG ${check ? 'needs formatting' : 'formatted'}: ${r.path}\n`);
    }
    const unformatted = check ? results.filter((r) => r.changed) : [];
    if (unformatted.length) {
      process.stderr.write(`ERROR ${unformatted.length === 1 ? '1 file needs' : `${unformatted.length} files need`} formatting:\n`);
      for (const r of unformatted) process.stderr.write(`  ${r.path}\n`);
    }
    return failed || unformatted.length ? 1 : 0;
  } catch (e) {
    return reportError(e, level, new SecretRegistry());
  }
}
