// The errors block and the classic retry attributes, read from one file and merged across includes as
// Terragrunt does (pkg/config/errors_block.go): a retry or ignore block of the same name merges its patterns
// and takes the including side's numbers; the classic attributes are the child's when it sets them.

import { compileRe2, re2Test } from './functions/terraform/re2.js';
import { DEFAULT_RETRYABLE_ERRORS } from './functions/terragrunt.js';
import { isObject, type Value, type ValueObject } from './hcl/values.js';
import type { ErrorsSettings, IgnoreRule, RetryRule } from './types.js';

/** The typed reads merge.ts's Reader offers (failures name the file, attribute and line). */
export interface ErrorsReader {
  fail(attr: string, detail: string): never;
  str(obj: ValueObject, key: string, at: string): string | undefined;
  list(obj: ValueObject, key: string, at: string): string[] | undefined;
  object(obj: ValueObject, key: string, at: string): ValueObject | undefined;
}

export type FileErrors = Partial<ErrorsSettings>;

/** Terragrunt's default retryable errors (get_default_retryable_errors()): its default retry rule's patterns. */
export const DEFAULT_ERROR_PATTERNS: readonly string[] = DEFAULT_RETRYABLE_ERRORS;

/** A retry/ignore pattern as Terragrunt matches it: RE2, unanchored; `!` in front makes a match say no. */
export function compileErrorPattern(pattern: string): { negative: boolean; test(text: string): boolean } {
  const negative = pattern.startsWith('!');
  const re = compileRe2(negative ? pattern.slice(1) : pattern);
  return { negative, test: (text) => re2Test(re, text) };
}

function int(r: ErrorsReader, obj: ValueObject, key: string, at: string): number | undefined {
  const v: Value | undefined = obj[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) return r.fail(at, `must be a whole number, got ${JSON.stringify(v)}`);
  return n;
}

/** Patterns are Go regular expressions, checked now (not when terraform fails); `!` in front negates one. */
function patterns(r: ErrorsReader, obj: ValueObject, key: string, at: string, kind: string, name: string): string[] | undefined {
  const list = r.list(obj, key, at);
  for (const p of list ?? []) {
    try {
      compileRe2(p.startsWith('!') ? p.slice(1) : p);
    } catch (e) {
      r.fail(at, `invalid ${kind} pattern ${JSON.stringify(p)} in block ${JSON.stringify(name)}: ${(e as Error).message}`);
    }
  }
  return list;
}

const blocks = (v: Value | undefined): [string, ValueObject][] =>
  isObject(v ?? null) ? Object.entries(v as ValueObject).filter((e): e is [string, ValueObject] => isObject(e[1])) : [];

export function readErrors(r: ErrorsReader, tree: ValueObject): FileErrors | undefined {
  const out: FileErrors = {};
  const retryableErrors = patterns(r, tree, 'retryable_errors', 'retryable_errors', 'retry', 'retryable_errors');
  if (retryableErrors) out.retryableErrors = retryableErrors;
  const attempts = int(r, tree, 'retry_max_attempts', 'retry_max_attempts');
  if (attempts !== undefined) {
    if (attempts < 1) r.fail('retry_max_attempts', `cannot have less than 1 max retry, but you specified ${attempts}`);
    out.retryMaxAttempts = attempts;
  }
  const sleep = int(r, tree, 'retry_sleep_interval_sec', 'retry_sleep_interval_sec');
  if (sleep !== undefined) {
    if (sleep < 0) r.fail('retry_sleep_interval_sec', `cannot sleep for less than 0 seconds, but you specified ${sleep}`);
    out.retrySleepIntervalSec = sleep;
  }
  const block = r.object(tree, 'errors', 'errors');
  if (block) {
    out.retry = blocks(block.retry).map(([name, b]): RetryRule => {
      const at = `errors.retry.${name}`;
      const required = (key: string) => r.fail(`${at}.${key}`, `The argument "${key}" is required in errors.retry "${name}"`);
      const maxAttempts = int(r, b, 'max_attempts', `${at}.max_attempts`) ?? required('max_attempts');
      const sleepIntervalSec = int(r, b, 'sleep_interval_sec', `${at}.sleep_interval_sec`) ?? required('sleep_interval_sec');
      if (maxAttempts < 1) r.fail(`${at}.max_attempts`, `cannot have less than 1 max retry in errors.retry "${name}", but you specified ${maxAttempts}`);
      if (sleepIntervalSec < 0) r.fail(`${at}.sleep_interval_sec`, `cannot sleep for less than 0 seconds in errors.retry "${name}", but you specified ${sleepIntervalSec}`);
      const retryable = patterns(r, b, 'retryable_errors', `${at}.retryable_errors`, 'retry', name) ?? required('retryable_errors');
      return { name, retryableErrors: retryable, maxAttempts, sleepIntervalSec };
    });
    out.ignore = blocks(block.ignore).map(([name, b]): IgnoreRule => {
      const at = `errors.ignore.${name}`;
      const ignorable = patterns(r, b, 'ignorable_errors', `${at}.ignorable_errors`, 'ignore', name)
        ?? r.fail(`${at}.ignorable_errors`, `The argument "ignorable_errors" is required in errors.ignore "${name}"`);
      return { name, ignorableErrors: ignorable, message: r.str(b, 'message', `${at}.message`) ?? '', signals: r.object(b, 'signals', `${at}.signals`) };
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The child (the including side so far) over the parent, as Terragrunt's ErrorsConfig.Merge. */
export function mergeErrors(parent: FileErrors | undefined, child: FileErrors | undefined): FileErrors | undefined {
  if (!parent || !child) return child ?? parent;
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const retry = [...(parent.retry ?? [])];
  for (const c of child.retry ?? []) {
    const i = retry.findIndex((p) => p.name === c.name);
    if (i < 0) retry.push(c);
    else retry[i] = { name: c.name, retryableErrors: union(retry[i]!.retryableErrors, c.retryableErrors), maxAttempts: c.maxAttempts, sleepIntervalSec: c.sleepIntervalSec };
  }
  const ignore = [...(parent.ignore ?? [])];
  for (const c of child.ignore ?? []) {
    const i = ignore.findIndex((p) => p.name === c.name);
    if (i < 0) ignore.push(c);
    else ignore[i] = { ...c, ignorableErrors: union(ignore[i]!.ignorableErrors, c.ignorableErrors) };
  }
  return {
    retry: parent.retry || child.retry ? retry : undefined,
    ignore: parent.ignore || child.ignore ? ignore : undefined,
    retryableErrors: child.retryableErrors ?? parent.retryableErrors,
    retryMaxAttempts: child.retryMaxAttempts ?? parent.retryMaxAttempts,
    retrySleepIntervalSec: child.retrySleepIntervalSec ?? parent.retrySleepIntervalSec,
  };
}

export function errorsSettings(e: FileErrors | undefined): ErrorsSettings {
  const { retry = [], ignore = [], ...classic } = e ?? {};
  const out: ErrorsSettings = { retry, ignore };
  for (const [k, v] of Object.entries(classic)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}
