// The run report formats, by name. A format is one file exporting a ReportFormat; adding one is that file and
// its line here (the extension then selects it, and the usage message lists it).

import type { ReportFormat } from './report-model.js';
import { csvReport } from './report-csv.js';
import { htmlReport } from './report-html.js';
import { jsonReport } from './report-json.js';

export const REPORT_FORMATS: Readonly<Record<string, ReportFormat>> = {
  csv: csvReport,
  json: jsonReport,
  html: htmlReport,
};
