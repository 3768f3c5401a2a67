// The CSV run report, as Terragrunt writes it with Go's encoding/csv: header `Name,Started,Ended,Result,
// Reason,Cause`, times in RFC 3339 (seconds, local offset), `\n` line ends, and a field quoted only when it
// holds a comma, a quote, a CR or LF, starts with white space, or is `\.`; quotes inside are doubled.

import { reportRows, rfc3339, type ReportFormat, type ReportRow, type UtcOffset } from './report-model.js';

export const CSV_COLUMNS = ['Name', 'Started', 'Ended', 'Result', 'Reason', 'Cause'] as const;

/** Go's unicode.IsSpace for the first rune. */
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function csvField(field: string): string {
  const quote = field !== '' && (field === '\\.' || /[",\r\n]/.test(field) || LEADING_SPACE.test(field));
  return quote ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(rows: ReportRow[], offset?: UtcOffset): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([r.Name, rfc3339(r.Started, { offset }), rfc3339(r.Ended, { offset }), r.Result, r.Reason ?? '', r.Cause ?? ''].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export const csvReport: ReportFormat = { extensions: ['.csv'], render: (model, o) => toCsv(reportRows(model), o.offset) };
