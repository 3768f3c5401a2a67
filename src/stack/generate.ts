// `stack generate` (and the first step of every run --all): each terragrunt.stack.hcl under the working dir
// puts its units and stacks into .terragrunt-stack/<path> (or beside itself with no_dot_terragrunt_stack), copied
// from their sources with the run's one fetcher, with a terragrunt.values.hcl holding their `values`. A generated
// stack is generated in turn, parents before children, until nothing new appears (Terragrunt's level by level).
// Every error of a level is reported at once; nothing is run after a failed generation.

import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ConfigLoader } from '../config/loader.js';
import { CONFIG_FILE, VALUES_FILE } from '../config/loader.js';
import { copyTree } from '../source/copy.js';
import { detectSource, redactUrl } from '../source/detect.js';
import type { SourceFetcher } from '../source/fetcher.js';
import { effectiveSource, type SourceOptions } from '../source/overrides.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { cleanStacks } from './clean.js';
import { readStackFile, STACK_FILE, type Component, type StackFile } from '../config/stack-file.js';
import { excludedByDir } from '../discovery/select.js';
import { AUTOINCLUDE_FILE, AUTOINCLUDE_STACK_FILE } from '../config/autoinclude.js';
import { formatHcl } from '../terraform/hcl-render.js';
import { findStackFiles, removePrevious, renderValues, writeManifest } from './files.js';

/** Nesting deeper than this is a stack that generates itself. */
const MAX_LEVELS = 64;

export interface GenerateOptions {
  workingDir: string;
  loader: ConfigLoader;
  fetcher: SourceFetcher;
  /** --source-map: applies to unit and stack sources as to terraform.source. */
  sourceMap?: Record<string, string>;
  /** --no-stack-validate: a component without its terragrunt.hcl / terragrunt.stack.hcl is only a warning. */
  noValidate?: boolean;
  /** At most this many components copied at once. */
  parallelism?: number;
  /** A stack file in a folder this answers true for is left alone (--queue-exclude-dir): never read, never generated. */
  excluded?: (dir: string) => boolean;
  log: (level: 'info' | 'debug' | 'warn', message: string) => void;
}

export interface GenerateResult {
  /** Stack files generated, in order. */
  files: StackFile[];
}

export async function generateStacks(o: GenerateOptions): Promise<GenerateResult> {
  const display = o.loader.display;
  const wanted = (files: string[]) => files.filter((f) => !o.excluded?.(path.dirname(f)));
  const initial = wanted(findStackFiles(o.workingDir));
  assertNoUnitBeside(initial, display);
  const pending = new Set(initial);
  const done = new Set<string>();
  const files: StackFile[] = [];
  const limit = pLimit(Number.isFinite(o.parallelism) && o.parallelism! > 0 ? o.parallelism! : 16);
  for (let level = 0; pending.size > 0; level++) {
    if (level >= MAX_LEVELS) {
      throw new ConfigError(display([...pending][0]!), `stacks nest more than ${MAX_LEVELS} levels deep: does a stack generate itself?`);
    }
    // A file below another pending one waits: its parent may regenerate it.
    const now = [...pending].filter((f) => ![...pending].some((p) => p !== f && isBelow(f, path.dirname(p))));
    const errors: Error[] = [];
    const generated = await Promise.all(now.map(async (file) => {
      pending.delete(file);
      done.add(file);
      try {
        const sf = readStackFile(file, { loader: o.loader, warn: (m) => o.log('warn', m) });
        const results = await Promise.allSettled(sf.components.filter((c) => c.enabled).map((c) => limit(() => generateComponent(c, sf, o))));
        for (const r of results) if (r.status === 'rejected') errors.push(r.reason as Error);
        return sf;
      } catch (e) {
        errors.push(...(e instanceof ConfigErrors ? e.errors : [e as Error]));
        return undefined;
      }
    }));
    if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new ConfigErrors(errors);
    for (const sf of generated) {
      if (!sf) continue;
      files.push(sf);
      // Stack files that generation brought (a nested stack, or one inside a unit's or stack's copied tree).
      for (const c of sf.components) {
        if (!c.enabled) continue;
        const found = wanted(findStackFiles(c.dest));
        assertNoUnitBeside(found, display);
        for (const f of found) if (!done.has(f)) pending.add(f);
      }
    }
  }
  if (initial.length === 0) o.log('debug', `no ${STACK_FILE} found in ${o.workingDir} or below`);
  return { files };
}

/** The settings of a run generation uses (a run's RunOptions has them). */
export interface RunSettings {
  workingDir: string;
  command: string;
  parallelism: number;
  sources?: SourceOptions;
  noStackGenerate?: boolean;
  noStackValidate?: boolean;
  excludeDirs?: string[];
}

/**
 * What run --all, `stack run` and `stack generate` do before anything else, as Terragrunt's runall: with
 * --source-update, clean every .terragrunt-stack first (not for destroy, which needs what was generated); then
 * generate every stack file below the working dir but those in folders --queue-exclude-dir names (as a module
 * outside the queue, a stack file there is never read). Nothing with --no-stack-generate.
 */
export async function generateForRun(
  opts: RunSettings,
  deps: Pick<GenerateOptions, 'loader' | 'fetcher' | 'log'>,
): Promise<GenerateResult | undefined> {
  if (opts.noStackGenerate) return undefined;
  if (opts.sources?.sourceUpdate && opts.command !== 'destroy') {
    for (const d of await cleanStacks(opts.workingDir)) deps.log('info', `Deleting stack directory: ${deps.loader.display(d)}`);
  }
  return generateStacks({
    ...deps, workingDir: opts.workingDir, sourceMap: opts.sources?.sourceMap, noValidate: opts.noStackValidate, parallelism: opts.parallelism,
    excluded: opts.excludeDirs?.length ? excludedByDir(opts.workingDir, opts.excludeDirs) : undefined,
  });
}

async function generateComponent(c: Component, sf: StackFile, o: GenerateOptions): Promise<void> {
  const display = o.loader.display;
  const where = `${c.kind}.${c.name}`;
  const fail = (msg: string) => new ConfigError(display(c.file), msg, `${where}.source`, c.sourceLine);
  o.log('info', `Generating ${c.kind} ${c.name} from ${display(sf.file)}`);
  const source = effectiveSource(c.source, { sources: { sourceMap: o.sourceMap }, all: true, base: o.workingDir }) ?? c.source;
  let from: string;
  try {
    const spec = detectSource(source, sf.dir);
    const root = await o.fetcher.root(spec);
    from = spec.subdir ? path.join(root, spec.subdir) : root;
  } catch (e) {
    throw fail(`cannot fetch ${redactUrl(source)}: ${(e as Error).message}`);
  }
  if (!existsSync(from) || !statSync(from).isDirectory()) {
    throw fail(`${redactUrl(source)} is not a directory${existsSync(from) ? '' : ' (it does not exist)'}`);
  }
  // Checked on the source, before anything is copied (Terragrunt checks the copy: same answer).
  const expected = c.kind === 'unit' ? CONFIG_FILE : STACK_FILE;
  if (!c.noDotTerragruntStack && !c.noValidation && !existsSync(path.join(from, expected))) {
    const msg = `${redactUrl(source)} has no ${expected}: a ${c.kind} is generated from a folder holding one (no_validation = true skips this check)`;
    if (o.noValidate) o.log('warn', `${display(c.file)}:${c.line}: ${where}: ${msg}`);
    else throw new ConfigError(display(c.file), msg, where, c.line);
  }
  o.log('debug', `${where}: copying ${from} into ${c.dest}`);
  await mkdir(c.dest, { recursive: true });
  await removePrevious(c.dest);
  await copyTree(from, c.dest, { avoid: c.dest });
  const written: string[] = [];
  if (c.values) {
    await writeFile(path.join(c.dest, VALUES_FILE), renderValues(c.values));
    written.push(VALUES_FILE);
  }
  if (c.autoinclude) {
    const name = c.autoinclude.kind === 'unit' ? AUTOINCLUDE_FILE : AUTOINCLUDE_STACK_FILE;
    await writeFile(path.join(c.dest, name), formatHcl(c.autoinclude.text));
    written.push(name);
  }
  await writeManifest(from, c.dest, written);
}

/** A folder as messages show it: relative to the working dir, which itself is ".". */
function shown(dir: string, display: (p: string) => string): string {
  const d = display(dir);
  return d === dir && !path.isAbsolute(display(path.join(dir, 'x'))) ? '.' : d;
}

function isBelow(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Terragrunt refuses a folder that is both a unit and a stack: which one it is would be ambiguous. */
function assertNoUnitBeside(stackFiles: string[], display: (p: string) => string): void {
  const both = stackFiles.filter((f) => existsSync(path.join(path.dirname(f), CONFIG_FILE)));
  if (both.length === 0) return;
  const errors = both.map((f) => new ConfigError(display(f), `${shown(path.dirname(f), display)} holds both ${CONFIG_FILE} and ${STACK_FILE}: a folder is a unit or a stack, not both`));
  throw errors.length === 1 ? errors[0]! : new ConfigErrors(errors);
}
