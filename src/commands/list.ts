import { discoveryCommand } from '../cli/discovery-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';
import { FLAGS, LIST_FLAGS } from '../cli/flags.js';

export default class List extends TgoCommand {
  static override summary = 'List the units under the working directory: paths, a table (--long) or a tree (--tree) (Terragrunt\'s list).';
  static override examples = ['<%= config.bin %> list', '<%= config.bin %> list --long --dependencies', '<%= config.bin %> list --tree'];
  static override baseFlags = helpFlags(['DISCOVERY', 'GLOBAL'], [...LIST_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await discoveryCommand(this.argv, 'list'));
  }
}
