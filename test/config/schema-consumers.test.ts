/**
 * No setting is accepted and silently dropped: the test walks TERRAGRUNT_SCHEMA and, for every attribute it
 * accepts, loads a module twice with two different values of that attribute and requires the loaded
 * configuration to differ — or, for what tgo accepts without acting on it (`notActedOn`), requires a log line
 * naming the file, line and attribute. A new attribute without a sample below fails the test.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigLoader } from '../../src/config/loader.js';
import { TERRAGRUNT_SCHEMA, type BodySchema } from '../../src/config/schema.js';
import { writeStack } from '../support/stack.js';

/** Two values of each attribute (by path, labels left out), and HCL the sample needs beside it. */
interface Sample {
  a: string;
  b: string;
  /** Extra top-level HCL (e.g. an input that reads a feature flag). */
  extra?: string;
  /** Extra attributes inside the innermost block. */
  inner?: string;
}
const s = (a: string, b: string, more: Omit<Sample, 'a' | 'b'> = {}): Sample => ({ a, b, ...more });
const str = (a: string, b: string) => s(JSON.stringify(a), JSON.stringify(b));
const list = (a: string, b: string) => s(`[${JSON.stringify(a)}]`, `[${JSON.stringify(b)}]`);
const bool = s('true', 'false');
const genBody = 'path = "gen.tf"\n  if_exists = "overwrite"\n  contents = ""';

const SAMPLES: Record<string, Sample> = {
  inputs: s('{ a = 1 }', '{ a = 2 }'),
  iam_role: str('arn:aws:iam::111111111111:role/a', 'arn:aws:iam::111111111111:role/b'),
  iam_assume_role_duration: s('900', '1800'),
  iam_assume_role_session_name: str('a', 'b'),
  iam_web_identity_token: str('a', 'b'),
  iam_assume_role_external_id: str('external-a', 'external-b'),
  iam_assume_role_session_tags: s('{ a = "1" }', '{ a = "2" }'),
  iam_assume_role_transitive_tag_keys: list('a', 'b'),
  iam_assume_role_source_identity: str('a', 'b'),
  iam_assume_role_policy: str('{}', '{"Version":"2012-10-17"}'),
  iam_assume_role_policy_arns: list('arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/B'),
  iam_assume_role_mfa_serial: str('arn:aws:iam::111111111111:mfa/a', 'arn:aws:iam::111111111111:mfa/b'),
  download_dir: str('/tmp/a', '/tmp/b'),
  prevent_destroy: bool,
  skip: bool,
  terraform_binary: str('a', 'b'),
  terraform_version_constraint: str('>= 1.0', '>= 2.0'),
  terragrunt_version_constraint: str('>= 0.50', '>= 0.60'),
  retryable_errors: list('a', 'b'),
  retry_max_attempts: s('1', '2'),
  retry_sleep_interval_sec: s('1', '2'),
  generate: s('{ g = { path = "a.tf", if_exists = "overwrite", contents = "" } }', '{ g = { path = "b.tf", if_exists = "overwrite", contents = "" } }'),
  remote_state: s('{ backend = "local", config = {} }', '{ backend = "s3", config = {} }'),

  'include.path': str('../parent.hcl', '../parent2.hcl'),
  'include.expose': bool,
  'include.merge_strategy': str('shallow', 'no_merge'),

  'dependency.config_path': str('../a', '../b'),
  'dependency.enabled': bool,
  'dependency.skip_outputs': bool,
  'dependency.mock_outputs': s('{ a = 1 }', '{ a = 2 }'),
  'dependency.mock_outputs_allowed_terraform_commands': list('plan', 'apply'),
  'dependency.mock_outputs_merge_strategy_with_state': str('shallow', 'deep_map_only'),
  'dependency.mock_outputs_merge_with_state': bool,
  'dependencies.paths': list('../a', '../b'),

  'terraform.source': str('../a', '../b'),
  'terraform.include_in_copy': list('a', 'b'),
  'terraform.exclude_from_copy': list('a', 'b'),
  'terraform.copy_terraform_lock_file': bool,
  'terraform.version': str('1.0.0', '2.0.0'),
  'terraform.update_source_with_cas': bool,
  'terraform.mutable': bool,
  'terraform.extra_arguments.commands': list('plan', 'apply'),
  'terraform.extra_arguments.arguments': list('-a', '-b'),
  'terraform.extra_arguments.required_var_files': list('a.tfvars', 'b.tfvars'),
  'terraform.extra_arguments.optional_var_files': list('a.tfvars', 'b.tfvars'),
  'terraform.extra_arguments.env_vars': s('{ A = "1" }', '{ A = "2" }'),
  ...Object.fromEntries(['before_hook', 'after_hook', 'error_hook'].flatMap((h) => [
    [`terraform.${h}.commands`, list('plan', 'apply')],
    [`terraform.${h}.execute`, list('true', 'false')],
    [`terraform.${h}.working_dir`, str('a', 'b')],
    [`terraform.${h}.suppress_stdout`, bool],
  ])),
  ...Object.fromEntries(['before_hook', 'after_hook'].flatMap((h) => [[`terraform.${h}.run_on_error`, bool], [`terraform.${h}.if`, bool]])),
  'terraform.error_hook.on_errors': list('a', 'b'),

  'generate.path': str('a.tf', 'b.tf'),
  'generate.if_exists': str('overwrite', 'skip'),
  'generate.contents': str('a', 'b'),
  'generate.comment_prefix': str('# ', '// '),
  'generate.disable_signature': bool,
  'generate.disable': bool,
  'generate.if_disabled': str('skip', 'remove'),
  'generate.hcl_fmt': bool,

  'remote_state.backend': str('local', 's3'),
  'remote_state.config': s('{ path = "a" }', '{ path = "b" }'),
  'remote_state.disable_init': bool,
  'remote_state.disable_dependency_optimization': bool,
  'remote_state.encryption': s('{ key_provider = "pbkdf2", passphrase = "a-long-passphrase-1" }', '{ key_provider = "pbkdf2", passphrase = "a-long-passphrase-2" }',
    { inner: 'generate = { path = "backend.tf", if_exists = "overwrite" }' }),
  'remote_state.generate': s('{ path = "a.tf", if_exists = "overwrite" }', '{ path = "b.tf", if_exists = "overwrite" }'),
  'remote_state.generate.path': str('a.tf', 'b.tf'),
  'remote_state.generate.if_exists': str('overwrite', 'skip'),

  'exclude.if': bool,
  'exclude.actions': list('plan', 'apply'),
  'exclude.exclude_dependencies': bool,
  'exclude.no_run': bool,

  'feature.default': s('1', '2', { extra: 'inputs = { f = feature.x.value }' }),

  'engine.source': str('a', 'b'),
  'engine.version': str('a', 'b'),
  'engine.type': str('a', 'b'),
  'engine.meta': s('{}', '{ a = 1 }'),
  'catalog.urls': list('a', 'b'),
  'catalog.default_template': str('a', 'b'),
  'catalog.no_shell': bool,
  'catalog.no_hooks': bool,
  'errors.retry.retryable_errors': list('a', 'b'),
  'errors.retry.max_attempts': s('1', '2'),
  'errors.retry.sleep_interval_sec': s('1', '2'),
  'errors.ignore.ignorable_errors': list('a', 'b'),
  'errors.ignore.message': str('a', 'b'),
  'errors.ignore.signals': s('{ a = 1 }', '{ a = 2 }'),
};

interface Attr {
  /** Attribute path without labels, e.g. terraform.before_hook.commands. */
  key: string;
  /** The chain of blocks around it, outermost first. */
  blocks: { type: string; labelled: boolean; schema: BodySchema }[];
  name: string;
  /** Whether tgo says it does not act on this (itself or an enclosing block). */
  notActedOn: boolean;
}

function attributes(schema: BodySchema, blocks: Attr['blocks'] = [], ignored = false): Attr[] {
  const out: Attr[] = [];
  const prefix = blocks.map((b) => b.type).join('.');
  for (const [name, a] of Object.entries(schema.attributes ?? {})) {
    out.push({ key: prefix ? `${prefix}.${name}` : name, blocks, name, notActedOn: ignored || !!a.notActedOn });
  }
  for (const [type, b] of Object.entries(schema.blocks ?? {})) {
    if (b.body.anyAttributes) continue; // locals: any name, each one consumed by reference
    out.push(...attributes(b.body, [...blocks, { type, labelled: b.labels.length > 0, schema: b.body }], ignored || !!b.notActedOn));
  }
  return out;
}

/** HCL setting `attr` to `value`, inside its blocks, each with its other required attributes set. */
function hcl(attr: Attr, value: string): string {
  const sample = SAMPLES[attr.key]!;
  let body = `${attr.name} = ${value}\n${sample.inner ?? ''}\n`;
  for (let i = attr.blocks.length - 1; i >= 0; i--) {
    const b = attr.blocks[i]!;
    const required = Object.entries(b.schema.attributes ?? {})
      .filter(([n, a]) => a.required && (i === attr.blocks.length - 1 ? n !== attr.name : true))
      .map(([n]) => `${n} = ${SAMPLES[`${attr.blocks.slice(0, i + 1).map((x) => x.type).join('.')}.${n}`]!.a}\n`);
    body = `${b.type}${b.labelled ? ' "x"' : ''} {\n${required.join('')}${body}}\n`;
  }
  return `${body}${sample.extra ?? ''}\n`;
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function load(text: string): { config: string; logs: string[] } {
  const root = writeStack({ 'unit/terragrunt.hcl': text, 'parent.hcl': 'inputs = { p = 1 }\n', 'parent2.hcl': 'inputs = { p = 2 }\n', 'a/terragrunt.hcl': '', 'b/terragrunt.hcl': '' });
  roots.push(root);
  const logs: string[] = [];
  const l = new ConfigLoader({ workingDir: root, env: {}, terraformCommand: 'plan', terraformArgs: [], onLog: (_level, m) => logs.push(m) });
  return { config: JSON.stringify(l.loadModule(path.join(root, 'unit'))), logs };
}

const ALL = attributes(TERRAGRUNT_SCHEMA);

describe('every attribute the schema accepts is acted on or reported', () => {
  it('every attribute has a sample', () => {
    expect(ALL.map((a) => a.key).filter((k) => !SAMPLES[k])).toEqual([]);
  });

  for (const attr of ALL) {
    if (attr.notActedOn) {
      it(`${attr.key}: accepted with a note naming the file and line`, () => {
        const { logs } = load(hcl(attr, SAMPLES[attr.key]!.a));
        expect(logs.some((m) => /^unit\/terragrunt\.hcl:\d+: /.test(m) && m.includes(attr.blocks.length > 0 ? attr.blocks[0]!.type : attr.name))).toBe(true);
      });
    } else {
      it(`${attr.key}: changes the loaded configuration`, () => {
        const a = load(hcl(attr, SAMPLES[attr.key]!.a)).config;
        const b = load(hcl(attr, SAMPLES[attr.key]!.b)).config;
        expect(a).not.toBe(b);
      });
    }
  }
});
