import { inspect } from '../cli/inspect-command.js';
import { moduleInfo } from '../run/inspect.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class TerragruntInfo extends TgoCommand {
  static override summary = 'Print where tgo would run terraform for this module, as JSON (Terragrunt\'s terragrunt-info).';
  static override baseFlags = helpFlags(['IAM', 'GLOBAL', 'RUN']);

  async run(): Promise<void> {
    this.finish(await inspect(this.argv, false, (stack, opts) => {
      const cfg = [...stack.modules.values()][0]!;
      return `${JSON.stringify(moduleInfo(stack, cfg, opts), null, 2)}\n`;
    }));
  }
}
