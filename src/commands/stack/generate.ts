import { stackGenerate } from '../../cli/stack-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';

export default class StackGenerate extends TgoCommand {
  static override summary = 'Generate the units and stacks of every terragrunt.stack.hcl under the working directory (Terragrunt Stacks).';
  static override description = 'Each unit and stack block is copied from its source into .terragrunt-stack/<path> (beside the stack file with '
    + 'no_dot_terragrunt_stack), with its values in terragrunt.values.hcl; generated stacks are generated in turn. run --all does this first.';
  static override examples = ['<%= config.bin %> stack generate', '<%= config.bin %> stack generate --source-map git::https://example.com/catalog.git=../catalog'];
  static override baseFlags = helpFlags(['GLOBAL', 'RUN']);

  async run(): Promise<void> {
    this.finish(await stackGenerate(this.argv));
  }
}
