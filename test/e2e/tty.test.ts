/**
 * On a real terminal (tmux): run-all keeps a live status line at the bottom while modules print, never mixed
 * into their lines, and gone when the run ends; colour only on a TTY and never with NO_COLOR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { TGO } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';

const session = `tgo-tty-${process.pid}`;
let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});
afterAll(() => {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // already gone
  }
});

const capture = () => execFileSync('tmux', ['capture-pane', '-p', '-e', '-t', session], { encoding: 'utf8' });
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('on a terminal', () => {
  it('shows a live status line that never garbles module output, and clears it at the end', async () => {
    const root = writeStack({
      'a/terragrunt.hcl': '', 'a/.terraform/keep': '', 'a/fake-tf.json': { sleepMs: 3000, stdout: 'alpha one\nalpha two' },
      'b/terragrunt.hcl': '', 'b/.terraform/keep': '', 'b/fake-tf.json': { sleepMs: 3000, stdout: 'beta one' },
      'c/terragrunt.hcl': 'dependencies {\n  paths = ["../a"]\n}\n', 'c/.terraform/keep': '',
    });
    const cmd = `cd ${root} && env -u CI -u NO_COLOR TERM=xterm-256color node ${TGO} run-all plan --terragrunt-tfpath ${tf.path}; echo EXIT=$?; sleep 60`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '140', '-y', '40', cmd]);
    // Mid-run: both first modules printed, c waits for a.
    let screen = '';
    for (let i = 0; i < 60 && !/beta one/.test(plain(screen)); i++) {
      await sleep(100);
      screen = capture();
    }
    await sleep(300);
    screen = capture();
    const lines = plain(screen).split('\n').filter((l) => l.trim() !== '');
    const status = lines[lines.length - 1]!;
    expect(status).toMatch(/^2 running \((a, b|b, a)\) · 0 done · 0 failed · 1 waiting · 0:0\d$/);
    // Module lines are whole, each with its prefix; no status text inside them.
    for (const l of lines.slice(0, -1).filter((x) => x.startsWith('['))) {
      expect(l).toMatch(/^\[[abc]\] (fake terraform: plan -input=false|alpha one|alpha two|beta one)$/);
    }
    expect(screen).toMatch(/\x1b\[[0-9;]*m\[a\]/); // eslint-disable-line no-control-regex -- coloured prefix on a TTY
    // After the run: summary, no status line left behind.
    for (let i = 0; i < 150 && !/EXIT=/.test(screen); i++) {
      await sleep(100);
      screen = capture();
    }
    const end = plain(screen);
    expect(end).toMatch(/EXIT=0/);
    expect(end).toMatch(/Succeeded\s+3/);
    expect(end).not.toMatch(/running \(/);
    expect(end.split('\n').filter((l) => l.startsWith('[c] ')).join('\n')).toMatch(/\[c\] succeeded/);
  }, 40_000);

  it('NO_COLOR turns colour off even on a terminal', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': '', 'a/.terraform/keep': '' });
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
    const cmd = `cd ${root} && env -u CI NO_COLOR=1 TERM=xterm-256color node ${TGO} run-all plan --terragrunt-tfpath ${tf.path}; echo EXIT=$?; sleep 60`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '140', '-y', '40', cmd]);
    let screen = '';
    for (let i = 0; i < 150 && !/EXIT=/.test(screen); i++) {
      await sleep(100);
      screen = capture();
    }
    expect(plain(screen)).toMatch(/\[a\] fake terraform: plan/);
    expect(screen).not.toMatch(/\x1b\[3\dm/); // eslint-disable-line no-control-regex
  }, 40_000);
});
