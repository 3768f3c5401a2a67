import { runTerraformCommand } from '../cli/run-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class Run extends TgoCommand {
  static override summary = 'Run a terraform command in this module, or with --all in every module (Terragrunt\'s current syntax).';
  static override description = 'The classic `run-all <command>` is `run --all <command>`; `tgo plan` is `tgo run plan`.';
  static override usage = 'run [--all] <terraform-command> [args...]';
  static override examples = ['<%= config.bin %> run plan', '<%= config.bin %> run --all apply', '<%= config.bin %> run -- workspace list'];
  static override baseFlags = helpFlags();

  async run(): Promise<void> {
    this.finish((await this.refusePassThrough()) ?? (await runTerraformCommand(this.argv, false)));
  }
}
