// The JSON run report, as Terragrunt writes it with Go's encoding/json: an array of objects whose keys come
// in its struct's order (Started, Ended, Reason, Cause, Name, Result), Reason and Cause left out when empty,
// times in RFC 3339 with the fraction (trailing zeros trimmed, local offset), two-space indent, a final
// newline, and `<`, `>`, `&`, U+2028 and U+2029 escaped as Go does.

import { goJsonEscape, reportRows, rfc3339, type ReportFormat, type ReportRow, type UtcOffset } from './report-model.js';

export function toJson(rows: ReportRow[], offset?: UtcOffset): string {
  const out = rows.map((r) => {
    const o: Record<string, string> = {
      Started: rfc3339(r.Started, { fraction: true, offset }),
      Ended: rfc3339(r.Ended, { fraction: true, offset }),
    };
    if (r.Reason) o.Reason = r.Reason;
    if (r.Cause) o.Cause = r.Cause;
    o.Name = r.Name;
    o.Result = r.Result;
    return o;
  });
  return `${goJsonEscape(JSON.stringify(out, null, 2))}\n`;
}

export const jsonReport: ReportFormat = { extensions: ['.json'], render: (model, o) => toJson(reportRows(model), o.offset) };
