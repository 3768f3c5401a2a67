import { inspect } from '../cli/inspect-command.js';
import { moduleGroups } from '../run/inspect.js';
import { isDestroy } from '../terraform/args.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class OutputModuleGroups extends TgoCommand {
  static override summary = 'Print the modules grouped in the order run-all would run them, as JSON.';
  static override usage = 'output-module-groups [apply|destroy]';
  static override baseFlags = helpFlags(['GLOBAL']);

  async run(): Promise<void> {
    this.finish(await inspect(this.argv, true, (stack, opts) =>
      `${JSON.stringify(moduleGroups(stack, isDestroy(opts.command, opts.args)), null, 2)}\n`));
  }
}
