import { inspectCommand } from '../cli/inspect-args.js';
import { moduleGroups } from '../run/inspect.js';
import { selectForRun } from '../run/selection.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class OutputModuleGroups extends TgoCommand {
  static override summary = 'Print the modules grouped in the order run-all would run them, as JSON.';
  static override description = 'Terragrunt\'s current equivalent is `find --dag --json --dependencies`.';
  static override usage = 'output-module-groups [apply|destroy]';
  static override baseFlags = helpFlags(['QUEUE', 'GLOBAL']);

  async run(): Promise<void> {
    // The groups of the modules run-all would run: the same selection flags, skip and exclude blocks.
    this.finish(await inspectCommand(this.argv, 'output-module-groups', { all: true, positionals: 1, scope: 'run' }, async (stack, opts) =>
      `${JSON.stringify(moduleGroups((await selectForRun(opts, stack, async () => false)).groups), null, 2)}\n`));
  }
}
