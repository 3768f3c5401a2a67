/**
 * The run report from a recorded event list: the per-module model (results, timings, what each waited for),
 * the critical path, Terragrunt's rows (results, reasons, causes, times) and the exact CSV and JSON text,
 * the HTML page's structure, and the CLI side (format by extension, when a report is written).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/run/events.js';
import { finishReport, reportFormat, renderReport, RunReport } from '../../src/render/report.js';
import {
  buildRunModel, criticalPath, goJsonEscape, moduleName, ReportRecorder, reportRows, rfc3339, type RecordedEvent,
} from '../../src/render/report-model.js';
import { csvField, toCsv } from '../../src/render/report-csv.js';
import { formatMs, tickStep, toHtml } from '../../src/render/report-html.js';
import { UsageError } from '../../src/errors.js';

// 2025-06-05T20:28:41.000Z
const T = Date.UTC(2025, 5, 5, 20, 28, 41, 0);
const UTC = () => 0;
const EDT = () => -240;

/** A run of a 6-module stack: vpc → db → app, net (fails) → svc → web (early exits), dns excluded. */
function recorded(): RecordedEvent[] {
  const ev: [number, RunEvent][] = [
    [T - 500, {
      type: 'plan', command: 'apply', reverse: false,
      groups: [['net', 'vpc'], ['db', 'svc'], ['app'], ['web']],
      dependencies: { vpc: [], net: [], db: ['vpc'], app: ['db', 'vpc'], svc: ['net'], web: ['svc', 'app'] },
      excluded: [{ module: 'dns', reason: 'excluded by --terragrunt-exclude-dir' }],
    }],
    [T, { type: 'module-finished', module: 'dns', result: 'excluded', at: T, reason: 'excluded by --terragrunt-exclude-dir' }],
    [T + 1, { type: 'module-started', module: 'net', at: T + 1 }],
    [T + 2, { type: 'module-started', module: 'vpc', at: T + 2 }],
    [T + 10, { type: 'module-output', module: 'net', stream: 'stderr', line: 'Error: quota' }],
    [T + 1250, {
      type: 'module-finished', module: 'net', result: 'failed', at: T + 1250, startedAt: T + 1, exitCode: 3,
      reason: 'terraform apply exited with code 3', stderrTail: ['Error: quota "exceeded", try again'],
    }],
    [T + 1251, { type: 'module-finished', module: 'svc', result: 'early exit', at: T + 1251, cause: 'net', reason: 'dependency net did not succeed' }],
    [T + 1251, { type: 'module-finished', module: 'web', result: 'early exit', at: T + 1251, cause: 'net', reason: 'dependency net did not succeed' }],
    [T + 2000, { type: 'module-finished', module: 'vpc', result: 'succeeded', at: T + 2000, startedAt: T + 2, exitCode: 0 }],
    [T + 2001, { type: 'module-started', module: 'db', at: T + 2001 }],
    [T + 4500, { type: 'module-finished', module: 'db', result: 'succeeded', at: T + 4500, startedAt: T + 2001, exitCode: 0 }],
    [T + 4502, { type: 'module-started', module: 'app', at: T + 4502 }],
    [T + 5120, { type: 'module-finished', module: 'app', result: 'succeeded', at: T + 5120, startedAt: T + 4502, exitCode: 0 }],
  ];
  return ev.map(([at, event]) => ({ at, event }));
}

describe('the model', () => {
  it('has one record per module of the plan, with timings, results and what each waited for', () => {
    const m = buildRunModel(recorded(), '/stacks/prod');
    expect(m.command).toBe('apply');
    expect(m.modules.map((x) => [x.module, x.outcome, x.startedAt === undefined ? null : x.startedAt - T, x.endedAt! - T])).toEqual([
      ['net', 'failed', 1, 1250],
      ['vpc', 'succeeded', 2, 2000],
      ['db', 'succeeded', 2001, 4500],
      ['svc', 'early exit', null, 1251],
      ['app', 'succeeded', 4502, 5120],
      ['web', 'early exit', null, 1251],
      ['dns', 'excluded', null, 0],
    ]);
    expect(Object.fromEntries(m.modules.map((x) => [x.module, x.waitsFor]))).toEqual({
      net: [], vpc: [], db: ['vpc'], svc: ['net'], app: ['db', 'vpc'], web: ['app', 'svc'], dns: [],
    });
    expect(m.start).toBe(T);
    expect(m.end).toBe(T + 5120);
    expect(m.interrupted).toBe(false);
  });

  it('destroy waits for dependents', () => {
    const m = buildRunModel([{ at: T, event: { type: 'plan', command: 'destroy', reverse: true, groups: [['app'], ['db']], dependencies: { app: ['db'], db: [] }, excluded: [] } }], '/w');
    expect(m.modules.find((x) => x.module === 'db')!.waitsFor).toEqual(['app']);
    expect(m.modules.find((x) => x.module === 'app')!.waitsFor).toEqual([]);
    expect(m.modules.every((x) => x.outcome === 'not started')).toBe(true);
  });

  it('a module that started but never got a result failed when the run stopped', () => {
    const m = buildRunModel([
      { at: T, event: { type: 'module-started', module: 'a', at: T } },
      { at: T + 300, event: { type: 'log', level: 'error', message: 'boom' } },
      { at: T + 400, event: { type: 'interrupt', signal: 'SIGINT', second: false } },
    ], '/w');
    expect(m.modules[0]).toMatchObject({ module: 'a', outcome: 'failed', startedAt: T, endedAt: T + 400, reason: 'did not finish: the run stopped' });
    expect(m.interrupted).toBe(true);
  });

  it('names the working dir itself by its base name, as Terragrunt does', () => {
    expect(moduleName('.', '/stacks/prod/vpc')).toBe('vpc');
    expect(moduleName('net/vpc', '/stacks/prod')).toBe('net/vpc');
  });
});

describe('critical path', () => {
  const mod = (module: string, startedAt: number | undefined, endedAt: number | undefined, waitsFor: string[] = []) => ({ module, startedAt, endedAt, waitsFor });

  it('follows the dependency that finished last, back from the module that finished last', () => {
    expect(buildRunModel(recorded(), '/w').criticalPath).toEqual(['vpc', 'db', 'app']);
  });

  it('picks the later of two dependencies and stops at a module that waited for nothing that ran', () => {
    expect(criticalPath([
      mod('a', 0, 100), mod('b', 0, 300), mod('x', undefined, 50),
      mod('c', 301, 500, ['a', 'b', 'x']), mod('d', 0, 450),
    ])).toEqual(['b', 'c']);
  });

  it('does not follow a dependency that ended after the module started (ignored order)', () => {
    expect(criticalPath([mod('a', 0, 900), mod('b', 10, 1000, ['a'])])).toEqual(['b']);
  });

  it('is empty when nothing ran', () => {
    expect(criticalPath([mod('a', undefined, 5)])).toEqual([]);
  });
});

describe("Terragrunt's rows", () => {
  it('maps results, reasons and causes, sorted by start time', () => {
    const rows = reportRows(buildRunModel(recorded(), '/w'));
    expect(rows.map((r) => ({ ...r, Started: r.Started - T, Ended: r.Ended - T }))).toEqual([
      { Name: 'dns', Started: 0, Ended: 0, Result: 'excluded', Reason: '--queue-exclude-dir' },
      { Name: 'net', Started: 1, Ended: 1250, Result: 'failed', Reason: 'run error', Cause: 'terraform apply exited with code 3' },
      { Name: 'vpc', Started: 2, Ended: 2000, Result: 'succeeded' },
      { Name: 'svc', Started: 1251, Ended: 1251, Result: 'early exit', Reason: 'ancestor error', Cause: 'net' },
      { Name: 'web', Started: 1251, Ended: 1251, Result: 'early exit', Reason: 'ancestor error', Cause: 'net' },
      { Name: 'db', Started: 2001, Ended: 4500, Result: 'succeeded' },
      { Name: 'app', Started: 4502, Ended: 5120, Result: 'succeeded' },
    ]);
  });

  const one = (e: Partial<Extract<RunEvent, { type: 'module-finished' }>>) =>
    reportRows(buildRunModel([{ at: T, event: { type: 'module-finished', module: 'm', result: 'succeeded', at: T, ...e } as RunEvent }], '/w'))[0];

  it('reports interrupted modules as failed run errors whose cause says interrupted', () => {
    expect(one({ result: 'interrupted', startedAt: T - 10, reason: 'terraform apply was stopped by SIGINT', exitCode: 130 }))
      .toMatchObject({ Result: 'failed', Reason: 'run error', Cause: 'interrupted: terraform apply was stopped by SIGINT' });
    expect(one({ result: 'interrupted', cause: 'vpc', reason: 'interrupted before it could start' }))
      .toMatchObject({ Result: 'failed', Reason: 'run error', Cause: 'interrupted before it could start' });
  });

  it('a failure without a reason names its exit code; an early exit without an ancestor keeps tgo\'s words', () => {
    expect(one({ result: 'failed', exitCode: 2 })).toEqual({ Name: 'm', Started: T, Ended: T, Result: 'failed', Reason: 'run error', Cause: 'exit code 2' });
    expect(one({ result: 'early exit', reason: 'not started: --fail-fast after a failure' }))
      .toEqual({ Name: 'm', Started: T, Ended: T, Result: 'early exit', Cause: 'not started: --fail-fast after a failure' });
  });

  it.each([
    ['exclude block', { Reason: 'exclude block' }],
    ['excluded by --terragrunt-exclude-dir', { Reason: '--queue-exclude-dir' }],
    ['not matched by --terragrunt-include-dir', { Reason: '--queue-exclude-dir', Cause: 'not matched by --terragrunt-include-dir' }],
    ['external dependency (outside the working directory)', { Reason: '--queue-exclude-external' }],
    ['skip = true', { Reason: 'exclude block', Cause: 'skip = true' }],
    ['prevent_destroy = true', { Reason: 'exclude block', Cause: 'prevent_destroy = true' }],
    ['exclude block of app (exclude_dependencies)', { Reason: 'exclude block', Cause: 'exclude block of app (exclude_dependencies)' }],
    ['something new', { Cause: 'something new' }],
  ])('excluded because %s', (reason, expected) => {
    expect(one({ result: 'excluded', reason })).toEqual({ Name: 'm', Started: T, Ended: T, Result: 'excluded', ...expected });
  });
});

describe('times', () => {
  it('are RFC 3339 as Go prints them', () => {
    expect(rfc3339(T + 596, { offset: UTC })).toBe('2025-06-05T20:28:41Z');
    expect(rfc3339(T + 596, { offset: EDT })).toBe('2025-06-05T16:28:41-04:00');
    expect(rfc3339(T + 596, { offset: EDT, fraction: true })).toBe('2025-06-05T16:28:41.596-04:00');
    expect(rfc3339(T + 590, { offset: () => 330, fraction: true })).toBe('2025-06-06T01:58:41.59+05:30');
    expect(rfc3339(T, { offset: UTC, fraction: true })).toBe('2025-06-05T20:28:41Z');
  });

  it('use the local offset by default', () => {
    const off = -new Date(T).getTimezoneOffset();
    expect(rfc3339(T)).toBe(rfc3339(T, { offset: () => off }));
  });
});

describe('CSV', () => {
  it('is exactly Terragrunt\'s text for the recorded run', () => {
    expect(renderReport('csv', recorded(), { workingDir: '/w', offset: EDT })).toBe([
      'Name,Started,Ended,Result,Reason,Cause',
      'dns,2025-06-05T16:28:41-04:00,2025-06-05T16:28:41-04:00,excluded,--queue-exclude-dir,',
      'net,2025-06-05T16:28:41-04:00,2025-06-05T16:28:42-04:00,failed,run error,terraform apply exited with code 3',
      'vpc,2025-06-05T16:28:41-04:00,2025-06-05T16:28:43-04:00,succeeded,,',
      'svc,2025-06-05T16:28:42-04:00,2025-06-05T16:28:42-04:00,early exit,ancestor error,net',
      'web,2025-06-05T16:28:42-04:00,2025-06-05T16:28:42-04:00,early exit,ancestor error,net',
      'db,2025-06-05T16:28:43-04:00,2025-06-05T16:28:45-04:00,succeeded,,',
      'app,2025-06-05T16:28:45-04:00,2025-06-05T16:28:46-04:00,succeeded,,',
      '',
    ].join('\n'));
  });

  it('quotes as Go\'s encoding/csv does', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' leading space')).toBe('" leading space"');
    expect(csvField('\tleading tab')).toBe('"\tleading tab"');
    expect(csvField('trailing ')).toBe('trailing ');
    expect(csvField('\\.')).toBe('"\\."');
    expect(toCsv([{ Name: 'a,b', Started: T, Ended: T, Result: 'failed', Reason: 'run error', Cause: 'Error: "x", then\ny' }], UTC))
      .toBe('Name,Started,Ended,Result,Reason,Cause\n"a,b",2025-06-05T20:28:41Z,2025-06-05T20:28:41Z,failed,run error,"Error: ""x"", then\ny"\n');
  });

  it('has only the header when nothing has a result', () => {
    expect(renderReport('csv', [recorded()[0]!], { workingDir: '/w' })).toBe('Name,Started,Ended,Result,Reason,Cause\n');
  });
});

describe('JSON', () => {
  it('is exactly Terragrunt\'s text for the recorded run', () => {
    const text = renderReport('json', recorded(), { workingDir: '/w', offset: EDT });
    expect(text).toBe(`[
  {
    "Started": "2025-06-05T16:28:41-04:00",
    "Ended": "2025-06-05T16:28:41-04:00",
    "Reason": "--queue-exclude-dir",
    "Name": "dns",
    "Result": "excluded"
  },
  {
    "Started": "2025-06-05T16:28:41.001-04:00",
    "Ended": "2025-06-05T16:28:42.25-04:00",
    "Reason": "run error",
    "Cause": "terraform apply exited with code 3",
    "Name": "net",
    "Result": "failed"
  },
  {
    "Started": "2025-06-05T16:28:41.002-04:00",
    "Ended": "2025-06-05T16:28:43-04:00",
    "Name": "vpc",
    "Result": "succeeded"
  },
  {
    "Started": "2025-06-05T16:28:42.251-04:00",
    "Ended": "2025-06-05T16:28:42.251-04:00",
    "Reason": "ancestor error",
    "Cause": "net",
    "Name": "svc",
    "Result": "early exit"
  },
  {
    "Started": "2025-06-05T16:28:42.251-04:00",
    "Ended": "2025-06-05T16:28:42.251-04:00",
    "Reason": "ancestor error",
    "Cause": "net",
    "Name": "web",
    "Result": "early exit"
  },
  {
    "Started": "2025-06-05T16:28:43.001-04:00",
    "Ended": "2025-06-05T16:28:45.5-04:00",
    "Name": "db",
    "Result": "succeeded"
  },
  {
    "Started": "2025-06-05T16:28:45.502-04:00",
    "Ended": "2025-06-05T16:28:46.12-04:00",
    "Name": "app",
    "Result": "succeeded"
  }
]
`);
    expect(JSON.parse(text)).toHaveLength(7);
  });

  it('escapes <, > and & as Go does, and is an empty array when nothing has a result', () => {
    expect(goJsonEscape('"a<b>&c\u2028"')).toBe('"a\\u003cb\\u003e\\u0026c\\u2028"');
    expect(renderReport('json', [], { workingDir: '/w' })).toBe('[]\n');
  });

  it('redacts secrets in reasons and causes', () => {
    const events: RecordedEvent[] = [{ at: T, event: { type: 'module-finished', module: 'a', result: 'failed', at: T, startedAt: T, reason: 'bad token AKIASECRETSECRET1' } }];
    const text = renderReport('json', events, { workingDir: '/w', redact: (s) => s.replaceAll('AKIASECRETSECRET1', '***') });
    expect(text).toContain('"Cause": "bad token ***"');
    expect(text).not.toContain('AKIASECRET');
  });
});

describe('HTML', () => {
  const html = () => toHtml(buildRunModel(recorded(), '/w'), { offset: UTC });
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

  it('has one bar per module that ran and a mark per module that did not, coloured by result', () => {
    const h = html();
    expect(count(h, /<div class="bar"/g)).toBe(4);
    expect(count(h, /<div class="mark"/g)).toBe(3);
    expect(h).toMatch(/<div class="row failed" data-module="net"/);
    expect(h).toMatch(/<div class="row early-exit never-ran" data-module="svc"/);
    expect(h).toMatch(/<div class="row excluded never-ran" data-module="dns"/);
    expect(h).toMatch(/class="bar"[^>]*data-module="db" data-result="succeeded" data-critical="true"/);
  });

  it('marks the critical path and sums it up in the header', () => {
    const h = html();
    expect(count(h, /<div class="row [^"]*critical/g)).toBe(3);
    expect(h).toContain('Critical path</b> — 3 modules, 5.12s of the run\'s 5.12s');
    expect(h).toContain('took <b class="total">5.12s</b>');
    expect(h).toMatch(/Failed <b>1<\/b>/);
    expect(h).toMatch(/Early exit <b>2<\/b>/);
  });

  it('is self-contained: no external URL, script or stylesheet', () => {
    const h = html();
    expect(h).not.toMatch(/(src|href)=/);
    expect(h).not.toMatch(/https?:\/\//);
    expect(h).not.toMatch(/@import|url\(/);
  });

  it('escapes module names, reasons and the embedded data', () => {
    const events: RecordedEvent[] = [{ at: T, event: { type: 'module-finished', module: 'a<b>', result: 'failed', at: T + 5, startedAt: T, reason: '</script><script>alert(1)</script>' } }];
    const h = toHtml(buildRunModel(events, '/w'));
    expect(h).not.toContain('<script>alert');
    expect(h).toContain('&lt;/script&gt;');
    expect(h).toContain('a&lt;b&gt;');
    const data = h.match(/<script type="application\/json" id="tgo-report-data">(.*?)<\/script>/s)![1]!;
    expect(JSON.parse(data).modules[0].reason).toBe('</script><script>alert(1)</script>');
  });

  it('formats durations and picks readable tick steps', () => {
    expect(formatMs(850)).toBe('850ms');
    expect(formatMs(1250)).toBe('1.25s');
    expect(formatMs(12_340)).toBe('12.3s');
    expect(formatMs(125_000)).toBe('2m05s');
    expect(formatMs(3_900_000)).toBe('1h05m');
    expect(tickStep(5120)).toBe(1000);
    expect(tickStep(1980)).toBe(250);
    expect(tickStep(600_000)).toBe(120_000);
  });
});

describe('the CLI side', () => {
  it('picks the format by extension (none: CSV, as Terragrunt); an unknown one is a usage error; --report-format decides', () => {
    expect(reportFormat('run.csv')).toBe('csv');
    expect(reportFormat('out/Run.JSON')).toBe('json');
    expect(reportFormat('run.html')).toBe('html');
    expect(() => reportFormat('run.txt')).toThrow(UsageError);
    expect(() => reportFormat('run.txt')).toThrow(/unknown report format "\.txt"; use a \.csv, \.json or \.html file/);
    expect(reportFormat('report')).toBe('csv');
    expect(reportFormat('run.txt', 'JSON')).toBe('json');
    expect(() => reportFormat('run.csv', 'xml')).toThrow(/--report-format must be csv, json or html/);
    expect(RunReport.forOptions({ workingDir: '/w' })).toBeUndefined();
    expect(() => RunReport.forOptions({ workingDir: '/w', reportFile: '' })).toThrow(UsageError);
  });

  it('refuses a directory as the report file before the run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgo-report-'));
    mkdirSync(path.join(dir, 'r.json'));
    expect(() => RunReport.forOptions({ workingDir: dir, reportFile: 'r.json' })).toThrow(/is a directory/);
  });

  it('writes nothing when the run never got under way, and the report relative to the working dir once it did', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgo-report-'));
    const r = RunReport.forOptions({ workingDir: dir, reportFile: 'out/run.csv' })!;
    r.emit({ type: 'log', level: 'info', message: 'loading' });
    expect(finishReport(r, 1, { redact: (s) => s })).toBe(1);
    expect(existsSync(path.join(dir, 'out/run.csv'))).toBe(false);
    for (const { event } of recorded()) r.emit(event);
    expect(finishReport(r, 3, { redact: (s) => s })).toBe(3);
    const csv = readFileSync(path.join(dir, 'out/run.csv'), 'utf8');
    expect(csv.split('\n')).toHaveLength(9);
    expect(csv).not.toMatch(/Error: quota/); // module output is not recorded
  });

  it('a report that cannot be written is an error: exit 1 after a successful run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tgo-report-'));
    writeFileSync(path.join(dir, 'file'), '');
    const r = RunReport.forOptions({ workingDir: dir, reportFile: 'file/run.json' })!;
    r.emit(recorded()[0]!.event);
    let err = '';
    expect(r.finish(0, (s) => s, { write: (s: string) => (err += s) })).toBe(1);
    expect(err).toMatch(/^ERROR Could not write the run report file\/run.json: /);
    expect(r.finish(3, (s) => s, { write: () => true })).toBe(3);
  });

  it('the recorder keeps no module output, log or credentials events', () => {
    const r = new ReportRecorder(() => 42);
    r.emit({ type: 'module-output', module: 'a', stream: 'stdout', line: 'x' });
    r.emit({ type: 'log', level: 'info', message: 'x' });
    expect(r.started).toBe(false);
    r.emit({ type: 'module-started', module: 'a', at: 1 });
    expect(r.events).toEqual([{ at: 42, event: { type: 'module-started', module: 'a', at: 1 } }]);
    expect(r.started).toBe(true);
  });
});
