// The run report (`--report-file run.csv|run.json|run.html`): records the run (report-model.ts) and, once it
// is over, writes the file in the format its extension picks from the registry (report-formats.ts).

import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { REPORT_FORMATS } from './report-formats.js';
import { buildRunModel, ReportRecorder, type RecordedEvent, type UtcOffset } from './report-model.js';

/** run-command's one call after the run, whatever its outcome: write the report, if any; the exit code to use. */
export function finishReport(report: RunReport | undefined, exitCode: number, secrets: { redact(s: string): string }): number {
  return report ? report.finish(exitCode, (s) => secrets.redact(s)) : exitCode;
}

/**
 * The format (its name in the registry): --report-format when given, else the file's extension; a file with
 * no extension is CSV, as in Terragrunt. Anything else is a usage error.
 */
export function reportFormat(file: string, asked?: string): string {
  if (asked !== undefined) {
    const f = asked.toLowerCase();
    if (!REPORT_FORMATS[f]) throw new UsageError(`--report-format must be ${orList(Object.keys(REPORT_FORMATS))}, got "${asked}".`);
    return f;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '') return 'csv';
  const name = Object.keys(REPORT_FORMATS).find((n) => REPORT_FORMATS[n]!.extensions.includes(ext));
  if (name === undefined) {
    throw new UsageError(`--report-file ${file}: unknown report format "${ext}"; use ${formatList()} file.`);
  }
  return name;
}

/** "a .csv, .json or .html" */
function formatList(): string {
  return `a ${orList(Object.values(REPORT_FORMATS).map((f) => f.extensions[0]!))}`;
}

/** "a, b or c". */
function orList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items[0]!;
}

/** Where the report goes: relative paths are relative to the working dir (as Terragrunt does). */
export function reportPath(file: string, workingDir: string): string {
  return path.resolve(workingDir, file);
}

export interface ReportOptions {
  workingDir: string;
  /** Applied to every text tgo did not make up itself (reasons, causes, stderr). */
  redact?: (s: string) => string;
  offset?: UtcOffset;
  /** --report-format, when given (else the file's extension decides). */
  format?: string;
}

export function renderReport(format: string, events: RecordedEvent[], o: ReportOptions): string {
  const f = REPORT_FORMATS[format];
  if (!f) throw new Error(`no report format ${format}`);
  const model = buildRunModel(events, o.workingDir);
  const redact = o.redact ?? ((s: string) => s);
  for (const m of model.modules) {
    if (m.reason !== undefined) m.reason = redact(m.reason);
    if (m.stderrTail) m.stderrTail = m.stderrTail.map(redact);
  }
  return f.render(model, { offset: o.offset });
}

/** Write the report atomically (a temp file beside it, then a rename). */
export function writeReport(file: string, events: RecordedEvent[], o: ReportOptions): string {
  const format = reportFormat(file, o.format);
  const target = reportPath(file, o.workingDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, renderReport(format, events, o));
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return target;
}

/**
 * The CLI's side: check the file before anything runs (a usage error for an unknown extension or a target
 * that is a directory), record the run, and write the report once it is over — whatever the outcome.
 */
export class RunReport extends ReportRecorder {
  private constructor(
    readonly file: string,
    private readonly workingDir: string,
    private readonly format?: string,
  ) {
    super();
  }

  static forOptions(opts: { reportFile?: string; reportFormat?: string; workingDir: string }): RunReport | undefined {
    if (opts.reportFile === undefined) {
      if (opts.reportFormat !== undefined) throw new UsageError('--report-format needs --report-file.');
      return undefined;
    }
    if (opts.reportFile.trim() === '') throw new UsageError(`--report-file needs a file name ending in ${formatList().slice(2)}.`);
    reportFormat(opts.reportFile, opts.reportFormat);
    const target = reportPath(opts.reportFile, opts.workingDir);
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      // does not exist yet: fine
    }
    if (isDir) throw new UsageError(`--report-file ${opts.reportFile}: ${target} is a directory.`);
    return new RunReport(opts.reportFile, opts.workingDir, opts.reportFormat);
  }

  /**
   * Write the report if the run got under way; returns the exit code to use: the run's, or 1 when the
   * report could not be written (after saying why on stderr).
   */
  finish(exitCode: number, redact: (s: string) => string = (s) => s, stderr: { write(s: string): unknown } = process.stderr): number {
    if (!this.started) return exitCode;
    try {
      writeReport(this.file, this.events, { workingDir: this.workingDir, redact, format: this.format });
      return exitCode;
    } catch (e) {
      stderr.write(`${redact(`ERROR Could not write the run report ${this.file}: ${e instanceof Error ? e.message : String(e)}`)}\n`);
      return exitCode === 0 ? 1 : exitCode;
    }
  }
}
