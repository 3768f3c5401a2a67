// Turning run events into terminal output: module lines prefixed with the module path (stdout and stderr
// kept apart), tgo's own messages on stderr, the run order before and a summary after. Everything printed
// passes through the secret redactor.

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
}

const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
}

export class TerminalRenderer implements EventSink {
  readonly finished: Extract<RunEvent, { type: 'module-finished' }>[] = [];
  private readonly runStart = Date.now();

  constructor(
    private readonly out: Writer,
    private readonly err: Writer,
    private readonly o: TerminalOptions,
  ) {}

  private paint(code: string, s: string): string {
    return this.o.color ? `\x1b[${code}m${s}\x1b[0m` : s;
  }

  private line(w: Writer, s: string): void {
    w.write(`${this.o.secrets.redact(s)}\n`);
  }

  private enabled(level: LogLevel): boolean {
    return LEVELS[level] <= LEVELS[this.o.level];
  }

  emit(e: RunEvent): void {
    switch (e.type) {
      case 'log': {
        if (!this.enabled(e.level)) return;
        const tag = e.level === 'error' ? this.paint('31', 'ERROR ') : e.level === 'warn' ? this.paint('33', 'WARN  ') : e.level === 'debug' ? 'DEBUG ' : '';
        this.line(this.err, `${tag}${e.module && this.o.prefix ? `[${e.module}] ` : ''}${e.message}`);
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
        this.line(this.err, lines.join('\n') + '\n');
        return;
      }
      case 'module-output': {
        const w = e.stream === 'stdout' ? this.out : this.err;
        if (this.o.prefix && !this.o.raw) this.line(w, `${this.paint('36', `[${e.module}]`)} ${e.line}`);
        else this.line(w, e.line);
        return;
      }
      case 'module-started':
        if (this.o.progress && this.enabled('info')) this.line(this.err, `${this.paint('36', `[${e.module}]`)} started`);
        return;
      case 'module-finished': {
        this.finished.push(e);
        if (!this.o.progress || !this.enabled('info')) {
          if (e.result !== 'succeeded' && e.reason && this.enabled('error')) this.line(this.err, `${this.paint('31', 'ERROR ')}[${e.module}] ${e.reason}`);
          return;
        }
        const took = e.startedAt ? ` in ${formatDuration(e.at - e.startedAt)}` : '';
        const colour = e.result === 'succeeded' ? '32' : e.result === 'excluded' ? '90' : '31';
        this.line(this.err, `${this.paint('36', `[${e.module}]`)} ${this.paint(colour, e.result)}${took}${e.reason && e.result !== 'succeeded' ? `: ${e.reason}` : ''}`);
        return;
      }
      case 'credentials':
        if (!this.enabled('debug')) return;
        this.line(this.err, `DEBUG [${e.module}] role ${e.roleArn} (set by ${e.source}) via ${e.via}, session ${e.sessionName}`
          + `${e.expiration ? `, expires ${e.expiration}` : ''}, ${e.cacheHit ? 'cache hit' : 'new STS call'}`);
        return;
      case 'interrupt':
        this.line(this.err, e.second ? 'Second interrupt: killing terraform processes.' : `Received ${e.signal}: stopping terraform gracefully and starting nothing new (press Ctrl-C again to kill).`);
        return;
      case 'module-queued':
        return;
    }
  }

  /** The run summary: counts, then each module's result and duration; failures with their reason. */
  summary(): void {
    if (this.finished.length === 0 || !this.enabled('info')) return;
    const count = (r: string) => this.finished.filter((f) => f.result === r).length;
    const lines = ['', `Run summary: ${this.finished.length} module${this.finished.length === 1 ? '' : 's'} in ${formatDuration(Date.now() - this.runStart)}`];
    for (const [label, r] of [['Succeeded', 'succeeded'], ['Failed', 'failed'], ['Early exit', 'early exit'], ['Excluded', 'excluded'], ['Interrupted', 'interrupted']] as const) {
      const n = count(r);
      if (n > 0) lines.push(`  ${label.padEnd(12)}${n}`);
    }
    for (const f of [...this.finished].sort((a, b) => a.module.localeCompare(b.module))) {
      const took = f.startedAt ? formatDuration(f.at - f.startedAt) : '-';
      const why = f.result !== 'succeeded' && f.reason ? `  ${f.reason}` : '';
      lines.push(`  ${f.module.padEnd(40)} ${f.result.padEnd(12)} ${took.padStart(8)}${why}`);
    }
    this.line(this.err, lines.join('\n'));
  }
}
