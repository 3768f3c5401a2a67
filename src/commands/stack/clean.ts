import { stackClean } from '../../cli/stack-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';

export default class StackClean extends TgoCommand {
  static override summary = 'Remove every .terragrunt-stack folder under the working directory.';
  static override examples = ['<%= config.bin %> stack clean'];
  static override baseFlags = helpFlags(['GLOBAL']);

  async run(): Promise<void> {
    this.finish(await stackClean(this.argv));
  }
}
