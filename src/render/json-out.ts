// `tgo run-all output -json --json-out FILE`: instead of N JSON documents one after another (what Terragrunt
// prints), one object keyed by module path, so `jq '."prod/vpc".vpc_id.value'` just works.

import type { EventSink, RunEvent } from '../run/events.js';
import { parseJson } from '../config/hcl/json.js';

export class JsonOutputCollector implements EventSink {
  private readonly stdout = new Map<string, string[]>();

  emit(e: RunEvent): void {
    if (e.type !== 'module-output' || e.stream !== 'stdout') return;
    const lines = this.stdout.get(e.module) ?? [];
    lines.push(e.line);
    this.stdout.set(e.module, lines);
  }

  /** Each module's parsed JSON (its raw text when it is not JSON), keys sorted by module path. */
  merged(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const module of [...this.stdout.keys()].sort()) {
      const text = this.stdout.get(module)!.join('\n');
      try {
        out[module] = parseJson(text); // numbers exact (12345678901234567890): written back with stringifyJson
      } catch {
        out[module] = text;
      }
    }
    return out;
  }
}
