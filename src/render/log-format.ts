// Terragrunt's --log-format presets for tgo's own log lines (terraform's output is passed on as it is):
//   pretty     15:04:05.000 INFO   [unit] message
//   bare       INFO[0003] message	 prefix=[unit]
//   key-value  time=2026-01-02T15:04:05Z level=info prefix=unit msg=message
//   json       {"time":"…", "level":"info", "working-dir":"unit", "msg":"message"}

import type { LogLevel } from '../run/options.js';

export type LogFormat = 'pretty' | 'bare' | 'json' | 'key-value';
export const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'bare', 'json', 'key-value'];

export interface LogEntry {
  time: Date;
  /** Seconds since the run started (bare's interval). */
  elapsed: number;
  level: LogLevel;
  module?: string;
  message: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function formatLogLine(format: LogFormat, e: LogEntry, paint: (code: string, s: string) => string = (_c, s) => s): string {
  switch (format) {
    case 'pretty': {
      const t = e.time;
      const clock = `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}.${pad(t.getMilliseconds(), 3)}`;
      const colour = e.level === 'error' ? '31' : e.level === 'warn' ? '33' : e.level === 'info' ? '32' : '90';
      return `${paint('90', clock)} ${paint(colour, e.level.toUpperCase().padEnd(6))} ${e.module ? `${paint('36', `[${e.module}]`)} ` : ''}${e.message}`;
    }
    case 'bare':
      return `${e.level.toUpperCase().slice(0, 4).padEnd(4)}[${pad(Math.floor(e.elapsed), 4)}] ${e.message}${e.module ? `\t prefix=[${e.module}] ` : ''}`;
    case 'key-value':
      return `time=${rfc3339(e.time)} level=${e.level}${e.module ? ` prefix=${e.module}` : ''} msg=${e.message}`;
    case 'json':
      return JSON.stringify({ time: rfc3339(e.time), level: e.level, ...(e.module ? { 'working-dir': e.module } : {}), msg: e.message });
  }
}
