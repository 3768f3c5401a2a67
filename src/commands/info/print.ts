import { inspectCommand } from '../../cli/inspect-args.js';
import { moduleInfo } from '../../run/inspect.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';

export default class InfoPrint extends TgoCommand {
  static override summary = 'Print where tgo would run terraform for this module, as JSON with Terragrunt\'s current keys (config_path, …).';
  static override description = 'With --all, one object per module. The classic `terragrunt-info` prints the same with its CamelCase keys.';
  static override examples = ['<%= config.bin %> info print', '<%= config.bin %> info print --all'];
  static override baseFlags = helpFlags(['IAM', 'GLOBAL', 'RUN']);

  async run(): Promise<void> {
    this.finish(await inspectCommand(this.argv, 'info print', { all: false, positionals: 1, scope: 'info:print' }, (stack, opts) => {
      const modules = [...stack.modules.values()].sort((a, b) => a.dir.localeCompare(b.dir));
      const snake = (m: (typeof modules)[number]) => {
        const i = moduleInfo(stack, m, opts, opts.command);
        return {
          config_path: i.ConfigPath, download_dir: i.DownloadDir, iam_role: i.IamRole,
          terraform_binary: i.TerraformBinary, terraform_command: opts.command, working_dir: i.WorkingDir,
        };
      };
      return (opts.all ? modules : modules.slice(0, 1)).map((m) => `${JSON.stringify(snake(m), null, 2)}\n`).join('');
    }));
  }
}
