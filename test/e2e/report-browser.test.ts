/**
 * The HTML run report in a real browser: Debian's chromium (installed here when missing) driven by
 * playwright-core opens the report of a real tgo run over file:// and checks that the timeline renders one
 * bar per module that ran and a mark per module that did not, coloured by result, with the critical path
 * outlined, a working tooltip, no script errors and no request beyond the file itself. It leaves a full-page
 * screenshot in the OS temp dir (path printed) for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeFakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { moduleHcl, writeStack } from '../support/stack.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's chromium, installed with apt-get when missing (as root, as here and in CI). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: 'pipe', encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 540_000 });
  let out = '';
  try {
    out = apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    try {
      out = apt(['update']);
      out = apt(['install', '-y', '--no-install-recommends', 'chromium']);
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string; message: string };
      throw new Error(`The browser test needs Debian's chromium at ${CHROMIUM} and could not install it with `
        + `"apt-get install -y chromium" (run as root, with the Debian archive reachable): ${err.message}\n${(err.stderr ?? err.stdout ?? '').slice(-2000)}`);
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium finished but ${CHROMIUM} is missing:\n${out.slice(-2000)}`);
}

let root: string;
let report: string;
let profile: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];
const timings: Record<string, number> = {};

beforeAll(async () => {
  let t = Date.now();
  ensureChromium();
  timings.install = Date.now() - t;

  // vpc → db → app; net fails, so svc (net) and web (svc, app) exit early; dns is excluded.
  t = Date.now();
  const tf = await makeFakeTerraform();
  root = writeStack({
    'vpc/terragrunt.hcl': moduleHcl(),
    'vpc/fake-tf.json': { sleepMs: 300 },
    'db/terragrunt.hcl': moduleHcl(['../vpc']),
    'db/fake-tf.json': { sleepMs: 500 },
    'app/terragrunt.hcl': moduleHcl(['../db', '../vpc']),
    'app/fake-tf.json': { sleepMs: 300 },
    'net/terragrunt.hcl': moduleHcl(),
    'net/fake-tf.json': { sleepMs: 150, failOn: ['apply'], exitCode: 3, stderr: 'Error: creating subnet: quota "exceeded", try again' },
    'svc/terragrunt.hcl': moduleHcl(['../net']),
    'web/terragrunt.hcl': moduleHcl(['../svc', '../app']),
    'dns/terragrunt.hcl': moduleHcl(),
  });
  const r = await tgo(['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-tfpath', tf.path, '--terragrunt-exclude-dir', 'dns', '--report-file', 'run.html'],
    { cwd: root, env: baseEnv() });
  expect(r.code, r.stderr).toBe(3);
  report = path.join(root, 'run.html');
  timings.run = Date.now() - t;

  t = Date.now();
  profile = mkdtempSync(path.join(tmpdir(), 'tgo-chromium-profile-'));
  // launchPersistentContext passes the fresh profile as --user-data-dir.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 720 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (req) => requests.push(req.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(report).href);
  timings.browser = Date.now() - t;
}, 600_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (root) rmSync(root, { recursive: true, force: true });
  console.log(`report browser test: ${JSON.stringify(timings)} ms`);
});

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the HTML report in chromium', () => {
  it('loads with no script error and no request beyond the file itself', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(readFileSync(report, 'utf8')).not.toMatch(/https?:\/\//);
  });

  it('renders one row per module: a bar for each that ran, a mark for each that did not', async () => {
    const rows = await page.$$eval('.gantt .row', (els) => els.map((e) => [e.getAttribute('data-module'), e.getAttribute('data-result')]));
    expect(rows.map((r) => r[0]).sort()).toEqual(['app', 'db', 'dns', 'net', 'svc', 'vpc', 'web']);
    const bars = await page.$$eval('.bar', (els) => els.map((e) => {
      const b = e.getBoundingClientRect();
      return { module: e.getAttribute('data-module'), result: e.getAttribute('data-result'), left: b.left, right: b.right, width: b.width, height: b.height };
    }));
    expect(bars.map((b) => b.module).sort()).toEqual(['app', 'db', 'net', 'vpc']);
    for (const b of bars) {
      expect(b.width).toBeGreaterThan(20);
      expect(b.height).toBeGreaterThan(8);
    }
    const at = Object.fromEntries(bars.map((b) => [b.module, b]));
    // The time axis is shared: db starts where vpc ends, app where db ends.
    expect(at.db!.left).toBeGreaterThanOrEqual(at.vpc!.right - 1);
    expect(at.app!.left).toBeGreaterThanOrEqual(at.db!.right - 1);
    const marks = await page.$$eval('.mark', (els) => els.map((e) => [e.getAttribute('data-module'), e.getAttribute('data-result')]));
    expect(marks.sort()).toEqual([['dns', 'excluded'], ['svc', 'early exit'], ['web', 'early exit']]);
  });

  it('colours bars and marks by result', async () => {
    const colour = (sel: string, prop: 'backgroundColor' | 'borderTopColor') => page.$$eval(sel, (els, p) => els.map((e) => getComputedStyle(e)[p]), prop);
    expect(new Set(await colour('.bar[data-result="succeeded"]', 'backgroundColor'))).toEqual(new Set([rgb('#2e7d32')]));
    expect(await colour('.bar[data-result="failed"]', 'backgroundColor')).toEqual([rgb('#c62828')]);
    expect(await colour('.mark[data-result="early exit"]', 'borderTopColor')).toEqual([rgb('#ef8a00'), rgb('#ef8a00')]);
    expect(await colour('.mark[data-result="excluded"]', 'borderTopColor')).toEqual([rgb('#9e9e9e')]);
    const chips = await page.$$eval('.chip', (els) => els.map((e) => e.textContent!.trim()));
    expect(chips).toEqual(['Succeeded 3', 'Failed 1', 'Early exit 2', 'Excluded 1']);
  });

  it('highlights the critical path: vpc → db → app', async () => {
    const critical = await page.$$eval('.row.critical', (els) => els.map((e) => e.getAttribute('data-module')));
    expect(critical).toEqual(['vpc', 'db', 'app']);
    const outlines = await page.$$eval('.bar', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-module'), getComputedStyle(e).outlineStyle])));
    expect(outlines).toEqual({ vpc: 'solid', db: 'solid', app: 'solid', net: 'none' });
    await expect(page.locator('.critical-summary').textContent()).resolves.toMatch(/Critical path — 3 modules, .* vpc .* → db .* → app/);
  });

  it('shows module, duration, result and reason on hover', async () => {
    await page.hover('.bar[data-module="net"]');
    const tip = page.locator('#tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    const text = (await tip.textContent())!;
    expect(text).toMatch(/^net\nresult: failed \(exit code 3\)\nduration: \d/);
    expect(text).toContain('reason: terraform apply exited with code 3');
    expect(text).toContain('Error: creating subnet: quota "exceeded", try again');
    await page.mouse.move(0, 0);
    await expect(tip.isVisible()).resolves.toBe(false);
  });

  it('takes a full-page screenshot', async () => {
    const t = Date.now();
    const file = path.join(tmpdir(), 'tgo-report-screenshot.png');
    const png = await page.screenshot({ path: file, fullPage: true });
    timings.screenshot = Date.now() - t;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    console.log(`report screenshot: ${file}`);
  });
});
