// `tgo help` on a real terminal (tmux): the command list with the current names and the topics, wrapped to
// the window, and `tgo help run` with the flag groups — what a new user sees first.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { TGO } from '../support/tgo.js';

const session = `tgo-help-${process.pid}`;
afterAll(() => {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // already gone
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

async function screenOf(command: string, width: number): Promise<string> {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // none yet
  }
  execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', String(width), '-y', '200',
    `env -u CI TERM=xterm-256color ${command}; echo EXIT=$?; sleep 60`]);
  execFileSync('tmux', ['set-option', '-t', session, 'history-limit', '5000']);
  let screen = '';
  for (let i = 0; i < 200 && !/EXIT=\d/.test(screen); i++) {
    await sleep(100);
    screen = execFileSync('tmux', ['capture-pane', '-p', '-J', '-S', '-', '-t', session], { encoding: 'utf8' });
  }
  return plain(screen);
}

describe('tgo help on a terminal', () => {
  it('lists the commands under their current names, with the topics', async () => {
    const screen = await screenOf(`node ${TGO} help`, 100);
    expect(screen).toMatch(/EXIT=0/);
    expect(screen).toMatch(/^USAGE\s*$/m);
    expect(screen).toMatch(/^\s+\$ tgo \[COMMAND\]/m);
    expect(screen).toMatch(/^TOPICS\s*$/m);
    for (const t of ['dag', 'hcl', 'info']) expect(screen).toMatch(new RegExp(`^  ${t}\\s+\\S`, 'm'));
    expect(screen).toMatch(/^COMMANDS\s*$/m);
    for (const c of ['find', 'list', 'render', 'run', 'run-all', 'version']) expect(screen).toMatch(new RegExp(`^  ${c}\\s+\\S`, 'm'));
    // The hidden pass-through command is not offered.
    expect(screen).not.toMatch(/^ {2}terraform\s/m);
  }, 40_000);

  it('tgo help run shows the flags by group with current and classic names', async () => {
    const screen = await screenOf(`node ${TGO} help run`, 120);
    expect(screen).toMatch(/EXIT=0/);
    for (const g of ['IAM FLAGS', 'QUEUE FLAGS', 'GLOBAL FLAGS']) expect(screen).toContain(g);
    expect(screen).toMatch(/--iam-assume-role=<value>/);
    expect(screen.replace(/\s+/g, ' ')).toContain('(classic: --terragrunt-iam-role) [env: TG_IAM_ASSUME_ROLE, TERRAGRUNT_IAM_ROLE]');
  }, 40_000);
});
