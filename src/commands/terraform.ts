import { runTerraformCommand } from '../cli/run-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class Terraform extends TgoCommand {
  static override hidden = true;
  static override summary = 'Run a terraform command in the module in the working directory, with its IAM role assumed.';
  static override usage = '<terraform-command> [args...]';
  static override examples = [
    '<%= config.bin %> --iam-assume-role "arn:aws:iam::111111111111:role/deploy" apply',
    '<%= config.bin %> plan -out=tfplan',
  ];
  static override baseFlags = helpFlags();

  async run(): Promise<void> {
    this.finish((await this.refusePassThrough({ checkCommand: true })) ?? (await runTerraformCommand(this.argv, false)));
  }
}
