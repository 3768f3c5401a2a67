import { inspect } from '../cli/inspect-command.js';
import { dependencyDot } from '../run/inspect.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';

export default class GraphDependencies extends TgoCommand {
  static override summary = 'Print the dependency graph of the modules under the working directory in DOT format.';
  static override examples = ['<%= config.bin %> graph-dependencies | dot -Tsvg > graph.svg'];
  static override baseFlags = helpFlags(['QUEUE', 'GLOBAL']);

  async run(): Promise<void> {
    this.finish(await inspect(this.argv, true, (stack) => dependencyDot(stack)));
  }
}
