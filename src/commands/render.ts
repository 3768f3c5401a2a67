import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspectCommand } from '../cli/inspect-args.js';
import { renderModule } from '../run/inspect.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';
import { FLAGS, RENDER_FLAGS } from '../cli/flags.js';
import { flagBool, flagString } from '../cli/parse-args.js';
import { UsageError } from '../errors.js';
import { stringifyJson } from '../config/hcl/values.js';
import { describeSource } from '../shared/provenance.js';

export default class Render extends TgoCommand {
  static override hiddenAliases = ['render-json'];
  static override summary = 'Print a module\'s evaluated configuration as JSON, with its resolved IAM role and where each role field came from.';
  static override description = 'With --all, every module under the working directory, keyed by module path. Nothing is run and STS is not called. '
    + 'The classic `render-json` is `render --json`.';
  static override examples = [
    '<%= config.bin %> render --json',
    '<%= config.bin %> render --json --all --iam-assume-role arn:aws:iam::111111111111:role/x',
    '<%= config.bin %> render --json --all --write',
  ];
  static override baseFlags = helpFlags(['IAM', 'GLOBAL', 'QUEUE', 'OUTPUT', 'RENDER'], [...RENDER_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await inspectCommand(this.argv, 'render', { own: RENDER_FLAGS, all: false, scope: 'render' }, (stack, opts, own) => {
      const format = flagString(own, 'renderFormat');
      if (format && format.value !== 'json') {
        throw new UsageError(`${describeSource(format.source)} ${format.value}: tgo renders JSON only (Terragrunt's --format hcl is not implemented).`);
      }
      if (!format && !flagBool(own, 'renderJson')) {
        throw new UsageError('tgo render prints JSON only: add --json (Terragrunt\'s default HCL rendering is not implemented).');
      }
      const modules = [...stack.modules.values()].sort((a, b) => a.dir.localeCompare(b.dir));
      const chosen = opts.all ? modules : modules.slice(0, 1);
      if (flagBool(own, 'renderWrite')) {
        // One file per module, next to its configuration (Terragrunt's --write).
        const name = flagString(own, 'renderOut')?.value ?? 'terragrunt.rendered.json';
        for (const m of chosen) writeFileSync(path.join(m.dir, name), `${stringifyJson(renderModule(stack, m), 2)}\n`);
        return '';
      }
      const value = opts.all ? Object.fromEntries(chosen.map((m) => [stack.id(m.dir), renderModule(stack, m)])) : renderModule(stack, chosen[0]!);
      return `${stringifyJson(value, 2)}\n`; // every digit of a big number, as Terragrunt writes it
    }));
  }
}
