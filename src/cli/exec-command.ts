// `tgo exec [flags] -- <program> [args]`: any program in the module's directory (or, with --in-download-dir,
// its downloaded source), with the environment terraform would get there: the module's inputs as TF_VAR_*,
// extra_arguments env_vars and the module's role credentials. With --all, in every module, in dependency order.

import { runTerraformCommand } from './run-command.js';
import { parseCommandArgs, withoutFlags } from './command-args.js';
import { EXEC_FLAGS, FLAGS, matchFlag, type FlagSpec } from './flags.js';
import { reportError, SecretRegistry } from './kit.js';
import { flagBool } from './parse-args.js';

export async function execCommand(argv: string[]): Promise<number> {
  // Everything after the first `--` is the program; without one, the first word that is no flag starts it.
  const specs = [...EXEC_FLAGS, ...FLAGS];
  const dashes = argv.indexOf('--');
  const split = dashes >= 0 ? dashes : programStart(argv, specs);
  const flags = argv.slice(0, split);
  const program = argv.slice(dashes >= 0 ? split + 1 : split);
  try {
    const p = parseCommandArgs(flags, process.env, specs, 'exec', 'exec');
    const inDownloadDir = flagBool(p, 'execInDownloadDir');
    return await runTerraformCommand(withoutFlags(flags, EXEC_FLAGS), false, (opts) => {
      opts.command = 'exec';
      opts.exec = { argv: program, inDownloadDir };
    });
  } catch (e) {
    return reportError(e, 'info', new SecretRegistry());
  }
}

/** Index of the first word that is not a flag of exec (or its value): where the program starts. */
function programStart(argv: string[], specs: FlagSpec[]): number {
  for (let i = 0; i < argv.length; i++) {
    const m = matchFlag(argv[i]!, specs);
    if (m) {
      if (m.inline === undefined && m.spec.kind !== 'boolean') i++;
      continue;
    }
    if (!argv[i]!.startsWith('-')) return i;
  }
  return argv.length;
}
