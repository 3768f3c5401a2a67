// --filter, --filters-file (default .terragrunt-filters), --no-filters-file, --filter-affected and
// --filter-allow-destroy → parsed filters for the run's options. A filter that does not parse is a usage error
// naming where it came from, the query and the position; nothing runs.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { applyFilters, FilterError, parseFilters, restrictedToStacks, show, walk, type Filter } from '../discovery/filter/index.js';
import { defaultBranch, hasUncommittedChanges } from '../discovery/changed.js';
import { UsageError } from '../errors.js';
import { describeSource } from '../shared/provenance.js';
import { flagBool, flagList, flagString, type ParsedArgs } from './parse-args.js';

/** The file Terragrunt reads filters from when it is in the working dir (unless --no-filters-file). */
export const DEFAULT_FILTERS_FILE = '.terragrunt-filters';

export interface FilterOptions {
  filters: Filter[];
  /** --filter was given (as in Terragrunt, it makes the command an --all one). */
  impliesAll: boolean;
  /** Warnings to show (uncommitted changes with --filter-affected). */
  warnings: string[];
}

export function filterOptions(p: ParsedArgs, workingDir: string): FilterOptions {
  const { filters, warnings } = parsedFilters(p, workingDir);
  for (const f of filters) {
    // Terragrunt's components include stacks (folders of terragrunt.stack.hcl); tgo selects units only.
    if (restrictedToStacks(f.expr)) {
      throw new UsageError(`${f.from} '${f.query}' selects stacks: tgo selects units only (stacks are generated whole, then their units run), `
        + 'so it does not restrict stack generation or list stacks. Select the generated units by path instead, e.g. \'./live/.terragrunt-stack/**\'. Nothing was run.');
    }
  }
  return { filters, impliesAll: flagList(p, 'filter').length > 0, warnings };
}

/**
 * `hcl fmt --filter`: as in Terragrunt, filters pick HCL files by path (globs, `!`, `|`; relative to the working
 * dir): anything that needs units (names, attributes, graph, git) is refused.
 */
export function fileFilters(p: ParsedArgs, workingDir: string): ((files: string[]) => string[]) | undefined {
  const { filters } = parsedFilters(p, workingDir);
  if (filters.length === 0) return undefined;
  for (const f of filters) {
    const needsUnits = [...walk(f.expr)].find((x) => x.kind !== 'path' && x.kind !== 'not' && x.kind !== 'and');
    if (needsUnits) {
      throw new UsageError(`${f.from} '${f.query}': hcl fmt filters files by path only; '${show(needsUnits)}' needs discovered units`
        + `${needsUnits.kind === 'attribute' && needsUnits.key === 'name' ? ` (a path starts with ./ or /: './${needsUnits.value}')` : ''}. Nothing was formatted.`);
    }
  }
  return (files) => applyFilters(filters, files.map((file) => ({ path: file, kind: 'unit' as const, external: false, reading: [], sources: [] })), { workingDir })
    .selected.map((c) => c.path);
}

function parsedFilters(p: ParsedArgs, workingDir: string): { filters: Filter[]; warnings: string[] } {
  const queries: { query: string; from: string }[] = [];
  const given = p.flags.get('filter');
  for (const q of flagList(p, 'filter')) queries.push({ query: q, from: describeSource(given!.source) });
  if (!flagBool(p, 'noFiltersFile')) queries.push(...fileQueries(p, workingDir));
  const warnings: string[] = [];
  if (flagBool(p, 'filterAffected')) {
    const branch = defaultBranch(workingDir);
    if (hasUncommittedChanges(workingDir)) {
      warnings.push('You have uncommitted changes: --filter-affected compares commits, so it may not include all your local modifications.');
    }
    queries.push({ query: `[${branch}...HEAD]`, from: '--filter-affected' });
  }
  let filters: Filter[];
  try {
    filters = parseFilters(queries);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message);
    throw e;
  }
  for (const f of filters) {
    for (const x of walk(f.expr)) {
      if (x.kind === 'graph' && (x.dependents.boundary || x.dependencies.boundary)) {
        throw new UsageError(`${f.from} '${f.query}': the '(dir)' graph boundary is Terragrunt's bounded-discovery experiment, which tgo does not implement. Nothing was run.`);
      }
    }
  }
  return { filters, warnings };
}

/** Lines of the filters file: an explicit --filters-file must exist; the default one is read when present. */
function fileQueries(p: ParsedArgs, workingDir: string): { query: string; from: string }[] {
  const flag = flagString(p, 'filtersFile');
  const file = path.resolve(workingDir, flag?.value ?? DEFAULT_FILTERS_FILE);
  if (!existsSync(file) || !statSync(file).isFile()) {
    // Terragrunt skips a missing file silently even when named; tgo will not run everything on a typo.
    if (flag) throw new UsageError(`${describeSource(flag.source)}: ${file} does not exist. Nothing was run.`);
    return [];
  }
  const shown = flag ? `${describeSource(flag.source)} ${flag.value}` : DEFAULT_FILTERS_FILE;
  return readFileSync(file, 'utf8').split(/\r?\n/).flatMap((line, i) => {
    const query = line.trim();
    return query === '' || query.startsWith('#') ? [] : [{ query, from: `${shown}:${i + 1}` }];
  });
}
