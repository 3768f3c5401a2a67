import { inspectCommand } from '../../cli/inspect-args.js';
import { dependencyDot } from '../../run/inspect.js';
import { selectForRun } from '../../run/selection.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';

export default class DagGraph extends TgoCommand {
  static override hiddenAliases = ['graph-dependencies'];
  static override summary = 'Print the dependency graph of the modules under the working directory in DOT format.';
  static override description = 'Classic name: graph-dependencies.';
  static override examples = ['<%= config.bin %> dag graph | dot -Tsvg > graph.svg'];
  static override baseFlags = helpFlags(['QUEUE', 'GLOBAL']);

  async run(): Promise<void> {
    this.finish(await inspectCommand(this.argv, 'dag graph', { all: true, scope: 'dag:graph', keepGoing: true }, async (stack, opts) =>
      dependencyDot(stack, opts.filters ? new Set((await selectForRun(opts, stack, async () => false)).ids) : undefined)));
  }
}
