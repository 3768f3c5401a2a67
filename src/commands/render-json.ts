import { inspect } from '../cli/inspect-command.js';
import { renderModule } from '../run/inspect.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';
import { stringifyJson } from '../config/hcl/values.js';

export default class RenderJson extends TgoCommand {
  static override summary = 'Print a module\'s evaluated configuration as JSON, with its resolved IAM role and where each role field came from.';
  static override description = 'With --all, every module under the working directory, keyed by module path. Nothing is run and STS is not called.';
  static override examples = ['<%= config.bin %> render-json', '<%= config.bin %> render-json --all --terragrunt-iam-role arn:aws:iam::111111111111:role/x'];
  static override baseFlags = helpFlags(['IAM', 'GLOBAL', 'QUEUE']);

  async run(): Promise<void> {
    this.finish(await inspect(this.argv, false, (stack, opts) => {
      const modules = [...stack.modules.values()].sort((a, b) => a.dir.localeCompare(b.dir));
      const value = opts.all
        ? Object.fromEntries(modules.map((m) => [stack.id(m.dir), renderModule(stack, m)]))
        : renderModule(stack, modules[0]!);
      return `${stringifyJson(value, 2)}\n`; // every digit of a big number, as Terragrunt writes it
    }));
  }
}
