/**
 * On a real terminal (tmux): run-all keeps a live status line at the bottom while modules print, never mixed
 * into their lines, and gone when the run ends; colour only on a TTY and never with NO_COLOR. The fake
 * terraforms hold until the test releases them, so the mid-run screen is checked in a known state.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { TGO } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

// Each test gets its own tmux server (its own socket): a test never reaches a server that is still shutting
// down after the previous test's last session ended, nor the sessions of another suite running beside it.
let socket = '';
const session = 'tgo-tty';
const tmux = (args: string[], opts: { encoding?: 'utf8'; stdio?: 'ignore' } = {}) =>
  execFileSync('tmux', ['-L', socket, ...args], opts);
let servers = 0;
function newTerminal(cmd: string): void {
  socket = `tgo-tty-${process.pid}-${++servers}`;
  tmux(['new-session', '-d', '-s', session, '-x', '140', '-y', '40', cmd]);
}
let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});
afterEach(() => {
  try {
    tmux(['kill-server'], { stdio: 'ignore' });
  } catch {
    // already gone
  }
});

const capture = () => String(tmux(['capture-pane', '-p', '-e', '-t', session], { encoding: 'utf8' }));
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls the screen until `ready` holds; the deadline only turns a hang into a failure showing the screen. */
async function screenWhen(ready: (plainScreen: string) => boolean): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const screen = capture();
    if (ready(plain(screen))) return screen;
    if (Date.now() > deadline) throw new Error(`the terminal never reached the expected state:\n${plain(screen)}`);
    await sleep(100);
  }
}
const lastLine = (s: string) => s.split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';

describe('on a terminal', () => {
  it('shows a live status line that never garbles module output, and clears it at the end', async () => {
    // a and b print, then hold until the test creates `go`: the mid-run screen is a state, not a moment.
    const hold = { waitForFile: '../go', waitTimeoutMs: 60_000 };
    const root = writeStack({
      'a/terragrunt.hcl': '', 'a/.terraform/keep': '', 'a/fake-tf.json': { ...hold, stdout: 'alpha one\nalpha two' },
      'b/terragrunt.hcl': '', 'b/.terraform/keep': '', 'b/fake-tf.json': { ...hold, stdout: 'beta one' },
      'c/terragrunt.hcl': 'dependencies {\n  paths = ["../a"]\n}\n', 'c/.terraform/keep': '',
    });
    const cmd = `cd ${root} && env -u CI -u NO_COLOR TERM=xterm-256color node ${TGO} run-all plan --terragrunt-tfpath ${tf.path}; echo EXIT=$?; sleep 60`;
    newTerminal(cmd);
    // Mid-run: both first modules printed everything and are held; c waits for a. The status line is
    // redrawn at least every second, so it settles on this state (its clock field keeps ticking).
    const status = /^2 running \((a, b|b, a)\) · 0 done · 0 failed · 1 waiting · \d+:\d\d$/;
    let screen = await screenWhen((s) => /alpha two/.test(s) && /beta one/.test(s) && status.test(lastLine(s)));
    const lines = plain(screen).split('\n').filter((l) => l.trim() !== '');
    expect(lines.at(-1)).toMatch(status);
    // Module lines are whole, each with its prefix; no status text inside them.
    const moduleLines = lines.slice(0, -1).filter((x) => x.startsWith('['));
    expect(moduleLines.length).toBeGreaterThanOrEqual(5);
    for (const l of moduleLines) {
      expect(l).toMatch(/^\[[ab]\] (fake terraform: plan -input=false|alpha one|alpha two|beta one)$/);
    }
    expect(screen).toMatch(/\x1b\[[0-9;]*m\[a\]/); // eslint-disable-line no-control-regex -- coloured prefix on a TTY
    expect(tf.records().filter((r) => r.cwd.startsWith(root)).map((r) => r.cwd.slice(root.length + 1)).sort()).toEqual(['a', 'b']);
    // Release a and b; after the run: summary, no status line left behind.
    writeFileSync(path.join(root, 'go'), '');
    screen = await screenWhen((s) => /EXIT=/.test(s));
    const end = plain(screen);
    expect(end).toMatch(/EXIT=0/);
    expect(end).toMatch(/Succeeded\s+3/);
    expect(end).not.toMatch(/running \(/);
    expect(end.split('\n').filter((l) => l.startsWith('[c] ')).join('\n')).toMatch(/\[c\] succeeded/);
  });

  it('NO_COLOR turns colour off even on a terminal', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '' });
    const cmd = `cd ${root} && env -u CI NO_COLOR=1 TERM=xterm-256color node ${TGO} run-all plan --terragrunt-tfpath ${tf.path}; echo EXIT=$?; sleep 60`;
    newTerminal(cmd);
    const screen = await screenWhen((s) => /EXIT=/.test(s));
    expect(plain(screen)).toMatch(/\[a\] fake terraform: plan/);
    expect(screen).not.toMatch(/\x1b\[3\dm/); // eslint-disable-line no-control-regex
  });
});
