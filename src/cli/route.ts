// Terragrunt's command line puts tgo flags anywhere and lets any terraform command through
// (`tgo --iam-assume-role ARN apply`). oclif wants the command id first, so we find the first word that
// is not a tgo flag (or a flag's value) and move it to the front (with its sub-command for the command
// groups: `hcl fmt`, `dag graph`, `info print`); a terraform verb goes to the hidden `terraform` command.
// Classic command names become their current form here. Kept dependency-free: it runs on every start-up.

import { matchFlag } from './flags.js';

/** tgo's own commands (oclif command ids). Anything else is handed to terraform. */
export const TGO_COMMANDS = new Set([
  'run',
  'run-all',
  'render',
  'find',
  'list',
  'exec',
  'output-module-groups',
  'terragrunt-info',
  'version',
  'help',
  'autocomplete',
  'terraform',
]);

/** Command groups (oclif topics): `tgo hcl fmt` is the command `hcl fmt`, wherever tgo's flags are. */
export const TOPICS: Record<string, ReadonlySet<string>> = {
  hcl: new Set(['format', 'fmt', 'validate']),
  dag: new Set(['graph']),
  info: new Set(['print']),
  ci: new Set(['generate']),
  stack: new Set(['generate', 'run', 'output', 'clean']),
  backend: new Set(['bootstrap', 'delete']),
};

/** The hidden command that refuses a word after a command group that is none of its commands. */
export const UNKNOWN_SUBCOMMAND = 'unknown-subcommand';

/** Classic names and what they are now (the extra words are inserted right after the command). */
const CLASSIC: Record<string, string[]> = {
  'render-json': ['render', '--json'],
  'graph-dependencies': ['dag', 'graph'],
  hclfmt: ['hcl', 'fmt'],
  hclvalidate: ['hcl', 'validate'],
  'validate-inputs': ['hcl', 'validate', '--inputs'],
  // Terragrunt's removed `*-all` shortcuts, still in many scripts.
  'plan-all': ['run-all', 'plan'],
  'apply-all': ['run-all', 'apply'],
  'output-all': ['run-all', 'output'],
  'destroy-all': ['run-all', 'destroy'],
  'validate-all': ['run-all', 'validate'],
};

/** Every word that names a tgo command, for "did you mean" (hidden `terraform` aside). */
export function commandWords(): string[] {
  return [...[...TGO_COMMANDS].filter((c) => c !== 'terraform'), ...Object.keys(TOPICS), ...Object.keys(CLASSIC)];
}

export function routeArgv(argv: string[]): string[] {
  const at = commandIndex(argv);
  if (at < 0) return argv; // no command: oclif shows help or the version
  const word = argv[at]!;
  const without = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (CLASSIC[word]) {
    const [first, ...rest] = CLASSIC[word]!;
    if (TOPICS[first!]) return [first!, rest[0]!, ...rest.slice(1), ...without];
    return [first!, ...rest, ...without];
  }
  if (TOPICS[word]) {
    const sub = commandIndex(without, at);
    if (sub >= 0 && TOPICS[word]!.has(without[sub]!)) return [word, without[sub]!, ...without.slice(0, sub), ...without.slice(sub + 1)];
    // `tgo backend bogus`: a clear error listing the group's commands (oclif would only say "not found").
    if (sub >= 0) return [UNKNOWN_SUBCOMMAND, word, without[sub]!];
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
