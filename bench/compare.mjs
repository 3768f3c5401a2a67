#!/usr/bin/env node
// Before/after: the stack-load and start-up commands of two built checkouts, run alternately on the same
// generated stacks, so both see the same machine noise. Used for the before/after figures in BENCHMARKS.md.
//
//   node bench/compare.mjs OTHER_CHECKOUT [--runs=5] [--sizes=100,1000,5000]
//
// OTHER_CHECKOUT is a copy of the repository with its own `dist/` (e.g. the previous commit, built); this
// checkout is the other side. Prints wall and CPU medians (min–max) and peak RSS for each.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realisticStack } from './lib/gen.mjs';
import { noopFake } from './lib/fakes.mjs';
import { REPO, stats, tgo } from './lib/measure.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const other = argv.find((a) => !a.startsWith('--'));
if (!other) {
  console.error('usage: node bench/compare.mjs OTHER_CHECKOUT [--runs=5] [--sizes=100,1000,5000]');
  process.exit(2);
}
const runs = Number(opt('runs', '5'));
const sizes = opt('sizes', '100,1000,5000').split(',').map(Number);
const sides = [{ name: path.resolve(other), tgo: path.join(path.resolve(other), 'bin', 'run.js') }, { name: `${REPO} (this checkout)`, tgo: path.join(REPO, 'bin', 'run.js') }];
const work = mkdtempSync(path.join(os.tmpdir(), 'tgo-compare-'));
const env = { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: '1', LC_ALL: 'C' };
const noop = noopFake(path.join(work, 'fakes'));
const single = path.join(work, 'single');
mkdirSync(path.join(single, '.terraform'), { recursive: true });
writeFileSync(path.join(single, 'terragrunt.hcl'), 'inputs = {\n  name = "single"\n}\n');

const cases = [
  { label: '`tgo --help`', cwd: single, args: ['--help'] },
  { label: '`tgo plan`, one module, no role', cwd: single, args: ['plan', '--terragrunt-tfpath', noop] },
];
for (const n of sizes) {
  const s = realisticStack(path.join(work, `s${n}`), { modules: n });
  cases.push({ label: `load ${n} modules (output-module-groups)`, cwd: s.live, args: ['output-module-groups'] });
}
const results = cases.map(() => sides.map(() => ({ ms: [], cpu: [], rss: [] })));
try {
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of cases.entries()) {
      // Alternate which side goes first.
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const s of order) {
        process.stderr.write(`run ${r + 1}/${runs}: ${c.label}, side ${s + 1}\n`);
        const m = await tgo(c.args, { cwd: c.cwd, env, bin: sides[s].tgo });
        results[i][s].ms.push(m.ms);
        results[i][s].cpu.push(m.cpuMs);
        results[i][s].rss.push(m.rssMB);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const f = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
console.log(`\nload average now: ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}; ${runs} runs each, alternating\n`);
console.log('| command | side | wall ms | CPU ms | peak RSS MB |');
console.log('|---|---|---|---|---|');
for (const [i, c] of cases.entries()) {
  for (const [s, side] of sides.entries()) {
    const x = results[i][s];
    console.log(`| ${c.label} | ${s === 0 ? 'other' : 'this'} | ${f(stats(x.ms))} | ${f(stats(x.cpu))} | ${stats(x.rss).median.toFixed(0)} |`);
  }
}
console.log(`\nother = ${sides[0].name}\nthis  = ${sides[1].name}`);
