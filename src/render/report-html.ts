// The HTML run report: one self-contained page (inline CSS and JS, nothing fetched) with a summary header and a
// timeline of the run — one row per module, a bar from its start to its end on a shared time axis, coloured by
// result, the critical path outlined, modules that never ran marked where they were decided. The page is
// rendered here, so it reads without JavaScript; the script only adds hover/focus tooltips.

import { goJsonEscape, rfc3339, type ModuleOutcome, type ModuleRecord, type ReportFormat, type RunModel, type UtcOffset } from './report-model.js';

const LABELS: Record<ModuleOutcome, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  'early exit': 'early exit',
  excluded: 'excluded',
  interrupted: 'interrupted',
  'not started': 'not started',
};
const CLASS: Record<ModuleOutcome, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  'early exit': 'early-exit',
  excluded: 'excluded',
  interrupted: 'interrupted',
  'not started': 'not-started',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1).replace(/\.?0+$/, '')}s`;
  const m = Math.floor(ms / 60_000);
  if (m < 60) return `${m}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000];

/** A tick step giving at most 8 intervals across the span. */
export function tickStep(span: number): number {
  return STEPS.find((s) => span / s <= 8) ?? Math.ceil(span / 8 / 3_600_000) * 3_600_000;
}

function duration(m: ModuleRecord): number | undefined {
  return m.startedAt !== undefined && m.endedAt !== undefined ? m.endedAt - m.startedAt : undefined;
}

/** What a module's row says after its bar: why it failed, which ancestor stopped it, why it was excluded. */
function note(m: ModuleRecord, names: Map<string, string>, outcomes: Map<string, ModuleOutcome>): string {
  switch (m.outcome) {
    case 'succeeded':
      return '';
    case 'early exit':
      return m.cause ? `${names.get(m.cause) ?? m.cause} ${outcomes.get(m.cause) === 'interrupted' ? 'was interrupted' : 'failed'}` : (m.reason ?? '');
    case 'not started':
      return 'never started';
    default:
      return m.reason ?? '';
  }
}

function tip(m: ModuleRecord, names: Map<string, string>, outcomes: Map<string, ModuleOutcome>, critical: boolean, start: number): string {
  const lines = [m.name, `result: ${LABELS[m.outcome]}${m.exitCode !== undefined && m.outcome !== 'succeeded' ? ` (exit code ${m.exitCode})` : ''}`];
  const d = duration(m);
  if (d !== undefined) lines.push(`duration: ${formatMs(d)} (from +${formatMs(m.startedAt! - start)} to +${formatMs(m.endedAt! - start)})`);
  else if (m.endedAt !== undefined) lines.push(`decided at +${formatMs(m.endedAt - start)}, never ran`);
  const n = note(m, names, outcomes);
  if (n) lines.push(`${m.outcome === 'early exit' && m.cause ? 'because' : 'reason'}: ${n}`);
  if (m.waitsFor.length > 0) lines.push(`waited for: ${m.waitsFor.map((w) => names.get(w) ?? w).join(', ')}`);
  if (critical) lines.push('on the critical path');
  if (m.stderrTail?.length && (m.outcome === 'failed' || m.outcome === 'interrupted')) lines.push('', ...m.stderrTail.slice(-5));
  return lines.join('\n');
}

export interface HtmlOptions {
  offset?: UtcOffset;
}

export function toHtml(model: RunModel, o: HtmlOptions = {}): string {
  const names = new Map(model.modules.map((m) => [m.module, m.name]));
  const outcomes = new Map(model.modules.map((m) => [m.module, m.outcome]));
  const critical = new Set(model.criticalPath);
  const start = model.start;
  const span = Math.max(model.end - model.start, 1);
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(3)}%`;
  const step = tickStep(span);
  const when = (t: number) => rfc3339(t, { offset: o.offset }).replace('T', ' ');

  const rows = [...model.modules].sort((a, b) => {
    const ka = a.startedAt ?? a.endedAt ?? Number.POSITIVE_INFINITY;
    const kb = b.startedAt ?? b.endedAt ?? Number.POSITIVE_INFINITY;
    return ka - kb || a.seq - b.seq || a.name.localeCompare(b.name);
  });

  const count = (r: ModuleOutcome) => model.modules.filter((m) => m.outcome === r).length;
  const chips = (['succeeded', 'failed', 'early exit', 'excluded', 'interrupted', 'not started'] as const)
    .filter((r) => count(r) > 0 || r === 'succeeded' || r === 'failed' || r === 'early exit' || r === 'excluded')
    .map((r) => `<li class="chip ${CLASS[r]}" data-result="${r}"><span class="swatch"></span>${escapeHtml(LABELS[r][0]!.toUpperCase() + LABELS[r].slice(1))} <b>${count(r)}</b></li>`)
    .join('');

  const cp = model.criticalPath.map((id) => model.modules.find((m) => m.module === id)!).filter(Boolean);
  const cpLength = cp.length > 0 ? cp[cp.length - 1]!.endedAt! - cp[0]!.startedAt! : 0;
  const cpHtml = cp.length === 0
    ? '<p class="critical-summary">No module ran, so there is no critical path.</p>'
    : `<p class="critical-summary"><span class="cp-key"></span><b>Critical path</b> — ${cp.length} module${cp.length === 1 ? '' : 's'}, ${formatMs(cpLength)} of the run's ${formatMs(model.end - model.start)}: `
      + cp.map((m) => `<span class="cp-step">${escapeHtml(m.name)} <small>${formatMs(duration(m)!)}</small></span>`).join(' <span class="arrow">→</span> ')
      + '</p>';

  const ticks: string[] = [];
  for (let t = 0; t <= span + 1e-9; t += step) ticks.push(`<span class="tick${t / span > 0.94 ? ' last' : ''}" style="left:${((t / span) * 100).toFixed(3)}%">${t === 0 ? '0' : formatMs(t)}</span>`);

  const rowHtml = rows.map((m) => {
    const isCritical = critical.has(m.module);
    const cls = `row ${CLASS[m.outcome]}${isCritical ? ' critical' : ''}${m.startedAt === undefined ? ' never-ran' : ''}`;
    const tipText = escapeHtml(tip(m, names, outcomes, isCritical, start));
    const d = duration(m);
    const n = note(m, names, outcomes);
    let track: string;
    if (m.startedAt !== undefined && m.endedAt !== undefined) {
      const endPct = ((m.endedAt - start) / span) * 100;
      const label = `${formatMs(d!)}${n ? ` · ${n}` : ''}`;
      const startPct = ((m.startedAt - start) / span) * 100;
      // After the bar; before it when the bar ends near the right edge; inside it when it is long and early.
      const [place, inside] = endPct <= 62 ? [`left:calc(${endPct.toFixed(3)}% + 6px)`, false]
        : startPct >= 30 ? [`right:calc(${(100 - startPct).toFixed(3)}% + 6px);text-align:right`, false]
          : [`left:calc(${startPct.toFixed(3)}% + 6px);max-width:calc(${(endPct - startPct).toFixed(3)}% - 12px)`, true];
      track = `<div class="bar" tabindex="0" data-module="${escapeHtml(m.module)}" data-result="${m.outcome}" data-critical="${isCritical}" data-start="${m.startedAt}" data-end="${m.endedAt}" style="left:${pct(m.startedAt)};width:${(endPct - startPct).toFixed(3)}%" title="${tipText}"></div>`
        + `<span class="label${inside ? ' inside' : ''}" style="${place}">${escapeHtml(label)}</span>`;
    } else {
      const at = m.endedAt ?? start;
      const atPct = ((at - start) / span) * 100;
      const place = atPct > 62 ? `right:calc(${(100 - atPct).toFixed(3)}% + 10px);text-align:right` : `left:calc(${atPct.toFixed(3)}% + 10px)`;
      track = `<div class="mark" tabindex="0" data-module="${escapeHtml(m.module)}" data-result="${m.outcome}" style="left:${pct(at)}" title="${tipText}"></div>`
        + `<span class="label" style="${place}">${escapeHtml(n || LABELS[m.outcome])}</span>`;
    }
    return `<div class="${cls}" data-module="${escapeHtml(m.module)}" data-result="${m.outcome}" role="row">`
      + `<div class="name" role="rowheader" title="${escapeHtml(m.name)}">${isCritical ? '<span class="cp-dot" aria-label="critical path">◆</span>' : ''}${escapeHtml(m.name)}</div>`
      + `<div class="result" role="cell"><span class="badge">${LABELS[m.outcome]}</span></div>`
      + `<div class="dur" role="cell">${d !== undefined ? formatMs(d) : '–'}</div>`
      + `<div class="track" role="cell">${track}</div></div>`;
  }).join('\n');

  const problems = rows.filter((m) => m.outcome === 'failed' || m.outcome === 'interrupted');
  const problemHtml = problems.length === 0 ? '' : `<section class="problems"><h2>Failures</h2>${problems.map((m) => `<div class="problem ${CLASS[m.outcome]}"><h3>${escapeHtml(m.name)} <span class="badge">${LABELS[m.outcome]}</span></h3><p>${escapeHtml(m.reason ?? '')}</p>${m.stderrTail?.length ? `<pre>${escapeHtml(m.stderrTail.join('\n'))}</pre>` : ''}</div>`).join('')}</section>`;

  const title = model.command ? `tgo run-all ${model.command}` : 'tgo run';
  const data = {
    command: model.command ?? null,
    reverse: model.reverse,
    start: model.start,
    end: model.end,
    criticalPath: model.criticalPath,
    modules: rows.map((m) => ({ module: m.module, name: m.name, result: m.outcome, startedAt: m.startedAt ?? null, endedAt: m.endedAt ?? null, exitCode: m.exitCode ?? null, reason: m.reason ?? null, cause: m.cause ?? null, waitsFor: m.waitsFor })),
  };
  const anyRan = model.modules.some((m) => m.startedAt !== undefined);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tgo">
<title>${escapeHtml(title)} — run report</title>
<style>
:root { color-scheme: light; --succeeded: #2e7d32; --failed: #c62828; --early-exit: #ef8a00; --excluded: #9e9e9e; --interrupted: #7b1fa2; --not-started: #bdbdbd; --critical: #111; --critical-bg: #fff4cc; --grid: #e6e6e6; --ink: #1d1d1f; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fafafa; }
header { padding: 16px 24px 8px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { margin: 0 0 4px; font-size: 20px; }
h1 small { font-weight: normal; color: var(--muted); font-size: 14px; }
.meta { margin: 0 0 10px; color: var(--muted); }
.meta .warn { color: var(--interrupted); font-weight: 600; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; margin: 0 0 10px; padding: 0; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; border: 1px solid #ddd; border-radius: 999px; background: #fff; }
.chip b { font-variant-numeric: tabular-nums; }
.swatch { width: 12px; height: 12px; border-radius: 3px; background: var(--c); display: inline-block; }
.critical-summary { margin: 0 0 8px; }
.cp-step { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.cp-step small { color: var(--muted); font-family: system-ui, sans-serif; }
.arrow { color: var(--muted); }
.cp-key { display: inline-block; width: 22px; height: 10px; margin-right: 6px; border-radius: 3px; background: var(--critical-bg); outline: 2px solid var(--critical); outline-offset: 1px; vertical-align: middle; }
.legend { margin: 0 0 4px; color: var(--muted); font-size: 12px; }
.legend .mk { display: inline-block; width: 9px; height: 9px; border: 2px solid #777; transform: rotate(45deg); margin: 0 4px 0 8px; background: #fff; }
main { padding: 12px 24px 24px; overflow-x: auto; }
.gantt { min-width: 760px; background: #fff; border: 1px solid #ddd; border-radius: 6px; overflow: hidden; }
.row, .head { display: grid; grid-template-columns: clamp(8rem, 20vw, 18rem) 6.5rem 4.5rem minmax(0, 1fr); align-items: center; min-height: 26px; border-top: 1px solid #f0f0f0; }
.head { position: sticky; top: 0; z-index: 2; background: #fff; border-top: 0; border-bottom: 1px solid #ddd; font-size: 12px; color: var(--muted); min-height: 28px; }
.row > div, .head > div { padding: 0 8px; }
.name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.dur { text-align: right; font-variant-numeric: tabular-nums; font-size: 12.5px; color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11.5px; color: #fff; background: var(--c); white-space: nowrap; }
.excluded .badge, .not-started .badge { color: #222; }
.track { position: relative; height: 26px; padding: 0 !important; margin: 0 12px 0 4px; background-image: linear-gradient(to right, var(--grid) 1px, transparent 1px); background-size: var(--tick) 100%; background-repeat: repeat-x; }
.head .track { background: none; overflow: visible; }
.tick { position: absolute; top: 7px; transform: translateX(-50%); font-variant-numeric: tabular-nums; white-space: nowrap; }
.tick:first-child { transform: none; }
.tick.last { transform: translateX(-100%); }
.bar { position: absolute; top: 6px; height: 14px; min-width: 3px; border-radius: 3px; background: var(--c); cursor: default; }
.bar:focus, .mark:focus { outline: 2px solid #1565c0; outline-offset: 2px; }
.mark { position: absolute; top: 8px; width: 10px; height: 10px; margin-left: -5px; transform: rotate(45deg); border: 2px dashed var(--c); background: #fff; }
.label { position: absolute; top: 5px; font-size: 11.5px; white-space: nowrap; color: #333; pointer-events: none; max-width: 60%; overflow: hidden; text-overflow: ellipsis; }
.label.inside { top: 6px; line-height: 14px; color: #fff; font-weight: 600; }
.excluded .label.inside, .not-started .label.inside { color: #222; }
.never-ran .name, .never-ran .label { color: var(--muted); font-style: italic; }
.row.critical { background: var(--critical-bg); }
.row.critical .bar { outline: 2px solid var(--critical); outline-offset: 1px; }
.row.critical .name { font-weight: 700; }
.cp-dot { color: var(--critical); margin-right: 4px; font-size: 10px; }
.row:hover { background: #eef4ff; }
.succeeded { --c: var(--succeeded); } .failed { --c: var(--failed); } .early-exit { --c: var(--early-exit); }
.excluded { --c: var(--excluded); } .interrupted { --c: var(--interrupted); } .not-started { --c: var(--not-started); }
.problems { margin-top: 18px; }
.problems h2 { font-size: 16px; margin: 0 0 8px; }
.problem { background: #fff; border: 1px solid #ddd; border-left: 4px solid var(--c); border-radius: 4px; padding: 8px 12px; margin-bottom: 8px; }
.problem h3 { margin: 0 0 4px; font-size: 14px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.problem p { margin: 0 0 4px; }
.problem pre { margin: 0; padding: 6px 8px; background: #f6f6f6; border-radius: 3px; overflow-x: auto; font-size: 12px; }
.empty { padding: 16px; color: var(--muted); }
#tip { position: fixed; z-index: 10; max-width: 520px; padding: 8px 10px; border-radius: 6px; background: #222; color: #fff; font-size: 12px; white-space: pre-wrap; pointer-events: none; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: none; }
@media print { .row:hover { background: none; } .head { position: static; } }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)} <small>run report${model.reverse ? ' · dependents first' : ''}</small></h1>
<p class="meta">${anyRan || model.modules.some((m) => m.endedAt !== undefined) ? `Started ${escapeHtml(when(model.start))} · ended ${escapeHtml(when(model.end))} · took <b class="total">${formatMs(model.end - model.start)}</b>` : 'Nothing ran'} · ${model.modules.length} module${model.modules.length === 1 ? '' : 's'}${model.interrupted ? ' · <span class="warn">interrupted</span>' : ''}</p>
<ul class="chips">${chips}</ul>
${cpHtml}
<p class="legend">Bars run from a module's start to its end; <span class="mk"></span>marks a module that never ran, at the moment it was decided. Hover or focus a bar for details.</p>
</header>
<main>
<div class="gantt" role="table" aria-label="Timeline of the run" style="--tick:${((step / span) * 100).toFixed(4)}%">
<div class="head" role="row"><div role="columnheader">Module</div><div role="columnheader">Result</div><div role="columnheader" style="text-align:right">Duration</div><div class="track axis" role="columnheader">${ticks.join('')}</div></div>
${rowHtml || '<div class="empty">No modules.</div>'}
</div>
${problemHtml}
</main>
<div id="tip" role="tooltip"></div>
<script type="application/json" id="tgo-report-data">${goJsonEscape(JSON.stringify(data))}</script>
<script>
(function () {
  var tip = document.getElementById('tip');
  var els = document.querySelectorAll('[title].bar, [title].mark');
  for (var i = 0; i < els.length; i++) { els[i].setAttribute('data-tip', els[i].getAttribute('title')); els[i].removeAttribute('title'); }
  function show(el, x, y) {
    tip.textContent = el.getAttribute('data-tip');
    tip.style.display = 'block';
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(x + 14, window.innerWidth - w - 8), top = y + 16;
    if (top + h > window.innerHeight - 8) top = y - h - 12;
    tip.style.left = Math.max(8, left) + 'px';
    tip.style.top = Math.max(8, top) + 'px';
  }
  function hide() { tip.style.display = 'none'; }
  document.addEventListener('mousemove', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-tip]') : null;
    if (el) show(el, e.clientX, e.clientY); else hide();
  });
  document.addEventListener('focusin', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-tip]') : null;
    if (!el) return hide();
    var r = el.getBoundingClientRect();
    show(el, r.left, r.bottom);
  });
  document.addEventListener('focusout', hide);
})();
</script>
</body>
</html>
`;
}

export const htmlReport: ReportFormat = { extensions: ['.html', '.htm'], render: (model, o) => toHtml(model, o) };
