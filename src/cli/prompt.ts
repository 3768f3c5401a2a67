// The CLI's answers to the core's questions. A confirmation is asked on stderr and answered on stdin; with
// nobody to answer (stdin closed or empty) the answer is no, so nothing runs unattended without
// --terragrunt-non-interactive. An MFA code is asked only on a terminal; without one there is no code.

import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import type { MfaPrompt } from '../auth/mfa.js';
import type { Answer, EventSink, IoHost, Question } from '../run/events.js';

export function confirmOnStdin(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, question: string): Promise<boolean> {
  return new Promise((resolve) => {
    output.write(`${question} (y/n) `);
    const rl = createInterface({ input, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(/^\s*(y|yes)\s*$/i.test(line));
    });
    rl.once('close', () => {
      if (!answered) {
        output.write('\n');
        resolve(false);
      }
    });
  });
}

/** Asks on the terminal; undefined when stdin is not a terminal (nobody to ask). */
export function ttyPrompt(input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): MfaPrompt | undefined {
  if (!input.isTTY) return undefined;
  return (serial) =>
    new Promise((resolve, reject) => {
      const rl = createInterface({ input, output, terminal: true });
      let answered = false;
      rl.question(`MFA code for ${serial}: `, (answer) => {
        answered = true;
        rl.close();
        resolve(answer.trim());
      });
      rl.once('close', () => {
        if (!answered) reject(new UsageError(`No MFA code was entered for ${serial}.`));
      });
    });
}

/** Events to `sink`; questions answered on this process's terminal. */
export function terminalHost(
  sink: EventSink,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): IoHost {
  const mfa = ttyPrompt(input, output);
  return {
    emit: (event) => sink.emit(event),
    async ask<Q extends Question>(q: Q): Promise<Answer<Q>> {
      if (q.type === 'confirm') return (await confirmOnStdin(input, output, q.message)) as Answer<Q>;
      return (mfa ? await mfa(q.serial) : undefined) as Answer<Q>;
    },
  };
}
