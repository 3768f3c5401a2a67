// `hcl fmt` over files: each must parse before it is touched (a syntax error is reported with its line and the
// file left alone, the other files still formatted); --check changes nothing. Returns what happened to each
// file; the CLI decides what to print.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HclSyntaxError } from '../config/hcl/errors.js';
import { parseConfig } from '../config/hcl/parser.js';
import { ConfigError } from '../errors.js';
import { unifiedDiff } from './diff.js';
import { findHclFiles } from './files.js';
import { formatHcl } from './format.js';

export interface FmtOptions {
  workingDir: string;
  /** One file instead of the whole tree (relative to workingDir or absolute). */
  file?: string;
  excludeDirs: string[];
  check: boolean;
  diff: boolean;
  /** Which of the files found in the tree to format (--filter); not applied to `file`. */
  select?: (files: string[]) => string[];
}

export interface FmtFileResult {
  /** Path relative to the working dir, as messages show it. */
  path: string;
  changed: boolean;
  /** Unified diff, when asked for and the file changed. */
  diff?: string;
  /** Why the file was not formatted. */
  error?: Error;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Formats one file's text; throws a ConfigError naming the line when the text is not valid HCL. */
export function formatSource(bytes: Uint8Array | string, filename: string): string {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : utf8.decode(bytes);
  } catch {
    throw new ConfigError(filename, 'not valid UTF-8, left unformatted');
  }
  try {
    parseConfig(text, filename);
  } catch (e) {
    if (!(e instanceof HclSyntaxError)) throw e;
    throw new ConfigError(filename, `${e.summary}; ${e.detail} (left unformatted)`, undefined, e.line, e.column);
  }
  return formatHcl(text);
}

export function formatFiles(opts: FmtOptions): FmtFileResult[] {
  const found = () => findHclFiles(opts.workingDir, opts.excludeDirs);
  const files = opts.file ? [path.resolve(opts.workingDir, opts.file)] : opts.select ? opts.select(found()) : found();
  return files.map((file) => {
    const rel = path.relative(opts.workingDir, file) || path.basename(file);
    try {
      const before = readFileSync(file);
      const after = formatSource(before, rel);
      const original = before.toString('utf8');
      const changed = after !== original;
      if (changed && !opts.check) writeFileSync(file, after);
      return { path: rel, changed, diff: changed && opts.diff ? unifiedDiff(original, after, rel) : undefined };
    } catch (e) {
      const error = e instanceof ConfigError ? e : new ConfigError(rel, e instanceof Error ? e.message : String(e));
      return { path: rel, changed: false, error };
    }
  });
}
