// Turning run events into terminal output: module lines prefixed with the module path (stdout and stderr
// kept apart), tgo's own messages on stderr, the run order before and a summary after. Everything printed
// passes through the secret redactor.

import { WriteStream } from 'node:tty';
import { stripVTControlCharacters } from 'node:util';
import { formatLogLine, type LogFormat } from './log-format.js';
import type { SecretRegistry } from '../auth/secrets.js';
import type { EventSink, RunEvent } from '../run/events.js';
import type { LogLevel } from '../run/options.js';

export interface Writer {
  write(s: string): unknown;
}

export interface TerminalOptions {
  level: LogLevel;
  /** Prefix module output with `[module] ` (run-all); single-module runs print terraform's output as is. */
  prefix: boolean;
  /** Module output must stay machine-readable (output, show -json, -json, version): no prefixes, no chatter on stdout. */
  raw: boolean;
  color: boolean;
  secrets: SecretRegistry;
  /** Print start/finish lines per module (run-all). */
  progress: boolean;
  /** Keep a live status line at the bottom of the terminal (stderr is a TTY). */
  live?: boolean;
  /** Module stdout is collected elsewhere (run-all output -json --json-out): do not print it. */
  captureStdout?: boolean;
  /** --log-format: tgo's own lines in one of Terragrunt's presets (default: tgo's plain lines). */
  logFormat?: LogFormat;
}

const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * Whether to colour what goes to this stream, by Node's rules (stream.hasColors): FORCE_COLOR first (also for
 * a pipe), then NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb, then what the terminal can do.
 */
export function hasColors(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (stream.isTTY) return stream.hasColors(env);
  return env.FORCE_COLOR !== undefined && WriteStream.prototype.getColorDepth.call(stream, env) >= 4;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
}

export class TerminalRenderer implements EventSink {
  readonly finished: Extract<RunEvent, { type: 'module-finished' }>[] = [];
  private readonly runStart = Date.now();
  private total = 0;
  private readonly running = new Set<string>();
  private statusShown = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly out: Writer,
    private readonly err: Writer,
    private readonly o: TerminalOptions,
  ) {}

  private paint(code: string, s: string): string {
    return this.o.color ? `\x1b[${code}m${s}\x1b[0m` : s;
  }

  /**
   * One of tgo's own messages: as `human` by default, or with --log-format as a formatted entry of `plain`
   * (a multi-line text gives one entry per line, so every line stays one record).
   */
  private say(level: LogLevel, module: string | undefined, plain: string, human: string): void {
    const f = this.o.logFormat;
    if (!f) return this.line(this.err, human);
    for (const message of plain.split('\n').filter((l) => l.trim() !== '')) {
      this.line(this.err, formatLogLine(f, { time: new Date(), elapsed: (Date.now() - this.runStart) / 1000, level, module, message }, (c, s) => this.paint(c, s)));
    }
  }

  /** Every line goes through here: the status line is cleared first and redrawn after, so output never mixes with it. */
  private line(w: Writer, s: string): void {
    if (this.statusShown) this.err.write('\r\x1b[K');
    w.write(`${this.o.secrets.redact(s)}\n`);
    if (this.statusShown) this.drawStatus();
  }

  /** `⠿ 3 running (a, b, c) · 5 done · 1 failed · 4 waiting · 0:42` */
  private drawStatus(): void {
    const done = this.finished.filter((f) => f.result === 'succeeded').length;
    const failed = this.finished.filter((f) => f.result === 'failed' || f.result === 'early exit' || f.result === 'interrupted').length;
    const excluded = this.finished.filter((f) => f.result === 'excluded').length;
    const waiting = Math.max(0, this.total - this.running.size - done - failed);
    const names = [...this.running].slice(0, 3).join(', ') + (this.running.size > 3 ? ', …' : '');
    const secs = Math.floor((Date.now() - this.runStart) / 1000);
    const clock = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
    const text = `${this.running.size} running${names ? ` (${names})` : ''} · ${done} done · ${failed} failed · ${waiting} waiting${excluded ? ` · ${excluded} excluded` : ''} · ${clock}`;
    const width = (process.stderr.columns ?? 100) - 1;
    this.err.write(`\r\x1b[K${this.paint('2', text.length > width ? `${text.slice(0, width - 1)}…` : text)}`);
    this.statusShown = true;
  }

  private startStatus(): void {
    if (!this.o.live || this.timer) return;
    this.drawStatus();
    this.timer = setInterval(() => this.drawStatus(), 1000);
    this.timer.unref();
  }

  private stopStatus(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.statusShown) this.err.write('\r\x1b[K');
    this.statusShown = false;
  }

  private enabled(level: LogLevel): boolean {
    return LEVELS[level] <= LEVELS[this.o.level];
  }

  emit(e: RunEvent): void {
    switch (e.type) {
      case 'log': {
        if (!this.enabled(e.level)) return;
        const tag = e.level === 'error' ? this.paint('31', 'ERROR ') : e.level === 'warn' ? this.paint('33', 'WARN  ') : e.level === 'debug' ? 'DEBUG ' : '';
        this.say(e.level, e.module, e.message, `${tag}${e.module && this.o.prefix ? `[${e.module}] ` : ''}${e.message}`);
        return;
      }
      case 'plan': {
        if (!this.enabled('info')) return;
        const lines = [`The stack at ${'.'} will be processed in the following order for command ${e.command}${e.reverse ? ' (dependents first)' : ''}:`];
        e.groups.forEach((g, i) => {
          lines.push(`Group ${i + 1}`);
          for (const m of g) {
            const deps = e.dependencies[m] ?? [];
            lines.push(`- Module ${m}${deps.length > 0 ? `  (depends on ${deps.join(', ')})` : ''}`);
          }
        });
        for (const x of e.excluded) lines.push(`- Excluded ${x.module}: ${x.reason}`);
        this.say('info', undefined, lines.join('\n'), lines.join('\n') + '\n');
        this.total = e.groups.reduce((n, g) => n + g.length, 0);
        return;
      }
      case 'module-output': {
        if (e.stream === 'stdout' && this.o.captureStdout) return;
        const w = e.stream === 'stdout' ? this.out : this.err;
        if (this.o.prefix && !this.o.raw) this.line(w, `${this.paint('36', `[${e.module}]`)} ${e.line}`);
        else this.line(w, e.line);
        return;
      }
      case 'module-started':
        this.running.add(e.module);
        if (this.o.progress && this.o.live) this.startStatus();
        else if (this.o.progress && this.enabled('info')) this.say('info', e.module, 'started', `${this.paint('36', `[${e.module}]`)} started`);
        return;
      case 'module-finished': {
        this.running.delete(e.module);
        this.finished.push(e);
        if (!this.o.progress || !this.enabled('info')) {
          if (e.result !== 'succeeded' && e.reason && this.enabled('error')) this.say('error', e.module, e.reason, `${this.paint('31', 'ERROR ')}[${e.module}] ${e.reason}`);
          return;
        }
        const took = e.startedAt ? ` in ${formatDuration(e.at - e.startedAt)}` : '';
        const colour = e.result === 'succeeded' ? '32' : e.result === 'excluded' ? '90' : '31';
        const what = `${e.result}${took}${e.reason && e.result !== 'succeeded' ? `: ${e.reason}` : ''}`;
        this.say(e.result === 'failed' ? 'error' : 'info', e.module, what,
          `${this.paint('36', `[${e.module}]`)} ${this.paint(colour, e.result)}${took}${e.reason && e.result !== 'succeeded' ? `: ${e.reason}` : ''}`);
        return;
      }
      case 'credentials':
        if (!this.enabled('debug')) return;
      {
        const text = `role ${e.roleArn} (set by ${e.source}) via ${e.via}, session ${e.sessionName}`
          + `${e.expiration ? `, expires ${e.expiration}` : ''}, ${e.cacheHit ? 'cache hit' : 'new STS call'}`;
        this.say('debug', e.module, text, `DEBUG [${e.module}] ${text}`);
      }
        return;
      case 'interrupt':
      {
        const text = e.second ? 'Second interrupt: killing terraform processes.' : `Received ${e.signal}: stopping terraform gracefully and starting nothing new (press Ctrl-C again to kill).`;
        this.say('warn', undefined, text, text);
      }
        return;
      case 'module-retry':
        if (!this.enabled('warn')) return;
        this.line(this.err, `${this.paint('33', 'WARN  ')}[${e.module}] Encountered retryable error: ${e.rule} (${e.reason})\n`
          + `Attempt ${e.attempt} of ${e.maxAttempts}. Waiting ${e.sleepSeconds} second(s) before retrying...`);
        return;
      case 'module-queued':
        return;
    }
  }

  /** The run summary: counts, then each module's result and duration; failures with their reason. */
  summary(show = true): void {
    this.stopStatus();
    if (!show || this.finished.length === 0 || !this.enabled('info')) return;
    const count = (r: string) => this.finished.filter((f) => f.result === r).length;
    const lines = ['', `Run summary: ${this.finished.length} module${this.finished.length === 1 ? '' : 's'} in ${formatDuration(Date.now() - this.runStart)}`];
    for (const [label, r] of [['Succeeded', 'succeeded'], ['Failed', 'failed'], ['Early exit', 'early exit'], ['Excluded', 'excluded'], ['Interrupted', 'interrupted']] as const) {
      const n = count(r);
      if (n > 0) lines.push(`  ${label.padEnd(12)}${n}`);
    }
    for (const f of [...this.finished].sort((a, b) => a.module.localeCompare(b.module))) {
      const took = f.startedAt ? formatDuration(f.at - f.startedAt) : '-';
      const why = f.result !== 'succeeded' && f.reason ? `  ${f.reason}`
        : f.recovered ? `  ${f.recovered.how === 'retried' ? `retry succeeded (${f.recovered.rule}, ${f.recovered.attempts} attempts)` : `error ignored (${f.recovered.rule})`}` : '';
      lines.push(`  ${f.module.padEnd(40)} ${f.result.padEnd(12)} ${took.padStart(8)}${why}`);
      if (f.result === 'failed') for (const l of f.stderrTail ?? []) lines.push(`      | ${stripVTControlCharacters(l)}`); // colours, cursor moves, OSC 8 links
    }
    this.say('info', undefined, lines.join('\n'), lines.join('\n'));
  }
}
