// A filter that does not parse: where (offset into the query), what, and a hint — shown as Terragrunt shows
// it (internal/filter/diagnostic.go, hints.go): the query, a caret under the offending character, the hint.

export type ErrorCode = 'unknown' | 'unexpected-token' | 'unexpected-eof' | 'empty-expression' | 'missing-closing-bracket'
  | 'missing-closing-brace' | 'illegal-token' | 'missing-operand' | 'empty-git-filter' | 'missing-git-ref' | 'invalid-glob';

export class FilterParseError extends Error {
  override name = 'FilterParseError';
  constructor(
    readonly title: string,
    readonly detail: string,
    readonly query: string,
    /** Offset of the token the parser stood on. */
    readonly position: number,
    /** Offset the caret points at (an unclosed bracket's opening one, else `position`). */
    readonly errorPosition: number,
    readonly token: string,
    readonly code: ErrorCode,
  ) {
    super(`Parse error at position ${position}: ${detail}`);
  }
}

const ELLIPSIS_HINT = "The '...' operator must be used in either a graph-based or Git-based expression. e.g. '...foo...' or '[main...HEAD]'";
const CARET_HINT = "The '^' operator must be used in either a graph-based or Git-based expression. e.g. '...^foo...' or '[HEAD^]'";

/** What to tell the user about an error of this kind at this token. */
export function hint(code: ErrorCode, token: string, query: string, position: number): string {
  switch (code) {
    case 'unexpected-token': return unexpectedTokenHint(token, query, position);
    case 'missing-closing-bracket': {
      const at = query.indexOf('[');
      return at >= 0 ? `Git-based expressions require surrounding references with '[]'. Did you mean '[${query.slice(at + 1)}]'?`
        : "Git-based expressions require surrounding references with '[]'. e.g. '[main...HEAD]'";
    }
    case 'missing-closing-brace': {
      const at = query.indexOf('{');
      return at >= 0 ? `Explicit path expressions require surrounding paths with '{}'. Did you mean '{${query.slice(at + 1)}}'?`
        : "Explicit path expressions require surrounding paths with '{}'. e.g. '{path/with spaces}'";
    }
    case 'missing-git-ref': return "Git filters with '...' require a reference on each side. e.g. '[main...HEAD]'";
    case 'unexpected-eof': {
      const t = query.trim();
      if (t.endsWith('...')) return ELLIPSIS_HINT;
      if (t.endsWith('^')) return CARET_HINT;
      return 'The expression is incomplete. Make sure all brackets are closed and operators have operands.';
    }
    case 'illegal-token': return 'This character is not recognized. Valid operators: | (union), ! (negation), = (attribute)';
    default: return '';
  }
}

function unexpectedTokenHint(token: string, query: string, position: number): string {
  switch (token) {
    case '^': return caretHint(query, position);
    case '|': return '';
    case '=': return "The equals sign is used for attribute filters. e.g. 'name=foo'";
    case ']': return "Unexpected ']' without matching '['. Git-based expressions use square brackets. e.g. '[main...HEAD]'";
    case '}': return "Unexpected '}' without matching '{'. Explicit path expressions use braces. e.g. '{./my path}'";
    case '...': return ELLIPSIS_HINT;
  }
  if (token.startsWith('.') || token.startsWith('/')) return "Path expressions should start with './' for relative or '/' for absolute paths.";
  return '';
}

function caretHint(query: string, position: number): string {
  if (position === 0) return "The '^' operator excludes the target from graph results. e.g. '^foo...' selects foo's dependents but not foo itself.";
  const before = query.slice(0, position).trim();
  if (before.endsWith('...')) {
    return `The '^' operator excludes the target from graph results when used on the left side of the expression. Did you mean '^${before.slice(0, -3)}...'?`;
  }
  const words = before.split(/[ \t|!={}[\]]+/).filter(Boolean);
  const last = words[words.length - 1];
  if (last) return `Git-based expressions require surrounding references with '[]'. Did you mean '[${last}^]'?`;
  return CARET_HINT;
}

/**
 * The error as the user sees it: which filter (`flag` names where it came from: `--filter`, `TG_FILTER`,
 * `--filters-file FILE:3`, `--queue-include-dir`), the query with a caret under the problem, and a hint.
 */
export function formatDiagnostic(err: FilterParseError, flag: string): string {
  const lines = [`Filter parsing error: ${err.title}`, ` --> ${flag} '${err.query}'`, '', `     ${err.query}`,
    `     ${' '.repeat(err.errorPosition)}^ ${err.detail}`];
  const h = hint(err.code, err.token, err.query, err.position);
  if (h) lines.push('', `  hint: ${h}`);
  return lines.join('\n');
}
