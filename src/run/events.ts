// The run reports everything as typed events to a sink: the CLI renders them, tests record them.
// The core never prints.

export type ModuleResult = 'succeeded' | 'failed' | 'early exit' | 'excluded' | 'interrupted';

export type RunEvent =
  | { type: 'log'; level: 'error' | 'warn' | 'info' | 'debug'; message: string; module?: string }
  | { type: 'plan'; command: string; reverse: boolean; groups: string[][]; dependencies: Record<string, string[]>; excluded: { module: string; reason: string }[] }
  | { type: 'module-queued'; module: string }
  | { type: 'module-started'; module: string; at: number }
  | { type: 'module-output'; module: string; stream: 'stdout' | 'stderr'; line: string }
  | {
      type: 'module-finished';
      module: string;
      result: ModuleResult;
      at: number;
      startedAt?: number;
      exitCode?: number;
      reason?: string;
      /** For early exit: the module whose failure caused it. */
      cause?: string;
      stderrTail?: string[];
    }
  | { type: 'credentials'; module: string; roleArn: string; source: string; sessionName: string; expiration?: string; cacheHit: boolean; via: string }
  | { type: 'interrupt'; signal: string; second: boolean };

export interface EventSink {
  emit(event: RunEvent): void;
}

/** A sink that keeps every event (tests, and the run summary). */
export class RecordingSink implements EventSink {
  readonly events: RunEvent[] = [];
  emit(event: RunEvent): void {
    this.events.push(event);
  }
  of<T extends RunEvent['type']>(type: T): Extract<RunEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
  }
}

export const nullSink: EventSink = { emit() {} };

/** Sends every event to several sinks (terminal, report, JSON collector). */
export class TeeSink implements EventSink {
  private readonly sinks: EventSink[];
  constructor(...sinks: EventSink[]) {
    this.sinks = sinks;
  }
  emit(event: RunEvent): void {
    for (const s of this.sinks) s.emit(event);
  }
}
