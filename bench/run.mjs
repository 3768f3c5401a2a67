#!/usr/bin/env node
// `npm run bench`: tgo's overhead against the physical limit of a stack run. Generates stacks with fixed seeds
// in a temp dir, runs the built CLI (`node bin/run.js`, so `npm run build` first) as a user would, output
// discarded, and prints one table with every figure (median, min–max of several runs).
//
//   node bench/run.mjs [--quick] [--only=1,2,3,4,5,6,7,8] [--json=FILE] [--keep]
//
//   --quick   fewer runs, no 5,000-module stack, smaller DAGs: a smoke test, not figures to publish
//   --only    a subset of the figures (6 comes with 1; 2 needs the 1,000-module stack of 1 and loads it itself);
//             8 (the real terraform on moto, several minutes) runs only when asked for
//   --json    also write every raw measurement to FILE
//   --keep    keep the generated stacks (path printed at the end)
//
// What each figure means, the targets and the latest results are in BENCHMARKS.md. The machine has few, noisy
// cores: things compared with each other run round-robin within one run, and the load average is printed.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dagStack, lowerBound, realisticStack, realTerraformStack, repoFunctionsStack } from './lib/gen.mjs';
import { countingFake, noopFake, sleepFake, timingWrapper } from './lib/fakes.mjs';
import { startMoto } from './lib/moto.mjs';
import { quantile, REPO, run, stats, tgo, TGO } from './lib/measure.mjs';
import { simulateCriticalPathFirst, simulateFifo, simulateLongestChainFirst } from './lib/simulate.mjs';
import { startSts } from './lib/sts.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = flag('quick');
const ONLY = new Set((opt('only') ?? '1,2,3,4,5,6,7').split(',').map((s) => s.trim()));
const want = (n) => ONLY.has(String(n));

if (!existsSync(path.join(REPO, 'dist', 'cli', 'route.js'))) {
  console.error('dist/ is missing: run `npm run build` first (or `npm run bench`, which builds).');
  process.exit(2);
}

const started = Date.now();
// `npm run bench` must finish within 10 minutes on a fresh clone (the build takes part of it): a repetition that
// would end past this point (judged by the previous one) is skipped, every figure still gets one run, and the
// table says where runs were cut. On a busy machine the 1,000-module run-all alone can take minutes.
const DEADLINE_MS = 8 * 60_000;
const overBudget = (nextMs = 0) => Date.now() - started + nextMs > DEADLINE_MS;
const cut = new Set();
const work = mkdtempSync(path.join(os.tmpdir(), 'tgo-bench-'));
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const load0 = os.loadavg();

// The environment every tgo run gets: the caller's, minus anything that would change what tgo does.
const baseEnv = {};
for (const [k, v] of Object.entries(process.env)) {
  if (/^(TG_|TERRAGRUNT_|TGO_|AWS_|TF_VAR_|TF_DATA_DIR|TF_CLI_ARGS|NODE_OPTIONS|BENCH_)/.test(k)) continue;
  baseEnv[k] = v;
}
Object.assign(baseEnv, { CHECKPOINT_DISABLE: '1', LC_ALL: 'C', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });

const sts = await startSts();
// Static base keys and a loopback STS: every module's role is assumed for real, through the SDK.
const awsEnv = {
  ...baseEnv,
  AWS_ACCESS_KEY_ID: 'AKIABENCHBASEUSER',
  AWS_SECRET_ACCESS_KEY: 'bench-secret-not-real',
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_STS: sts.url,
  AWS_ENDPOINT_URL_S3: sts.url,
};
const fakes = path.join(work, 'fakes');
const noop = noopFake(fakes);
const runAllArgs = (tf) => ['run-all', 'plan', '--terragrunt-non-interactive', '--terragrunt-no-auto-init', '--terragrunt-tfpath', tf];

const rows = [];
const notes = [];
const raw = { machine: machine(), figures: {} };
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const triple = (s, d = 0, unit = '') => `${fmt(s.median, d)}${unit} (${fmt(s.min, d)}–${fmt(s.max, d)})`;
function row(figure, what, value, target = '', met = undefined) {
  rows.push({ figure, what, value: typeof value === 'string' ? value : triple(value.s, value.d, value.unit), target, status: met === undefined ? '' : met ? 'met' : 'NOT MET' });
}
/** Repeat `fn(r)` `runs` times; after the first run, stop when another would end past the time budget. */
async function repeat(label, runs, fn) {
  let last = 0;
  for (let r = 0; r < runs; r++) {
    if (r > 0 && overBudget(last)) {
      cut.add(label);
      log(`${label}: time budget spent, stopping after ${r} run(s)`);
      return;
    }
    const t = Date.now();
    await fn(r);
    last = Date.now() - t;
  }
}

try {
  // ------------------------------------------------------------------ 1 + 6: stack load and its peak RSS
  const sizes = QUICK ? [100, 1000] : [100, 1000, 5000];
  const runsFor = (n) => (QUICK ? 2 : n >= 5000 ? 3 : 5);
  const stacks = {};
  const load = {};
  const needStacks = want(1) || want(6) ? sizes : want(2) ? [1000] : [];
  for (const n of needStacks) {
    log(`generating a ${n}-module stack`);
    stacks[n] = realisticStack(path.join(work, `s${n}`), { modules: n });
    load[n] = { ms: [], rss: [], cpu: [] };
  }
  if (want(1) || want(6)) {
    for (const n of sizes) await tgo(['output-module-groups'], { cwd: stacks[n].live, env: baseEnv }); // warm the page cache
    // Round-robin between sizes, so a noisy moment hits every size alike.
    await repeat('stack load', Math.max(...sizes.map(runsFor)), async (r) => {
      for (const n of sizes) {
        if (r >= runsFor(n)) continue;
        log(`stack load: ${n} modules, run ${r + 1}/${runsFor(n)}`);
        const m = await tgo(['output-module-groups'], { cwd: stacks[n].live, env: baseEnv });
        load[n].ms.push(m.ms);
        load[n].rss.push(m.rssMB);
        load[n].cpu.push(m.cpuMs);
      }
    });
    raw.figures.load = load;
  }
  if (want(1)) {
    for (const n of sizes) {
      const s = stats(load[n].ms);
      row('1 stack load', `${n} modules (output-module-groups), wall`, { s, d: 0, unit: ' ms' }, n === 1000 ? '< 2000 ms' : '', n === 1000 ? s.median < 2000 : undefined);
    }
    for (const n of sizes) row('1 stack load', `${n} modules, tgo CPU time (user+sys)`, { s: stats(load[n].cpu), d: 0, unit: ' ms' }, '(context)');
    const med = (n) => stats(load[n].ms).median;
    const slopeA = (med(1000) - med(100)) / 900;
    let text = `${fmt(slopeA, 2)} ms/module 100→1,000`;
    let met;
    if (load[5000]) {
      const slopeB = (med(5000) - med(1000)) / 4000;
      text += `, ${fmt(slopeB, 2)} 1,000→5,000 (×${fmt(slopeB / slopeA, 2)})`;
      met = slopeB <= slopeA * 1.1;
      notes.push(`Stack load, wall per module including start-up: ${fmt(med(100) / 100, 2)} ms at 100, ${fmt(med(1000) / 1000, 2)} ms at 1,000, `
        + `${fmt(med(5000) / 5000, 2)} ms at 5,000; t(5,000) ÷ t(1,000) = ${fmt(med(5000) / med(1000), 2)}.`);
    }
    row('1 growth', 'marginal wall per module', text, 'no worse than linear: later slope ≤ 1.1 × earlier', met);
    if (!QUICK) {
      const rj = [];
      await repeat('render-json', 3, async (r) => {
        log(`render-json --all: 1000 modules, run ${r + 1}/3`);
        rj.push((await tgo(['render-json', '--all'], { cwd: stacks[1000].live, env: baseEnv })).ms);
      });
      raw.figures.renderJson1000 = rj;
      row('1 stack load', '1000 modules (render-json --all), wall', { s: stats(rj), d: 0, unit: ' ms' }, '(context)');
    }
  }
  if (want(6)) {
    for (const n of sizes.filter((x) => x >= 1000)) {
      const s = stats(load[n].rss);
      row('6 peak RSS', `${n}-module load`, { s, d: 0, unit: ' MB' }, n === 1000 ? '< 400 MB' : '', n === 1000 ? s.median < 400 : undefined);
    }
  }

  // ------------------------------------------------------------------ 5: start-up
  if (want(5)) {
    const plain = path.join(work, 'single', 'plain');
    const withRole = path.join(work, 'single', 'role');
    for (const [dir, extra] of [[plain, ''], [withRole, 'iam_role = "arn:aws:iam::111111111111:role/deployer"\n']]) {
      mkdirSync(path.join(dir, '.terraform'), { recursive: true }); // already initialised: no auto-init spawn
      writeFileSync(path.join(dir, 'terragrunt.hcl'), `${extra}inputs = {\n  name = "single"\n}\n`);
    }
    const cases = [
      { key: 'node', label: '`node -e 0`', go: () => run(process.execPath, ['-e', '0'], { cwd: plain, env: baseEnv }) },
      { key: 'fake', label: 'the no-op fake terraform, run directly', go: () => run(noop, ['plan'], { cwd: plain, env: baseEnv }) },
      { key: 'help', label: '`tgo --help`', go: () => tgo(['--help'], { cwd: plain, env: baseEnv }) },
      { key: 'plan', label: '`tgo plan`, one module, no role', go: () => tgo(['plan', '--terragrunt-tfpath', noop], { cwd: plain, env: baseEnv }) },
      { key: 'planRole', label: '`tgo plan`, one module, role via loopback STS', go: () => tgo(['plan', '--terragrunt-tfpath', noop], { cwd: withRole, env: awsEnv }) },
    ];
    const t = Object.fromEntries(cases.map((c) => [c.key, []]));
    for (const c of cases) await c.go(); // warm-up
    const rounds = QUICK ? 3 : 11;
    log(`start-up: ${rounds} rounds of ${cases.length} commands`);
    await repeat('start-up', rounds, async () => {
      for (const c of cases) t[c.key].push((await c.go()).ms);
    });
    raw.figures.startup = t;
    for (const c of cases) row('5 start-up', c.label, { s: stats(t[c.key]), d: 0, unit: ' ms' });
    const ratio = (a, b) => stats(t[a].map((x, i) => x / t[b][i]));
    row('5 start-up', '`tgo --help` ÷ `node -e 0`', { s: ratio('help', 'node'), d: 2, unit: '×' }, '(ratio within a round)');
    row('5 start-up', '`tgo plan` ÷ `node -e 0`', { s: ratio('plan', 'node'), d: 2, unit: '×' }, '(ratio within a round)');
    row('5 start-up', '`tgo plan` ÷ the fake run directly', { s: ratio('plan', 'fake'), d: 0, unit: '×' }, '(ratio within a round)');
    row('5 start-up', '`tgo plan` with a role ÷ without', { s: ratio('planRole', 'plan'), d: 2, unit: '×' }, '(ratio within a round)');
  }

  // ------------------------------------------------------------------ 4: STS calls
  const stsRuns = [];
  if (want(4)) {
    // N modules over K roles, 5 modules per role: many distinct roles are wanted at the same moment.
    const n = QUICK ? 50 : 200;
    const k = n / 5;
    const st = realisticStack(path.join(work, 'sts'), { modules: n, accounts: k, seed: 11 });
    const spawnLog = path.join(work, 'spawns.log');
    const counting = countingFake(fakes, spawnLog);
    let lines = [];
    await repeat('STS calls', 3, async (r) => {
      log(`STS calls: ${n} modules over ${k} roles, run ${r + 1}/3`);
      sts.reset();
      rmSync(spawnLog, { force: true });
      await tgo(runAllArgs(counting), { cwd: st.live, env: awsEnv });
      stsRuns.push({ modules: n, roles: st.roles, assumeRole: sts.count('AssumeRole'), distinct: sts.distinctRoles() });
      lines = readFileSync(spawnLog, 'utf8').split('\n').filter(Boolean);
    });
    const byCmd = {};
    for (const l of lines) {
      const cmd = l.split(' ').find((w) => !w.startsWith('-')) ?? '?';
      byCmd[cmd] = (byCmd[cmd] ?? 0) + 1;
    }
    raw.figures.spawns = { modules: n, byCommand: byCmd };
    notes.push(`terraform processes per \`run-all plan\` of ${n} modules: ${lines.length} (${Object.entries(byCmd).map(([c, v]) => `${c} ${v}`).join(', ')}), `
      + `${fmt(lines.length / n, 2)} per module (dependency outputs come from the S3 state, answered "not applied yet" by the loopback S3, then mocks).`);
  }

  // ------------------------------------------------------------------ 3: scheduling efficiency
  if (want(3)) {
    const n = QUICK ? 60 : 200;
    const dag = dagStack(path.join(work, 'dag'), { n, seed: 7 });
    // The fake reports its directory as bash sees it (physical path): key everything by real path.
    const real = (d) => realpathSync(d);
    const work_ = new Map([...dag.work].map(([d, s]) => [real(d), s]));
    const deps_ = new Map([...dag.deps].map(([d, ds]) => [real(d), ds.map(real)]));
    const schedLog = path.join(work, 'sched.log');
    const fake = sleepFake(fakes, schedLog);
    const runs = QUICK ? 1 : 3;
    const configs = [{ p: 8, label: 'parallelism 8' }, { p: Infinity, label: 'unlimited' }];
    const out = Object.fromEntries(configs.map((c) => [c.label, { ratio: [], measuredRatio: [], makespan: [], wall: [], latency: [] }]));
    await repeat('scheduling', runs, async (r) => {
      for (const c of configs) {
        log(`scheduling: ${n}-module DAG, ${c.label}, run ${r + 1}/${runs}`);
        rmSync(schedLog, { force: true });
        const args = runAllArgs(fake);
        if (Number.isFinite(c.p)) args.push('--terragrunt-parallelism', String(c.p));
        const wall = (await tgo(args, { cwd: dag.root, env: baseEnv })).ms;
        const recs = new Map(readFileSync(schedLog, 'utf8').trim().split('\n').map((l) => {
          const [dir, a, b] = l.split(' ');
          return [dir, { start: Number(a), end: Number(b) }];
        }));
        if (recs.size !== n) throw new Error(`scheduling run recorded ${recs.size} modules, expected ${n}`);
        const all = [...recs.values()];
        const makespan = Math.max(...all.map((x) => x.end)) - Math.min(...all.map((x) => x.start));
        const nominal = lowerBound(work_, deps_, c.p);
        // The same bound with each module's measured duration (its sleep plus the shell's own overhead).
        const measured = lowerBound(new Map([...recs].map(([d, x]) => [d, x.end - x.start])), deps_, c.p);
        const o = out[c.label];
        o.makespan.push(makespan);
        o.ratio.push(makespan / nominal.bound);
        o.measuredRatio.push(makespan / measured.bound);
        o.wall.push(wall);
        o.bound = nominal;
        // Dispatch latency, unbounded only (with a bound a module may also wait for a free slot): from the end
        // of the last dependency to the module's start, as the fake terraform saw them.
        if (!Number.isFinite(c.p)) {
          for (const [d, x] of recs) {
            const ds = deps_.get(d) ?? [];
            if (ds.length > 0) o.latency.push((x.start - Math.max(...ds.map((p) => recs.get(p).end))) * 1000);
          }
        }
      }
    });
    raw.figures.scheduling = out;
    for (const c of configs) {
      const o = out[c.label];
      const b = o.bound;
      const s = stats(o.ratio);
      row('3 scheduling', `${n}-module DAG, ${c.label}: makespan ÷ lower bound`, { s, d: 3, unit: '' }, '≤ 1.05', s.median <= 1.05);
      const finite = Number.isFinite(c.p);
      const sim = finite ? simulateFifo(work_, deps_, c.p) : b.criticalPath;
      const lcf = finite ? simulateLongestChainFirst(work_, deps_, c.p) : b.criticalPath;
      const cpf = finite ? simulateCriticalPathFirst(work_, deps_, c.p) : b.criticalPath;
      notes.push(`Scheduling, ${c.label}: makespan ${fmt(stats(o.makespan).median, 2)} s (first terraform start to last end) against a bound of ${fmt(b.bound, 2)} s `
        + `(critical path ${fmt(b.criticalPath, 2)} s; work ${fmt(b.totalWork, 1)} s${finite ? ` ÷ ${c.p} = ${fmt(b.totalWork / c.p, 2)} s` : ''}); `
        + `${fmt(stats(o.measuredRatio).median, 3)} against the bound from the measured durations; `
        + (finite ? '' : `dependency-end → dependent-start latency median ${fmt(quantile(o.latency, 0.5), 0)} ms, p90 ${fmt(quantile(o.latency, 0.9), 0)} ms. `)
        + (finite
          ? `Zero-overhead simulations on the same DAG: FIFO of ready modules (tgo's earlier policy) ${fmt(sim / b.bound, 3)}, `
            + `longest-chain-first (tgo's policy; no durations needed) ${fmt(lcf / b.bound, 3)}, critical-path-first (durations known) ${fmt(cpf / b.bound, 3)}. `
          : '')
        + `Whole tgo run ${fmt(stats(o.wall).median / 1000, 2)} s.`);
    }
  }

  // ------------------------------------------------------------------ 7: get_repo_root() and file() in an include
  if (want(7)) {
    const n = 500;
    const withFns = repoFunctionsStack(path.join(work, 'repo-fns'), { modules: n, repoFunctions: true });
    const without = repoFunctionsStack(path.join(work, 'repo-literal'), { modules: n, repoFunctions: false });
    // A wrapper git first on PATH counts every git process tgo starts.
    const bin = path.join(work, 'gitwrap');
    mkdirSync(bin, { recursive: true });
    const gitLog = path.join(bin, 'calls.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$PWD" >> "${gitLog}"\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
    const gitEnv = { ...baseEnv, PATH: `${bin}:${baseEnv.PATH}` };
    const times = { with: [], without: [] };
    const gitRuns = [];
    await tgo(['output-module-groups'], { cwd: withFns.live, env: gitEnv });
    await tgo(['output-module-groups'], { cwd: without.live, env: gitEnv });
    await repeat('repo functions', QUICK ? 2 : 5, async (r) => {
      log(`repo functions: ${n} modules with and without get_repo_root(), run ${r + 1}`);
      writeFileSync(gitLog, '');
      times.with.push((await tgo(['output-module-groups'], { cwd: withFns.live, env: gitEnv })).ms);
      gitRuns.push(readFileSync(gitLog, 'utf8').split('\n').filter(Boolean).length);
      times.without.push((await tgo(['output-module-groups'], { cwd: without.live, env: gitEnv })).ms);
    });
    raw.figures.repoFunctions = { times, gitRuns };
    row('7 repo functions', `${n} modules, get_repo_root() + file() in an include, wall`, { s: stats(times.with), d: 0, unit: ' ms' });
    row('7 repo functions', `${n} modules, the same tree with literals, wall`, { s: stats(times.without), d: 0, unit: ' ms' });
    const ratios = times.with.map((t, i) => t / times.without[i]);
    row('7 repo functions', 'with ÷ without (same round)', { s: stats(ratios), d: 2, unit: '×' }, '≤ 2×', stats(ratios).median <= 2);
    row('7 repo functions', 'git processes per load (wrapper git on PATH)', gitRuns.join(', '), `≤ ${n} (ideal 1)`, Math.max(...gitRuns) <= 1);
  }

  // ------------------------------------------------------------------ 8: a real stack (terraform on moto's S3)
  if (want(8)) {
    const moto = await startMoto();
    try {
      const realTf = execFileSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).trim();
      const sizes = QUICK ? [24] : [24, 100];
      // "before" is what this issue changed, switched back off in the same build: dependency outputs through
      // `terraform output -json`, and terraform spawned from tgo's own process.
      const sides = [
        { key: 'before', args: ['--no-dependency-fetch-output-from-state'], env: { TGO_SPAWNER: 'direct' } },
        { key: 'after', args: [], env: { TGO_SPAWNER: 'spawner' } },
      ];
      const phases = QUICK ? ['apply', 'plan'] : ['apply', 'plan', 'plan'];
      const real = {};
      for (const n of sizes) {
        const stacks8 = {};
        for (const side of sides) {
          const bucket = `bench-${n}-${side.key}`;
          await moto.createBucket(bucket);
          const st = realTerraformStack(path.join(work, `real-${n}-${side.key}`), { modules: n });
          const tlog = path.join(work, `real-${n}-${side.key}.log`);
          stacks8[side.key] = { st, tlog, wrapper: timingWrapper(path.join(fakes, `timing-${n}-${side.key}`), tlog, realTf), bucket };
        }
        real[n] = Object.fromEntries(sides.map((s) => [s.key, []]));
        for (const [p, phase] of phases.entries()) {
          const order = p % 2 === 0 ? sides : [...sides].reverse();
          for (const side of order) {
            const { st, tlog, wrapper, bucket } = stacks8[side.key];
            log(`real stack: ${n} modules, run-all ${phase}, ${side.key}`);
            writeFileSync(tlog, '');
            const env = {
              ...baseEnv, ...side.env, TF_IN_AUTOMATION: '1', AWS_ACCESS_KEY_ID: 'AKIABENCHMOTO', AWS_SECRET_ACCESS_KEY: 'bench-not-secret',
              AWS_REGION: 'us-east-1', BENCH_BUCKET: bucket, BENCH_MOTO_URL: moto.url,
            };
            const t0 = Date.now() / 1000;
            const m = await tgo(['run-all', phase, '--terragrunt-non-interactive', '--terragrunt-tfpath', wrapper, ...side.args], { cwd: st.root, env });
            const t1 = t0 + m.ms / 1000;
            real[n][side.key].push({ phase, ...realRunFigures(st, tlog, t0, t1), wallMs: m.ms, cpuMs: m.cpuMs });
          }
        }
      }
      raw.figures.realStack = real;
      for (const n of sizes) {
        for (const side of sides) {
          const runs = real[n][side.key];
          const first = runs[0];
          const steady = runs.slice(1);
          const med = (k) => stats(steady.map((r) => r[k])).median;
          const cmds = (r) => Object.entries(r.byCommand).map(([c, v]) => `${c} ${v}`).join(', ');
          row('8 real stack', `${n} modules, ${side.key}: terraform processes per module, first run (apply)`, `${fmt(first.procs / n, 2)} (${cmds(first)})`, side.key === 'after' ? '' : '(context)');
          row('8 real stack', `${n} modules, ${side.key}: terraform processes per module, steady \`run-all plan\``, `${fmt(med('procs') / n, 2)} (${cmds(steady[0])})`,
            side.key === 'after' ? '1.0' : '(context)', side.key === 'after' ? steady.every((r) => r.procs === n) : undefined);
          row('8 real stack', `${n} modules, ${side.key}: plan wall ÷ sum of terraform along the critical path`,
            `${fmt(med('wallS'), 1)} s ÷ ${fmt(med('criticalS'), 1)} s = ${fmt(med('wallS') / med('criticalS'), 2)}× (apply: ${fmt(first.wallS, 1)} s ÷ ${fmt(first.criticalS, 1)} s)`);
          row('8 real stack', `${n} modules, ${side.key}: share of the plan's wall time with no terraform running`,
            `${fmt(100 * med('idle'), 1)} %: ${fmt(med('headS'), 2)} s before the first, ${fmt(med('wallS') - med('busyS') - med('headS') - med('tailS'), 2)} s between, `
            + `${fmt(med('tailS'), 2)} s after the last (apply: ${fmt(100 * first.idle, 1)} %)`);
        }
      }
    } finally {
      moto.close();
    }
  }

  // ------------------------------------------------------------------ 2: per-module overhead (last: the slowest)
  if (want(2)) {
    const n = 1000;
    const live = stacks[n].live;
    const pairs = [];
    sts.reset();
    await repeat('run-all overhead', QUICK ? 1 : 3, async (r) => {
      log(`run-all plan: ${n} modules, no-op terraform, run ${r + 1}/${QUICK ? 1 : 3} (with a stack load beside it)`);
      const l = await tgo(['output-module-groups'], { cwd: live, env: baseEnv });
      // The same run-all with terraform spawned from tgo's own process (before the spawners), alternating order.
      const direct = () => tgo(runAllArgs(noop), { cwd: live, env: { ...awsEnv, TGO_SPAWNER: 'direct' } });
      const d0 = r % 2 === 1 ? await direct() : undefined;
      sts.reset();
      const a = await tgo(runAllArgs(noop), { cwd: live, env: { ...awsEnv, TGO_SPAWNER: 'spawner' } });
      stsRuns.push({ modules: n, roles: stacks[n].roles, assumeRole: sts.count('AssumeRole'), distinct: sts.distinctRoles() });
      const d = d0 ?? await direct();
      pairs.push({ load: l, runAll: a, direct: d });
    });
    raw.figures.runAll1000 = pairs;
    row('2 run-all overhead', `${n} modules, \`run-all plan\`, wall`, { s: stats(pairs.map((p) => p.runAll.ms)), d: 0, unit: ' ms' });
    row('2 run-all overhead', `${n} modules, stack load beside it, wall`, { s: stats(pairs.map((p) => p.load.ms)), d: 0, unit: ' ms' });
    const per = stats(pairs.map((p) => (p.runAll.ms - p.load.ms) / n));
    row('2 run-all overhead', 'per module: (run-all − load) ÷ 1,000, wall', { s: per, d: 2, unit: ' ms' }, '< 5 ms/module', per.median < 5);
    row('2 run-all overhead', 'per module, tgo\'s own CPU (children, the spawners too, excluded)', { s: stats(pairs.map((p) => (p.runAll.cpuMs - p.load.cpuMs) / n)), d: 2, unit: ' ms' }, '(context)');
    row('2 run-all overhead', 'per module, terraform spawned by tgo itself (TGO_SPAWNER=direct), wall', { s: stats(pairs.map((p) => (p.direct.ms - p.load.ms) / n)), d: 2, unit: ' ms' }, '(before)');
    row('2 run-all overhead', 'per module, the same, tgo\'s own CPU', { s: stats(pairs.map((p) => (p.direct.cpuMs - p.load.cpuMs) / n)), d: 2, unit: ' ms' }, '(before)');
    // What a terraform process costs by itself: spawning the fake directly, one after another.
    const direct = [];
    for (let i = 0; i < 100; i++) direct.push((await run(noop, ['plan'], { cwd: live, env: baseEnv })).ms);
    const d = stats(direct);
    raw.figures.fakeSpawn = direct;
    row('2 run-all overhead', 'one no-op terraform process, spawned directly from node (the bench)', { s: d, d: 2, unit: ' ms' }, '(context)');
    // The physical floor on this machine: one fork+exec of the same fake from a minimal process (a shell loop).
    const loops = [];
    for (let i = 0; i < 5; i++) loops.push((await run('/bin/sh', ['-c', `i=0; while [ $i -lt 100 ]; do '${noop}' plan; i=$((i+1)); done`], { cwd: live, env: baseEnv })).ms / 100);
    raw.figures.fakeFromShell = loops;
    row('2 run-all overhead', 'one no-op terraform process, from a shell loop (fork+exec floor)', { s: stats(loops), d: 2, unit: ' ms' }, '(context)');
  }

  if (stsRuns.length > 0) {
    raw.figures.sts = stsRuns;
    const groups = new Map();
    for (const r of stsRuns) groups.set(`${r.modules}/${r.roles}`, [...(groups.get(`${r.modules}/${r.roles}`) ?? []), r]);
    for (const [, rs] of groups) {
      const { modules, roles } = rs[0];
      const counts = rs.map((r) => r.assumeRole);
      row('4 STS calls', `${modules} modules over ${roles} roles: AssumeRole calls per run`, `${counts.join(', ')} (${rs.length} runs)`, `exactly ${roles}`,
        counts.every((c) => c === roles));
    }
  }
} finally {
  await sts.close();
  if (!flag('keep')) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

// ------------------------------------------------------------------ report
const m = raw.machine;
const load1 = os.loadavg();
m.loadAverage = { start: load0.map((x) => +x.toFixed(2)), end: load1.map((x) => +x.toFixed(2)) };
console.log(`\ntgo benchmark, ${m.date}${QUICK ? ' (QUICK MODE: a smoke test, not figures to publish)' : ''}`);
console.log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, ${m.os}; node ${m.node}; terraform ${m.terraform}`);
console.log(`load average (1/5/15 min): ${m.loadAverage.start.join(' / ')} at start, ${m.loadAverage.end.join(' / ')} at the end`
  + `${Math.max(load0[0], load1[0]) > m.cpus ? ' (busy machine: wall times are inflated; CPU times and ratios hold up better)' : ''}\n`);
const header = ['figure', 'what', 'median (min–max)', 'target', 'status'];
const lines = rows.map((r) => [r.figure, r.what, r.value, r.target, r.status]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const l of lines) console.log(line(l));
if (cut.size > 0) notes.push(`Time budget reached: fewer runs than planned for ${[...cut].join(', ')}.`);
if (notes.length) {
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
}
console.log(`\nbench time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
raw.rows = rows;
raw.notes = notes;
const jsonOut = opt('json');
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(raw, null, 2)}\n`);

/**
 * Figure 8's numbers for one tgo run from the timing wrapper's log ("<cwd>\t<command>\t<start>\t<end>" per
 * terraform process, epoch seconds): processes by command, the sum of terraform along the critical path (a
 * module's own processes, after the slowest of its dependencies plus that dependency's `output` read), and the
 * share of tgo's wall time [t0, t1] in which no terraform ran.
 */
function realRunFigures(st, tlog, t0, t1) {
  const recs = readFileSync(tlog, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [cwd, cmd, a, b] = l.split('\t');
    return { cwd, cmd, start: Number(a), end: Number(b) };
  });
  // A module's processes run in its directory or under its .terragrunt-cache.
  const real = new Map(st.modules.map((d) => [realpathSync(d), d]));
  const owner = (cwd) => {
    for (let d = cwd; d !== path.dirname(d); d = path.dirname(d)) if (real.has(d)) return real.get(d);
    return undefined;
  };
  const own = new Map();
  const out = new Map();
  const byCommand = {};
  for (const r of recs) {
    byCommand[r.cmd] = (byCommand[r.cmd] ?? 0) + 1;
    const m = owner(r.cwd);
    if (!m) throw new Error(`terraform ran outside the stack: ${r.cwd}`);
    const into = r.cmd === 'output' ? out : own;
    into.set(m, (into.get(m) ?? 0) + (r.end - r.start));
  }
  const finish = new Map();
  const f = (m) => {
    if (!finish.has(m)) finish.set(m, (own.get(m) ?? 0) + Math.max(0, ...st.deps.get(m).map((d) => f(d) + (out.get(d) ?? 0))));
    return finish.get(m);
  };
  const criticalS = Math.max(...st.modules.map(f));
  // Union of the processes' intervals, clipped to tgo's run.
  const iv = recs.map((r) => [Math.max(t0, r.start), Math.min(t1, r.end)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let busy = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const [a, b] of iv) {
    if (a > to) {
      busy += to - from > 0 ? to - from : 0;
      from = a;
      to = b;
    } else to = Math.max(to, b);
  }
  if (to > from) busy += to - from;
  // Where the idle time is: before the first terraform (start-up, stack load), after the last (exit), between.
  const headS = Math.min(...recs.map((r) => r.start)) - t0;
  const tailS = t1 - Math.max(...recs.map((r) => r.end));
  return { procs: recs.length, byCommand, criticalS, wallS: t1 - t0, idle: 1 - busy / (t1 - t0), headS, tailS, busyS: busy };
}

function machine() {
  let terraform = 'not found';
  try {
    const out = execFileSync('terraform', ['version', '-json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    terraform = JSON.parse(out).terraform_version;
  } catch {
    // not installed: the benchmark never runs the real terraform
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    terraform,
    tgo: TGO,
  };
}
