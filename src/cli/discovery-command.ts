// `tgo find` and `tgo list` from argv to output: the stack is loaded and selected as for run --all (queue
// flags, --changed-since; nothing runs, no question asked), then shown as the command's flags ask.

import { inspectCommand } from './inspect-args.js';
import { FIND_FLAGS, LIST_FLAGS } from './flags.js';
import { flagBool, flagString } from './parse-args.js';
import { listUnits, longListing, treeListing } from '../run/units.js';
import { selectForRun } from '../run/selection.js';
import { UsageError } from '../errors.js';
import { describeSource } from '../shared/provenance.js';

export function discoveryCommand(argv: string[], command: 'find' | 'list'): Promise<number> {
  const own = command === 'find' ? FIND_FLAGS : LIST_FLAGS;
  return inspectCommand(argv, command, { own, all: true, scope: command, keepGoing: true }, async (stack, opts, p) => {
    const format = flagString(p, 'discoveryFormat');
    if (format && !['text', 'json'].includes(format.value)) throw new UsageError(`${describeSource(format.source)} must be text or json, got "${format.value}".`);
    const json = flagBool(p, 'discoveryJson') || format?.value === 'json';
    const dependencies = flagBool(p, 'discoveryDependencies');
    // Terragrunt's find and list do not act on a unit's own skip or exclude block (it lists them; only
    // --queue-construct-as would, which tgo refuses): only the path and change flags select.
    const listed = { ...stack, modules: new Map([...stack.modules].map(([dir, cfg]) => [dir, { ...cfg, skip: false, exclude: undefined }])) };
    const { ids, warnings } = await selectForRun(opts, listed, async () => false);
    for (const w of warnings) process.stderr.write(`WARN ${w}\n`);
    // With --filter, a unit whose configuration fails is left out (Terragrunt's parse phase excludes it).
    if (opts.filters) stack.broken.clear();
    const units = listUnits(stack, ids, { dag: flagBool(p, 'discoveryDag'), dependencies, external: flagBool(p, 'discoveryExternal') });
    if (json) return `${JSON.stringify(units, null, 2)}\n`;
    if (flagBool(p, 'discoveryTree')) return treeListing(units);
    if (flagBool(p, 'discoveryLong')) return longListing(units, dependencies);
    return units.map((u) => `${u.path}\n`).join('');
  });
}
