// Errors raised while parsing and evaluating HCL. Both carry a location so a user can jump to the offending
// text; their messages follow HCL's diagnostic shape (`file:line,col: Summary; Detail`).
import type { Range } from './ast.js';

export class HclSyntaxError extends Error {
  readonly filename: string;
  readonly line: number;
  readonly column: number;
  readonly summary: string;
  readonly detail: string;
  /** Where the problem is (the start equals line/column). */
  readonly range: Range;

  constructor(range: Range, summary: string, detail: string) {
    super(`${range.filename}:${range.start.line},${range.start.column}: ${summary}; ${detail}`);
    this.name = 'HclSyntaxError';
    this.filename = range.filename;
    this.line = range.start.line;
    this.column = range.start.column;
    this.summary = summary;
    this.detail = detail;
    this.range = range;
  }
}

export class EvalError extends Error {
  readonly range: Range;
  readonly summary: string;
  readonly detail: string;

  constructor(range: Range, summary: string, detail: string) {
    super(`${range.filename}:${range.start.line},${range.start.column}: ${summary}; ${detail}`);
    this.name = 'EvalError';
    this.range = range;
    this.summary = summary;
    this.detail = detail;
  }
}

/** HCL's textual form of a range, as used inside messages: `file:1,3-7` or `file:1,3-2,4`. */
export function formatRange(r: Range): string {
  if (r.start.line === r.end.line) return `${r.filename}:${r.start.line},${r.start.column}-${r.end.column}`;
  return `${r.filename}:${r.start.line},${r.start.column}-${r.end.line},${r.end.column}`;
}

/** Levenshtein distance, used for "Did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The closest candidate within edit distance 3 (and closer than the name's own length), if any. */
export function nameSuggestion(given: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(given, c);
    if (d <= 3 && d < given.length && (d < bestDist || (d === bestDist && best !== undefined && c < best))) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}
