// The run reports everything as typed events to a sink: the CLI renders them, tests record them.
// The core never prints, and never reads the terminal: what it must ask (a confirmation, an MFA code) goes to
// the same host as a typed question, and the host answers (the CLI on the terminal, tests from a script).

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
      /** Succeeded through an errors rule: retried, or its failure ignored. */
      recovered?: { how: 'retried' | 'ignored'; rule: string; attempts: number };
    }
  /** A failed run that a retry rule will run again after `sleepSeconds` (Terragrunt's "Encountered retryable error"). */
  | { type: 'module-retry'; module: string; rule: string; attempt: number; maxAttempts: number; sleepSeconds: number; reason: string }
  | { type: 'credentials'; module: string; roleArn: string; source: string; sessionName: string; expiration?: string; cacheHit: boolean; via: string }
  | { type: 'interrupt'; signal: string; second: boolean };

export interface EventSink {
  emit(event: RunEvent): void;
}

export type Question =
  /** Yes or no; false when nobody can answer. */
  | { type: 'confirm'; message: string }
  /** The current code of an MFA device; undefined when nobody can answer. */
  | { type: 'mfa-code'; serial: string };

export type Answer<Q extends Question> = Q extends { type: 'confirm' } ? boolean : string | undefined;

/** Where the core reports to and asks through. */
export interface IoHost extends EventSink {
  ask<Q extends Question>(question: Q): Promise<Answer<Q>>;
}

/** A host that answers nothing: no to every confirmation, no MFA code. */
export function silentHost(sink: EventSink): IoHost {
  return {
    emit: (e) => sink.emit(e),
    ask: async <Q extends Question>(q: Q) => (q.type === 'confirm' ? false : undefined) as Answer<Q>,
  };
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
