import { inspectCommand } from '../cli/inspect-args.js';
import { moduleInfo } from '../run/inspect.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class TerragruntInfo extends TgoCommand {
  static override hidden = true; // shown as `info print`, whose classic form it is
  static override summary = 'Print where tgo would run terraform for this module, as JSON with the classic CamelCase keys.';
  static override baseFlags = helpFlags(['IAM', 'GLOBAL', 'RUN']);

  async run(): Promise<void> {
    this.finish(await inspectCommand(this.argv, 'terragrunt-info', { all: false, positionals: 1, scope: 'info:print' }, (stack, opts) => {
      const cfg = [...stack.modules.values()][0]!;
      return `${JSON.stringify(moduleInfo(stack, cfg, opts), null, 2)}\n`;
    }));
  }
}
