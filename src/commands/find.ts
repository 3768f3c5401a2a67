import { inspect } from '../cli/inspect-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';
import { UsageError } from '../errors.js';
import { selectForRun } from '../run/selection.js';
import type { RunOptions } from '../run/options.js';
import type { Stack } from '../run/stack.js';

/** The selected modules, one path per line or Terragrunt's JSON list of units; the same selection flags as run --all. */
async function findUnits(stack: Stack, opts: RunOptions): Promise<string> {
  const extra = [opts.command, ...opts.args].filter((a) => a && a !== '--json');
  if (extra.length > 0) throw new UsageError(`find takes no argument "${extra[0]}".`);
  const { ids } = await selectForRun(opts, stack, async () => false);
  const paths = ids.map(stack.id);
  return opts.args.includes('--json') || opts.command === '--json'
    ? `${JSON.stringify(paths.map((p) => ({ type: 'unit', path: p })), null, 2)}\n`
    : paths.map((p) => `${p}\n`).join('');
}

export default class Find extends TgoCommand {
  static override summary = 'List the modules (units) below the working directory; with --changed-since REF, only those a git change touches.';
  static override usage = 'find [--json] [--changed-since REF] [--queue-include-dir GLOB] [--queue-exclude-dir GLOB]';
  static override examples = ['<%= config.bin %> find --changed-since origin/main --json'];
  static override baseFlags = helpFlags(['QUEUE', 'GLOBAL']);

  async run(): Promise<void> {
    this.finish(await inspect(this.argv, true, findUnits));
  }
}
