// Every flag of Terragrunt's command line, by every name it has had: implemented by tgo → parsed (never left
// for terraform); not implemented → refused with a message naming it. Also the near misses and the
// classification of everything else.
import { describe, expect, it } from 'vitest';
import { checkPassThrough, classifyFlag } from '../../src/cli/flag-check.js';
import { FIND_FLAGS, FLAGS, HCL_FMT_FLAGS, HCL_VALIDATE_FLAGS, LIST_FLAGS, RENDER_FLAGS, STACK_OUTPUT_FLAGS, type FlagSpec } from '../../src/cli/flags.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import { parseCommandArgs } from '../../src/cli/command-args.js';
import { TERRAGRUNT_FLAGS, type Scope } from '../../src/cli/terragrunt-flags.js';
import { UsageError } from '../../src/errors.js';

/** tgo's table for each Terragrunt command it implements. */
const TABLES: Partial<Record<Scope, FlagSpec[]>> = {
  run: FLAGS,
  'hcl:format': HCL_FMT_FLAGS,
  'hcl:validate': [...HCL_VALIDATE_FLAGS, ...FLAGS],
  render: [...RENDER_FLAGS, ...FLAGS],
  find: [...FIND_FLAGS, ...FLAGS],
  list: [...LIST_FLAGS, ...FLAGS],
  'dag:graph': FLAGS,
  'info:print': FLAGS,
  stack: [...STACK_OUTPUT_FLAGS, ...FLAGS],
};
/** Answered by oclif itself before any tgo code runs. */
const OCLIF = new Set(['help', 'version']);

const rows: Array<{ scope: Scope; name: string; current: string }> = [];
for (const t of TERRAGRUNT_FLAGS) {
  for (const scope of t.scope.includes('*') ? (Object.keys(TABLES) as Scope[]) : t.scope) {
    if (!TABLES[scope] || OCLIF.has(t.name)) continue;
    for (const name of [t.name, ...t.classic]) rows.push({ scope, name, current: t.name });
  }
}
const implemented = rows.filter((r) => TABLES[r.scope]!.some((s) => s.names.includes(r.name)));
const refused = rows.filter((r) => !implemented.includes(r));

/** A value that parses for any kind of flag. */
function sample(spec: FlagSpec): string[] {
  return spec.kind === 'boolean' ? [] : spec.kind === 'integer' ? ['2'] : ['x'];
}

describe("Terragrunt's flags", () => {
  it('the table covers the current CLI and both states occur', () => {
    expect(new Set(TERRAGRUNT_FLAGS.map((t) => t.name)).size).toBe(TERRAGRUNT_FLAGS.length);
    expect(TERRAGRUNT_FLAGS.length).toBeGreaterThan(130);
    expect(implemented.length).toBeGreaterThan(40);
    expect(refused.length).toBeGreaterThan(100);
  });

  it.each(implemented.map((r) => [r.scope, r.name] as const))('%s --%s is parsed by tgo', (scope, name) => {
    const spec = TABLES[scope]!.find((s) => s.names.includes(name))!;
    const p = parseArgs(['plan', `${name.length === 1 ? '-' : '--'}${name}`, ...sample(spec), '-out=x'], {}, TABLES[scope]);
    expect(p.flags.has(spec.key)).toBe(true);
    expect(p.rest).toEqual(['plan', '-out=x']);
  });

  it.each(refused.map((r) => [r.scope, r.name, r.current] as const))('%s --%s is refused, not forwarded', (scope, name, current) => {
    const argv = ['plan', `--${name}`, 'x'];
    if (scope === 'run') {
      expect(() => checkPassThrough(argv, 'run', FLAGS)).toThrow(UsageError);
      expect(() => checkPassThrough(argv, 'run', FLAGS)).toThrow(new RegExp(`--${name}.*Terragrunt flag that tgo does not implement`));
      if (current !== name) expect(() => checkPassThrough(argv, 'run', FLAGS)).toThrow(`--${current}`);
    } else {
      expect(() => parseCommandArgs([`--${name}`], {}, TABLES[scope]!, scope, scope, 1))
        .toThrow(new RegExp(`--${name} is a Terragrunt flag of .* that tgo does not implement`));
    }
  });

  it('classic names work with one dash too; a refused classic one-dash name is refused as well', () => {
    expect(parseArgs(['-terragrunt-parallelism', '3', 'plan'], {}).flags.get('parallelism')?.value).toBe(3);
    expect(() => checkPassThrough(['plan', '-terragrunt-provider-cache-token'], 'run', FLAGS)).toThrow(/--terragrunt-provider-cache-token/);
  });
});

describe('everything else', () => {
  it.each([
    ['terragrunt-iam-rol', 'terragrunt-iam-role'],
    ['queue-inclde-dir', 'queue-include-dir'],
    ['iam-asume-role', 'iam-assume-role'],
    ['parallelsm', 'parallelism'],
  ])('a near miss --%s is refused with "did you mean --%s"', (typo, meant) => {
    const c = classifyFlag(typo, 'run', FLAGS);
    expect(c.kind).toBe('lookalike');
    expect(c.kind === 'lookalike' && c.message).toContain(`Did you mean --${meant}?`);
  });

  it.each(['terragrunt-frobnicate', 'queue-whatever', 'iam-something-else', 'tg-foo'])('--%s looks like a tgo flag: refused', (name) => {
    expect(classifyFlag(name, 'run', FLAGS).kind).toBe('lookalike');
  });

  it.each(['var', 'out', 'lock-timeout', 'target', 'json', 'check', 'refresh', 'upgrade', 'reconfigure', 'var-file', 'replace', 'state'])(
    '--%s is terraform\'s: passed through', (name) => {
      expect(classifyFlag(name, 'run', FLAGS).kind).toBe('terraform');
      expect(() => checkPassThrough(['plan', `--${name}=1`], 'run', FLAGS)).not.toThrow();
    });

  it('after a bare -- nothing is checked; a tgo flag\'s value is not taken for a flag', () => {
    expect(() => checkPassThrough(['run', '--', 'plan', '--provider-cache=x'], 'run', FLAGS)).not.toThrow();
    expect(() => checkPassThrough(['plan', '--iam-assume-role-session-name', '--queue-oops'], 'run', FLAGS)).not.toThrow();
  });
});
