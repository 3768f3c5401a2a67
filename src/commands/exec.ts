import { execCommand } from '../cli/exec-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';
import { EXEC_FLAGS, FLAGS } from '../cli/flags.js';

export default class Exec extends TgoCommand {
  static override summary = 'Run any program in the module with its role credentials and its inputs as TF_VAR_* (Terragrunt\'s exec).';
  static override description = 'The program runs in the module directory (--in-download-dir: in its downloaded source) with the environment '
    + 'terraform would get there. With --all, in every module under the working directory, in dependency order.';
  static override usage = 'exec [--all] [flags] -- <program> [args...]';
  static override examples = ['<%= config.bin %> exec -- aws sts get-caller-identity', '<%= config.bin %> exec --all -- sh -c \'echo $TF_VAR_name\''];
  static override baseFlags = helpFlags(undefined, [...EXEC_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await execCommand(this.argv));
  }
}
