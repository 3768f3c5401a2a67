// The yes/no prompt: one question per run, answered on stdin. With nobody to answer (stdin closed or empty)
// the answer is no, so nothing runs unattended without --terragrunt-non-interactive.

import { createInterface } from 'node:readline';
import type { Prompter } from '../run/options.js';

export function stdinPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  return {
    confirm(question) {
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
    },
  };
}
