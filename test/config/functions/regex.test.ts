// RE2 as Terraform has it: linear-time matching (a pattern cannot hang a run) and the helpers other modules
// use to compile Terraform-style patterns (error_hook's on_errors).
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRe2, re2Test, Re2SyntaxError } from '../../../src/config/functions/terraform/re2.js';
import { call } from './helpers.js';

const DIST = pathToFileURL(path.resolve('dist/config/functions/terraform/index.js')).href;

/**
 * Evaluates regex(pattern, input) in a worker (from the built dist/) and resolves with its outcome, or with
 * 'timeout' when the worker has not answered in `ms` — the worker is then terminated, which a hung
 * backtracking match in the main thread would not allow.
 */
function regexInWorker(pattern: string, input: string, ms: number): Promise<string> {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     import(workerData.dist).then(({ terraformFunctions }) => {
       try { parentPort.postMessage('value: ' + JSON.stringify(terraformFunctions.regex.impl([workerData.pattern, workerData.input], {}))); }
       catch (e) { parentPort.postMessage('error: ' + e.message); }
     });`,
    { eval: true, workerData: { dist: DIST, pattern, input } },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('timeout');
    }, ms);
    worker.once('message', (m: string) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('regex, regexall and replace run in linear time', () => {
  it('regex("^(a+)+$", …) answers at once where a backtracking engine needs 2^n steps', async () => {
    // With 60 a's a backtracking engine would need ~2^60 steps (centuries); RE2 needs a few hundred. The
    // 20 s bound is only there so that a regression fails instead of hanging.
    const outcome = await regexInWorker('^(a+)+$', `${'a'.repeat(60)}b`, 20_000);
    expect(outcome).toBe('error: pattern did not match any part of the given string');
  });

  it('the issue\'s example fails with Terraform\'s message', () => {
    expect(call('regex', ['^(a+)+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaab'])).toEqual({
      error: 'Call to function "regex" failed: pattern did not match any part of the given string.',
    });
  });

  it('nested quantifiers over a long input in regexall and replace stay linear too', () => {
    const s = `${'a'.repeat(20_000)}!`;
    expect(call('regexall', ['(a|aa)+$', s])).toEqual({ value: [] });
    expect(call('replace', [s, '/(a*)*!/', 'x'])).toEqual({ value: 'x' });
  });
});

describe('compileRe2 / re2Test: Terraform-style patterns for other modules (error_hook on_errors)', () => {
  it('understands RE2 flags such as (?s) that JavaScript spells differently', () => {
    const re = compileRe2('(?s).*boom.*');
    expect(re2Test(re, 'Error:\nsomething went boom\nexit 1')).toBe(true);
    expect(re2Test(re, 'all fine')).toBe(false);
  });

  it('matches anywhere in the text, with ^ and $ at its ends unless (?m) is given (Go MatchString)', () => {
    expect(re2Test(compileRe2('^Error'), 'Warning\nError: x')).toBe(false);
    expect(re2Test(compileRe2('(?m)^Error'), 'Warning\nError: x')).toBe(true);
    expect(re2Test(compileRe2('lock'), 'Error acquiring the state lock')).toBe(true);
  });

  it('refuses what RE2 refuses, with Go\'s message', () => {
    expect(() => compileRe2('(?<=a)b')).toThrow(Re2SyntaxError);
    expect(() => compileRe2('(?=a)')).toThrow('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(() => compileRe2('a**')).toThrow('error parsing regexp: invalid nested repetition operator: `**`');
  });
});
