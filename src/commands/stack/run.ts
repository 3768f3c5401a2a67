import { stackRun } from '../../cli/stack-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';

export default class StackRun extends TgoCommand {
  static override summary = 'Generate the stacks under the working directory, then run a terraform command in every unit (as run --all).';
  static override usage = 'stack run <terraform-command> [args...]';
  static override examples = ['<%= config.bin %> stack run plan', '<%= config.bin %> stack run apply --no-stack-generate'];
  static override baseFlags = helpFlags();

  async run(): Promise<void> {
    this.finish(await stackRun(this.argv));
  }
}
