// Running a helper program (git, tar) for a download: stdin closed, output collected, never a shell.

import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function exec(cmd: string, args: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new Error(`${cmd} is not installed (not found on PATH)`) : e));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last few lines a failing program printed, on one line. */
export function tail(text: string, lines = 3): string {
  return text.trim().split('\n').map((l) => l.trim()).filter(Boolean).slice(-lines).join(' | ');
}
