// Reading a terragrunt.stack.hcl as Terragrunt does (pkg/config/stack.go): one optional `locals` block, `include`
// blocks whose units and stacks join this file's, and `unit`/`stack` blocks with `source`, `path`, `values`,
// `no_dot_terragrunt_stack`, `no_validation` and `enabled`. `values.*` is the file's own terragrunt.values.hcl
// (written by the parent stack), `unit.<name>.path`/`stack.<name>.path` the generated directories. Every problem in
// a file is collected and reported at once, each with its file and line.

import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { Attribute, Block, Body } from './hcl/ast.js';
import type { EvalScope, LazyObject } from './hcl/eval.js';
import { isObject, typeName, type Value, type ValueObject } from './hcl/values.js';
import { parseConfig } from './hcl/parser.js';
import { AttributeEvaluator, decodeBody, toConfigError, type DecodedBody, type DisplayPath } from './decode.js';
import type { BodySchema } from './schema.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { AUTOINCLUDE_STACK_FILE, readAutoinclude, type Autoinclude } from './autoinclude.js';
import { CONFIG_FILES } from './config-files.js';
import type { ModuleConfig } from './types.js';

export const STACK_FILE = 'terragrunt.stack.hcl';
/** Where a stack file's components are generated (unless no_dot_terragrunt_stack). */
export const STACK_DIR = '.terragrunt-stack';

export type ComponentKind = 'unit' | 'stack';

export interface Component {
  kind: ComponentKind;
  name: string;
  source: string;
  /** `path` as written. */
  path: string;
  /** The absolute directory it is generated into. */
  dest: string;
  /** Written to the component's terragrunt.values.hcl; undefined when not set (or null). */
  values?: ValueObject;
  noDotTerragruntStack: boolean;
  noValidation: boolean;
  enabled: boolean;
  /** Its autoinclude block, checked and partially evaluated: written beside the generated component. */
  autoinclude?: Autoinclude;
  /** The file and line of the block (an included file's for a component it declares). */
  file: string;
  line: number;
  sourceLine: number;
}

export interface StackFile {
  file: string;
  dir: string;
  components: Component[];
  locals: ValueObject;
}

const componentBody: BodySchema = {
  attributes: {
    source: { required: true },
    path: { required: true },
    values: {},
    no_dot_terragrunt_stack: {},
    no_validation: {},
    enabled: {},
    // Terragrunt's content-addressed store: tgo copies sources as they are (read-only materialisation and
    // relative catalog sources are CAS features), so these are read and reported, not acted on.
    mutable: {},
    update_source_with_cas: {},
  },
  blocks: {
    // Its contents are checked by readAutoinclude (a unit's hold a unit configuration, a stack's unit/stack blocks).
    autoinclude: { labels: [], single: true, body: { anyAttributes: true } },
    // Terragrunt's block-iteration experiment (count/for_each): reserved there, refused here with its name.
    expansion: { labels: [], body: { anyAttributes: true } },
  },
};

const COMPONENTS: BodySchema['blocks'] = {
  unit: { labels: ['name'], body: componentBody },
  stack: { labels: ['name'], body: componentBody },
};

export const STACK_SCHEMA: BodySchema = {
  blocks: {
    locals: { labels: [], single: true, body: { anyAttributes: true } },
    include: { labels: ['name'], body: { attributes: { path: { required: true } } } },
    ...COMPONENTS,
  },
};

/** An included stack file holds units and stacks only (Terragrunt: no locals, no nested includes). */
const INCLUDED_SCHEMA: BodySchema = { blocks: COMPONENTS };

/** What reading a stack file needs of the run's config loader (the loader implements it). */
export interface StackFileHost {
  display: DisplayPath;
  /** The directory's terragrunt.values.hcl, evaluated. */
  values(dir: string): ValueObject | undefined;
  scopeFor(file: string, variables?: Record<string, Value | LazyObject>): EvalScope;
  evaluateLocals(file: string, blocks: Block[], scope: EvalScope, variables: Record<string, Value | LazyObject>): { values: ValueObject };
}

export interface ReadOptions {
  loader: StackFileHost;
  /** Notes that change nothing (attributes read but not acted on). */
  warn?: (message: string) => void;
}

/** Parse and evaluate one stack file; throws ConfigError or ConfigErrors naming every problem found. */
export function readStackFile(file: string, o: ReadOptions): StackFile {
  const { loader } = o;
  const display = loader.display;
  const dir = path.dirname(file);
  const body = parseFile(file, loader);
  const decoded = decodeBody(body, STACK_SCHEMA, file, '', display);

  const variables: Record<string, Value | LazyObject> = {};
  const values = loader.values(dir);
  if (values) variables.values = values;
  const scope = loader.scopeFor(file, variables);
  const locals = loader.evaluateLocals(file, decoded.blocks.get('locals') ?? [], scope, variables).values;

  // Each declaring file with its blocks: this file's, then each include's (evaluated in this file's scope).
  const sources: { file: string; decoded: DecodedBody }[] = [{ file, decoded }];
  for (const inc of decoded.blocks.get('include') ?? []) {
    const attr = inc.body.attributes.find((a) => a.name === 'path')!;
    const raw = new AttributeEvaluator(file, scope, display).value(attr, `include.${inc.labels[0]}.path`);
    if (typeof raw !== 'string' || raw === '') {
      throw new ConfigError(display(file), 'path must be a non-empty string', `include.${inc.labels[0]}.path`, attr.range.start.line);
    }
    const incFile = path.resolve(dir, raw);
    const incBody = parseFile(incFile, loader, { file, line: attr.range.start.line, what: `include.${inc.labels[0]}.path` });
    sources.push({ file: incFile, decoded: decodeBody(incBody, INCLUDED_SCHEMA, incFile, '', display) });
  }

  // A parent stack's autoinclude for this stack (terragrunt.autoinclude.stack.hcl beside it): its blocks join this
  // file's, one with the name of an existing unit or stack replacing that block whole (Terragrunt 1.0.8).
  const autoFile = path.join(dir, AUTOINCLUDE_STACK_FILE);
  if (existsSync(autoFile)) {
    sources.push({ file: autoFile, decoded: decodeBody(parseFile(autoFile, loader), INCLUDED_SCHEMA, autoFile, '', display) });
  }

  const errors: Error[] = [];
  const all = sources.flatMap((s) => (['unit', 'stack'] as const).flatMap((kind) => (s.decoded.blocks.get(kind) ?? []).map((b) => ({ kind, b, file: s.file }))));
  const blocks = all.filter((x) => x.file === autoFile || !all.some((y) => y.file === autoFile && y.kind === x.kind && y.b.labels[0] === x.b.labels[0]));

  // unit.<name>.path and stack.<name>.path: the generated directories, known before any values are evaluated.
  const refs: Record<ComponentKind, ValueObject> = { unit: {}, stack: {} };
  const headers = blocks.map(({ kind, b, file: f }) => {
    const ev = new AttributeEvaluator(f, scope, display);
    const where = `${kind}.${b.labels[0]}`;
    const attr = (name: string) => b.body.attributes.find((a) => a.name === name);
    try {
      const p = stringAttr(ev, attr('path')!, `${where}.path`, display);
      const noDot = boolAttr(ev, attr('no_dot_terragrunt_stack'), `${where}.no_dot_terragrunt_stack`, display);
      const dest = path.resolve(noDot ? dir : path.join(dir, STACK_DIR), p);
      refs[kind][b.labels[0]!] = { path: dest };
      return { p, noDot, dest };
    } catch (e) {
      errors.push(e as Error);
      return undefined;
    }
  });
  variables.unit = refs.unit;
  variables.stack = refs.stack;

  const components: Component[] = [];
  blocks.forEach(({ kind, b, file: f }, i) => {
    const header = headers[i];
    if (!header) return;
    const name = b.labels[0]!;
    const where = `${kind}.${name}`;
    const ev = new AttributeEvaluator(f, scope, display);
    const attr = (n: string) => b.body.attributes.find((a) => a.name === n);
    try {
      const expansion = b.body.blocks.find((x) => x.type === 'expansion');
      if (expansion) {
        throw new ConfigError(display(f), `the ${kind} "${name}" block uses an expansion block (count/for_each), which Terragrunt reserves for its `
          + '\'block-iteration\' experiment; tgo does not support it: write one block per instance', `${where}.expansion`, expansion.range.start.line);
      }
      const auto = b.body.blocks.find((x) => x.type === 'autoinclude');
      const autoinclude = auto && readAutoinclude(auto, kind, where, f, header.dest, scope, display, { blocks: COMPONENTS });
      for (const n of ['mutable', 'update_source_with_cas']) {
        const a = attr(n);
        if (a && boolAttr(ev, a, `${where}.${n}`, display)) {
          o.warn?.(`${display(f)}:${a.range.start.line}: ${where}.${n} is a content-addressed-store setting; tgo copies the source as it is`);
        }
      }
      const sourceAttr = attr('source')!;
      const valuesAttr = attr('values');
      let vals: ValueObject | undefined;
      if (valuesAttr) {
        const v = ev.value(valuesAttr, `${where}.values`);
        if (v !== null && !isObject(v)) {
          throw new ConfigError(display(f), `values must be an object, got ${typeName(v)}`, `${where}.values`, valuesAttr.range.start.line);
        }
        vals = v ?? undefined;
      }
      components.push({
        kind,
        name,
        source: stringAttr(ev, sourceAttr, `${where}.source`, display),
        path: header.p,
        dest: header.dest,
        values: vals,
        noDotTerragruntStack: header.noDot,
        noValidation: boolAttr(ev, attr('no_validation'), `${where}.no_validation`, display),
        enabled: attr('enabled') ? boolAttr(ev, attr('enabled'), `${where}.enabled`, display) : true,
        file: f,
        line: b.range.start.line,
        sourceLine: sourceAttr.range.start.line,
        ...(autoinclude ? { autoinclude } : {}),
      });
    } catch (e) {
      errors.push(toConfigError(e, f, where, display));
    }
  });
  if (blocks.length === 0 && errors.length === 0) {
    errors.push(new ConfigError(display(file), 'a stack file needs at least one unit or stack block'));
  }
  errors.push(...validate(components, dir, display));
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new ConfigErrors(errors);
  return { file, dir, components, locals };
}

function parseFile(file: string, loader: StackFileHost, from?: { file: string; line: number; what: string }): Body {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    const why = missing ? `${loader.display(file)} does not exist` : `cannot read ${loader.display(file)}: ${(e as Error).message}`;
    if (from) throw new ConfigError(loader.display(from.file), why, from.what, from.line);
    throw new ConfigError(loader.display(file), missing ? 'file does not exist' : why);
  }
  try {
    return parseConfig(text, file);
  } catch (e) {
    throw toConfigError(e, file, undefined, loader.display);
  }
}

function stringAttr(ev: AttributeEvaluator, a: Attribute, where: string, display: (p: string) => string): string {
  const v = ev.value(a, where);
  if (typeof v !== 'string') throw new ConfigError(display(ev.file), `must be a string, got ${typeName(v)}`, where, a.range.start.line);
  return v;
}

function boolAttr(ev: AttributeEvaluator, a: Attribute | undefined, where: string, display: (p: string) => string): boolean {
  if (!a) return false;
  const v = ev.value(a, where);
  if (v === null) return false;
  if (typeof v !== 'boolean') throw new ConfigError(display(ev.file), `must be true or false, got ${typeName(v)}`, where, a.range.start.line);
  return v;
}

/**
 * Terragrunt's ValidateStackConfig and resolveDestPath: non-empty source and path, a relative path that stays
 * inside the stack directory, unique names (across included files too) and unique generated directories.
 */
function validate(components: Component[], dir: string, display: (p: string) => string): Error[] {
  const errors: Error[] = [];
  const err = (c: Component, attr: string, msg: string) => new ConfigError(display(c.file), msg, `${c.kind}.${c.name}${attr}`, attr === '.source' ? c.sourceLine : c.line);
  const names = new Map<string, Component>();
  const dests = new Map<string, Component>();
  for (const c of components) {
    if (c.source.trim() === '') errors.push(err(c, '.source', 'the source is empty'));
    if (c.path.trim() === '') errors.push(err(c, '.path', 'the path is empty'));
    else if (path.isAbsolute(c.path)) errors.push(err(c, '.path', `path "${c.path}" must be relative`));
    else {
      const base = c.noDotTerragruntStack ? dir : path.join(dir, STACK_DIR);
      const rel = path.relative(base, c.dest);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
        errors.push(err(c, '.path', `path "${c.path}" leads outside the stack directory ${display(base)}`));
      }
    }
    const key = `${c.kind} ${c.name}`;
    const twin = names.get(key);
    if (twin) errors.push(err(c, '', `duplicate ${c.kind} name "${c.name}" (also at ${display(twin.file)}:${twin.line})`));
    else names.set(key, c);
    if (c.path.trim() !== '') {
      const other = dests.get(c.dest);
      if (other) errors.push(err(c, '.path', `generates into ${display(c.dest)}, as ${other.kind} "${other.name}" (${display(other.file)}:${other.line}) does`));
      else dests.set(c.dest, c);
    }
  }
  return errors;
}

/**
 * The units behind a dependency on a stack's folder, as Terragrunt 1.1 expands it: the stack's own enabled units
 * (by name: their outputs are the dependency's outputs) and, for the run's order, every unit below it, nested
 * stacks' too. Undefined when `dir` is not a stack (no terragrunt.stack.hcl, or it is a unit's folder).
 */
export function stackUnitsOf(dir: string, host: StackFileHost): { direct: { name: string; dir: string }[]; all: string[] } | undefined {
  if (CONFIG_FILES.some((n) => existsSync(path.join(dir, n))) || !existsSync(path.join(dir, STACK_FILE))) return undefined;
  const direct: { name: string; dir: string }[] = [];
  const all: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string) => {
    if (seen.has(d) || !existsSync(path.join(d, STACK_FILE))) return;
    seen.add(d);
    for (const c of readStackFile(path.join(d, STACK_FILE), { loader: host }).components) {
      if (!c.enabled) continue;
      if (c.kind === 'stack') walk(c.dest);
      else {
        all.push(c.dest);
        if (d === dir) direct.push({ name: c.name, dir: c.dest });
      }
    }
  };
  walk(dir);
  return { direct, all };
}

/**
 * A module with its dependencies on stack folders expanded (Terragrunt's stackDependencyPaths): such a dependency
 * block learns the stack's units, and the module runs after every unit below the stack. Unchanged otherwise.
 */
export function withStackDependencies(cfg: ModuleConfig, host: StackFileHost): ModuleConfig {
  const expanded = new Map<string, ReturnType<typeof stackUnitsOf>>();
  for (const p of cfg.dependencyPaths) {
    const units = stackUnitsOf(p, host);
    if (units) expanded.set(p, units);
  }
  if (expanded.size === 0) return cfg;
  return {
    ...cfg,
    dependencies: cfg.dependencies.map((d) => (expanded.has(d.configPath) ? { ...d, stackUnits: expanded.get(d.configPath)!.direct } : d)),
    dependencyPaths: [...new Set(cfg.dependencyPaths.flatMap((p) => expanded.get(p)?.all ?? [p]))],
  };
}

