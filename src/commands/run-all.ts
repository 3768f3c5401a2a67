import { runTerraformCommand } from '../cli/run-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class RunAll extends TgoCommand {
  static override summary = 'Run a terraform command in every module under the working directory, in dependency order (classic; current: run --all).';
  static override description =
    'Each module runs with its own IAM role (iam_role, or --iam-assume-role for all), as soon as its dependencies have succeeded. '
    + 'apply and destroy ask once for confirmation; -input=false and -auto-approve are added for you.';
  static override usage = 'run-all <terraform-command> [args...]';
  static override examples = ['<%= config.bin %> run-all plan', '<%= config.bin %> run-all apply --parallelism 4 --non-interactive'];
  static override baseFlags = helpFlags();

  async run(): Promise<void> {
    this.finish((await this.refusePassThrough()) ?? (await runTerraformCommand(this.argv, true)));
  }
}
