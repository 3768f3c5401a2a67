import { stackOutput } from '../../cli/stack-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';
import { FLAGS, STACK_OUTPUT_FLAGS } from '../../cli/flags.js';

export default class StackOutput extends TgoCommand {
  static override summary = 'Print the outputs of every unit of the stacks under the working directory as one object (HCL, JSON or one raw value).';
  static override description = 'Keys are the stack names a unit was generated in, then its own name (dev.vpc.vpc_id); an argument keeps only that key. '
    + 'Each unit\'s outputs are read with its own role. Nothing is generated.';
  static override usage = 'stack output [key] [--format json|raw]';
  static override examples = ['<%= config.bin %> stack output', '<%= config.bin %> stack output --format json', '<%= config.bin %> stack output --raw dev.vpc.vpc_id'];
  static override baseFlags = helpFlags(['OUTPUT', 'GLOBAL', 'IAM'], [...STACK_OUTPUT_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await stackOutput(this.argv));
  }
}
