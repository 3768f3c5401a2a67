// Terragrunt's command line puts tgo flags anywhere and lets any terraform command through
// (`tgo --terragrunt-iam-role ARN apply`). oclif wants the command id first, so we find the first word that
// is not a tgo flag (or a flag's value) and move it to the front; a terraform verb goes to the hidden
// `terraform` command. Kept dependency-free: it runs on every start-up.

import { matchFlag } from './flags.js';

/** tgo's own commands (oclif command ids). Anything else is handed to terraform. */
export const TGO_COMMANDS = new Set([
  'run-all',
  'run',
  'render-json',
  'graph-dependencies',
  'output-module-groups',
  'terragrunt-info',
  'hclfmt',
  'find',
  'help',
  'terraform',
]);

/** Command groups (oclif topics): `tgo hcl fmt` is the command `hcl fmt`, wherever tgo's flags are. */
export const TOPICS: Record<string, ReadonlySet<string>> = {
  hcl: new Set(['format', 'fmt']),
  ci: new Set(['generate']),
  stack: new Set(['generate', 'run', 'output', 'clean']),
};

/** Terragrunt's removed `*-all` shortcuts, still in many scripts. */
const LEGACY_ALL: Record<string, string> = {
  'plan-all': 'plan',
  'apply-all': 'apply',
  'output-all': 'output',
  'destroy-all': 'destroy',
  'validate-all': 'validate',
};

export function routeArgv(argv: string[]): string[] {
  const at = commandIndex(argv);
  if (at < 0) return argv; // no command: oclif shows help or the version
  const word = argv[at]!;
  const without = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (LEGACY_ALL[word]) return ['run-all', LEGACY_ALL[word]!, ...without];
  if (TOPICS[word]) {
    const sub = commandIndex(without, at);
    if (sub >= 0 && TOPICS[word]!.has(without[sub]!)) return [word, without[sub]!, ...without.slice(0, sub), ...without.slice(sub + 1)];
    return [word, ...without];
  }
  if (TGO_COMMANDS.has(word)) return [word, ...without];
  // A terraform command: keep it in place so terraform sees its arguments in their original order.
  return ['terraform', ...argv];
}

/** Index of the first word (from `from`) that is neither a tgo flag nor its value nor a dash option, or -1. */
function commandIndex(argv: string[], from = 0): number {
  for (let i = from; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return i + 1 < argv.length ? i + 1 : -1;
    const m = matchFlag(token);
    if (m) {
      if (m.inline === undefined && m.spec.kind !== 'boolean') i++; // skip the flag's value
      continue;
    }
    if (token.startsWith('-')) continue;
    return i;
  }
  return -1;
}
