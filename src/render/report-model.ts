// What every run report is made from: a recorder sink that keeps the run's events with the time each arrived,
// the model built from them (one record per module: timing, result, reason, what it waited for, the critical
// path), Terragrunt's report rows (Name, Started, Ended, Result, Reason, Cause) and Go's ways of printing
// times and JSON, which the formats share. The formats themselves are report-<format>.ts.

import path from 'node:path';
import type { EventSink, ModuleResult, RunEvent } from '../run/events.js';

// ---------------------------------------------------------------------------------------------------------
// Recording

/** An event and the time it reached the recorder (events without their own time, such as `plan`, use it). */
export interface RecordedEvent {
  at: number;
  event: RunEvent;
}

/** Keeps the events a report is built from (module output is not kept: a report has no use for it). */
export class ReportRecorder implements EventSink {
  readonly events: RecordedEvent[] = [];
  constructor(private readonly now: () => number = Date.now) {}
  emit(event: RunEvent): void {
    if (event.type === 'module-output' || event.type === 'credentials' || event.type === 'log') return;
    this.events.push({ at: this.now(), event });
  }
  /** The run got as far as showing its plan or starting a module: from then on a report is written. */
  get started(): boolean {
    return this.events.some((r) => r.event.type === 'plan' || r.event.type === 'module-started' || r.event.type === 'module-finished');
  }
}

// ---------------------------------------------------------------------------------------------------------
// The model

/** What a module's record says happened; `not started` is a module in the plan that never got a result. */
export type ModuleOutcome = ModuleResult | 'not started';

export interface ModuleRecord {
  /** The module's id in tgo's events (path relative to the working dir, `.` for the working dir itself). */
  module: string;
  /** Terragrunt's name for it: the id, or the working dir's base name for `.`. */
  name: string;
  outcome: ModuleOutcome;
  /** When it started running; undefined for modules that never ran (early exit, excluded, not started). */
  startedAt?: number;
  /** When it finished, or when it was marked (early exit, excluded); undefined when it never got a result. */
  endedAt?: number;
  exitCode?: number;
  reason?: string;
  /** The failed ancestor of an early exit (module id). */
  cause?: string;
  stderrTail?: string[];
  /** Succeeded through an errors rule (retried, or its failure ignored). */
  recovered?: { how: 'retried' | 'ignored'; rule: string; attempts: number };
  /** What it waited for in this run (dependencies; dependents for destroy), as module ids. */
  waitsFor: string[];
  /** Order of arrival of its result, for stable ordering. */
  seq: number;
}

export interface RunModel {
  command?: string;
  /** destroy order: dependents first. */
  reverse: boolean;
  modules: ModuleRecord[];
  /** The chain of modules that determined the run's length, first to last (module ids). */
  criticalPath: string[];
  /** The time axis: first start (or mark) to last end. */
  start: number;
  end: number;
  /** When the first event arrived and the last (the plan may come before the prompt). */
  firstEvent?: number;
  lastEvent?: number;
  interrupted: boolean;
}

type Finished = Extract<RunEvent, { type: 'module-finished' }>;
type Plan = Extract<RunEvent, { type: 'plan' }>;

/** Terragrunt's name for a module: its path relative to the working dir; the dir's base name for itself. */
export function moduleName(id: string, workingDir: string): string {
  return id === '.' ? path.basename(path.resolve(workingDir)) : id;
}

export function buildRunModel(events: RecordedEvent[], workingDir: string): RunModel {
  let plan: Plan | undefined;
  const started = new Map<string, number>();
  const finished = new Map<string, { e: Finished; seq: number }>();
  const order: string[] = [];
  const see = (m: string) => {
    if (!order.includes(m)) order.push(m);
  };
  let seq = 0;
  for (const { event: e } of events) {
    if (e.type === 'plan') {
      plan = e;
      for (const g of e.groups) for (const m of g) see(m);
      for (const x of e.excluded) see(x.module);
    } else if (e.type === 'module-started') {
      started.set(e.module, e.at);
      see(e.module);
    } else if (e.type === 'module-finished') {
      if (!finished.has(e.module)) finished.set(e.module, { e, seq: seq++ });
      see(e.module);
    }
  }

  // What each module waited for: its dependencies, or for destroy the modules that depend on it.
  const deps = plan?.dependencies ?? {};
  const known = new Set(order);
  const waitsFor = new Map<string, string[]>(order.map((m) => [m, []]));
  for (const [m, ds] of Object.entries(deps)) {
    for (const d of ds) {
      if (!known.has(m) || !known.has(d) || d === m) continue;
      if (plan?.reverse) waitsFor.get(d)!.push(m);
      else waitsFor.get(m)!.push(d);
    }
  }

  const lastEvent = events.length > 0 ? events[events.length - 1]!.at : undefined;
  const modules: ModuleRecord[] = order.map((m) => {
    const f = finished.get(m);
    const base = { module: m, name: moduleName(m, workingDir), waitsFor: [...new Set(waitsFor.get(m) ?? [])].sort() };
    if (f) {
      return {
        ...base,
        outcome: f.e.result,
        startedAt: f.e.startedAt ?? started.get(m),
        endedAt: f.e.at,
        exitCode: f.e.exitCode,
        reason: f.e.reason,
        cause: f.e.cause,
        stderrTail: f.e.stderrTail,
        recovered: f.e.recovered,
        seq: f.seq,
      };
    }
    // Started but no result: the run stopped under it (an error in tgo itself). It ends with the last event.
    if (started.has(m)) {
      return { ...base, outcome: 'failed' as const, startedAt: started.get(m), endedAt: Math.max(started.get(m)!, lastEvent ?? 0), reason: 'did not finish: the run stopped', seq: seq++ };
    }
    return { ...base, outcome: 'not started' as const, seq: Number.MAX_SAFE_INTEGER };
  });

  const times = modules.flatMap((r) => [r.startedAt, r.endedAt]).filter((t): t is number => t !== undefined);
  const start = times.length > 0 ? Math.min(...times) : (events[0]?.at ?? 0);
  const end = times.length > 0 ? Math.max(...times) : start;
  return {
    command: plan?.command,
    reverse: !!plan?.reverse,
    modules,
    criticalPath: criticalPath(modules),
    start,
    end,
    firstEvent: events[0]?.at,
    lastEvent,
    interrupted: events.some((r) => r.event.type === 'interrupt') || modules.some((r) => r.outcome === 'interrupted'),
  };
}

/**
 * The critical path: from the module that finished last, walk back through the dependency that finished
 * last before it started (the one that released it), until a module that waited for nothing that ran.
 * Only modules that ran take part; a dependency that ended after the module started (ignored order) did
 * not hold it back and is not followed.
 */
export function criticalPath(modules: Pick<ModuleRecord, 'module' | 'startedAt' | 'endedAt' | 'waitsFor'>[]): string[] {
  const ran = new Map(modules.filter((m) => m.startedAt !== undefined && m.endedAt !== undefined).map((m) => [m.module, m]));
  if (ran.size === 0) return [];
  const byEnd = [...ran.values()].sort((a, b) => b.endedAt! - a.endedAt! || a.startedAt! - b.startedAt! || a.module.localeCompare(b.module));
  const path: string[] = [];
  const seen = new Set<string>();
  let cur: (typeof byEnd)[number] | undefined = byEnd[0];
  while (cur && !seen.has(cur.module)) {
    seen.add(cur.module);
    path.unshift(cur.module);
    const start: number = cur.startedAt!;
    cur = cur.waitsFor
      .map((d) => ran.get(d))
      .filter((d): d is NonNullable<typeof d> => !!d && d.endedAt! <= start)
      .sort((a, b) => b.endedAt! - a.endedAt! || a.module.localeCompare(b.module))[0];
  }
  return path;
}

// ---------------------------------------------------------------------------------------------------------
// Terragrunt's rows

export type ReportResult = 'succeeded' | 'failed' | 'early exit' | 'excluded';
/** Terragrunt's reasons (its report schema's enum). */
export type ReportReason = 'retry succeeded' | 'error ignored' | 'run error' | '--queue-exclude-dir' | 'exclude block' | '--queue-exclude-external' | 'ancestor error';

export interface ReportRow {
  Name: string;
  Started: number;
  Ended: number;
  Result: ReportResult;
  Reason?: ReportReason;
  Cause?: string;
}

/** tgo's exclusion reasons → Terragrunt's; the cause keeps tgo's words when Terragrunt's reason says less. */
function exclusion(reason: string | undefined): { Reason?: ReportReason; Cause?: string } {
  const r = reason ?? '';
  if (r === 'exclude block') return { Reason: 'exclude block' };
  if (/^excluded by --(terragrunt|queue)-exclude-dir/.test(r)) return { Reason: '--queue-exclude-dir' };
  if (/include-dir/.test(r)) return { Reason: '--queue-exclude-dir', Cause: r };
  if (/^external dependency/.test(r)) return { Reason: '--queue-exclude-external' };
  if (/exclude block|^skip = true|prevent_destroy/.test(r)) return { Reason: 'exclude block', Cause: r };
  return r ? { Cause: r } : {};
}

/**
 * One row per module that has a result, as Terragrunt writes them: sorted by start time. Modules that never
 * ran start and end when they were marked. tgo's `interrupted` has no Terragrunt equivalent: it is reported
 * as `failed` with reason `run error` and a cause that starts with "interrupted".
 */
export function reportRows(model: RunModel): ReportRow[] {
  const name = (id: string) => model.modules.find((m) => m.module === id)?.name ?? id;
  const rows: { row: ReportRow; seq: number }[] = [];
  for (const m of model.modules) {
    if (m.outcome === 'not started' || m.endedAt === undefined) continue;
    const Started = m.startedAt ?? m.endedAt;
    const base = { Name: m.name, Started, Ended: Math.max(m.endedAt, Started) };
    let row: ReportRow;
    switch (m.outcome) {
      case 'succeeded':
        // Terragrunt's reasons for a success that took an errors rule, with the rule's block name as the cause.
        row = m.recovered
          ? { ...base, Result: 'succeeded', Reason: m.recovered.how === 'retried' ? 'retry succeeded' : 'error ignored', Cause: m.recovered.rule }
          : { ...base, Result: 'succeeded' };
        break;
      case 'failed':
        row = { ...base, Result: 'failed', Reason: 'run error', Cause: m.reason ?? (m.exitCode !== undefined ? `exit code ${m.exitCode}` : undefined) };
        break;
      case 'interrupted': {
        const why = m.reason ?? 'interrupted';
        row = { ...base, Result: 'failed', Reason: 'run error', Cause: /^interrupted/.test(why) ? why : `interrupted: ${why}` };
        break;
      }
      case 'early exit':
        row = m.cause ? { ...base, Result: 'early exit', Reason: 'ancestor error', Cause: name(m.cause) } : { ...base, Result: 'early exit', Cause: m.reason };
        break;
      case 'excluded':
        row = { ...base, Result: 'excluded', ...exclusion(m.reason) };
        break;
    }
    if (row.Cause === undefined || row.Cause === '') delete row.Cause;
    rows.push({ row, seq: m.seq });
  }
  return rows.sort((a, b) => a.row.Started - b.row.Started || a.seq - b.seq).map((r) => r.row);
}

// ---------------------------------------------------------------------------------------------------------
// Times

/** Minutes east of UTC at a given instant. */
export type UtcOffset = (ms: number) => number;
export const localOffset: UtcOffset = (ms) => -new Date(ms).getTimezoneOffset();

/**
 * RFC 3339 as Go prints it: the local offset (`Z` for UTC), seconds only (time.RFC3339, the CSV) or with the
 * fraction's trailing zeros trimmed (time.RFC3339Nano, Go's JSON encoding of a time).
 */
export function rfc3339(ms: number, opts: { fraction?: boolean; offset?: UtcOffset } = {}): string {
  const off = (opts.offset ?? localOffset)(ms);
  const d = new Date(ms + off * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  let s = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  if (opts.fraction && d.getUTCMilliseconds() !== 0) s += `.${p(d.getUTCMilliseconds(), 3).replace(/0+$/, '')}`;
  if (off === 0) return `${s}Z`;
  const a = Math.abs(off);
  return `${s}${off < 0 ? '-' : '+'}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}

/** Go's encoding/json escapes <, >, &, U+2028 and U+2029 in strings. */
export function goJsonEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One report format: the file extensions that select it (lower case, with the dot) and how it prints a run. */
export interface ReportFormat {
  extensions: readonly string[];
  render(model: RunModel, o: { offset?: UtcOffset }): string;
}
