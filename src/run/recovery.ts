// What happens to a failed module run, as Terragrunt's RunWithErrorHandling and AttemptErrorRecovery decide it
// (internal/runner/run/options.go, internal/errorconfig/types.go): ignore rules first, then retry rules, each
// matched against the failure's cleaned text. Without an errors block, one retry rule named "default" holds
// Terragrunt's default retryable errors (or the classic retryable_errors), 3 attempts, 5 s apart.

import { compileErrorPattern, DEFAULT_ERROR_PATTERNS } from '../config/errors-block.js';
import type { ErrorsSettings, IgnoreRule, RetryRule } from '../config/types.js';

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_SLEEP_SEC = 5;

type Pattern = ReturnType<typeof compileErrorPattern>;
export interface Rules {
  retry: (RetryRule & { patterns: Pattern[] })[];
  ignore: (IgnoreRule & { patterns: Pattern[] })[];
}

export type Recovery =
  | { kind: 'ignore'; rule: IgnoreRule }
  | { kind: 'retry'; rule: RetryRule }
  /** A retry rule matched, but the attempt was its last. */
  | { kind: 'exhausted'; rule: RetryRule };

export function recoveryRules(e: ErrorsSettings | undefined): Rules {
  const retry: RetryRule[] = [...(e?.retry ?? [])];
  const classic = e?.retryableErrors !== undefined || e?.retryMaxAttempts !== undefined || e?.retrySleepIntervalSec !== undefined;
  // An errors block with rules replaces the default rule (Terragrunt); classic attributes still add theirs.
  if (retry.length + (e?.ignore.length ?? 0) === 0 || classic) {
    retry.push({
      name: 'default',
      retryableErrors: e?.retryableErrors ?? [...DEFAULT_ERROR_PATTERNS],
      maxAttempts: e?.retryMaxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      sleepIntervalSec: e?.retrySleepIntervalSec ?? DEFAULT_SLEEP_SEC,
    });
  }
  return {
    retry: retry.map((r) => ({ ...r, patterns: r.retryableErrors.map(compileErrorPattern) })),
    ignore: (e?.ignore ?? []).map((r) => ({ ...r, patterns: r.ignorableErrors.map(compileErrorPattern) })),
  };
}

/**
 * Terragrunt's ExtractErrorMessage: terraform's stderr and the error, escape sequences removed, every run of
 * characters outside [a-zA-Z0-9./'"():=- ] (newlines included) turned into one space. Patterns see one line.
 */
export function errorText(stderr: string, error: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = `${stderr}\n${error}`.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '');
  return plain.replace(/[^a-zA-Z0-9./'"():=\- ]+/g, ' ').split(' ').filter(Boolean).join(' ');
}

/** MatchesAnyRegexpPattern: the first pattern that matches decides (a negated one says no). */
function matches(text: string, patterns: Pattern[]): boolean {
  for (const p of patterns) if (p.test(text)) return !p.negative;
  return false;
}

/** `attempt` is the attempt that just failed (1 for the first run). */
export function recover(rules: Rules, text: string, attempt: number): Recovery | undefined {
  for (const rule of rules.ignore) if (matches(text, rule.patterns)) return { kind: 'ignore', rule };
  for (const rule of rules.retry) {
    if (!matches(text, rule.patterns)) continue;
    return attempt >= rule.maxAttempts ? { kind: 'exhausted', rule } : { kind: 'retry', rule };
  }
  return undefined;
}
