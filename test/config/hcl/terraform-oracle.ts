// Terraform itself as the oracle for expressions, with two terraform processes for a whole batch:
//  1. `terraform console` evaluates one object holding every expression, each inside try() so that one
//     failure does not hide the others, printed as base64 of its JSON (numbers keep every digit);
//  2. `terraform validate -json` on a root module with one output per failed expression gives terraform's
//     error for each (validate evaluates outputs; one output per expression is slow, so only those).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A number as terraform wrote it in JSON (every digit of its 512-bit value). */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | JsonNumber | string | Json[] | { [k: string]: Json };

/** unknown: terraform cannot know the value before apply (an untyped null given to a function, for one). */
export type TfOutcome = { value: Json } | { error: string } | { unknown: true };

export interface OracleInput {
  /** Expressions, one output each. */
  exprs: string[];
  /** Local values the expressions may refer to as local.<name> (HCL source). */
  locals?: Record<string, string>;
  /** Files to create beside the configuration (relative path → contents), for the filesystem functions. */
  files?: Record<string, string>;
}

function run(cmd: string, args: string[], cwd: string, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** JSON.parse that keeps numbers as their text. */
export function parseJson(text: string): Json {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): Json => {
    ws();
    const c = text[i]!;
    if (c === '{') {
      i++;
      const o: { [k: string]: Json } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        const k = value() as string;
        ws();
        i++; // :
        Object.defineProperty(o, k, { value: value(), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i++] === '}') return o;
      }
    }
    if (c === '[') {
      i++;
      const a: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        if (text[i++] === ']') return a;
      }
    }
    if (c === '"') {
      const start = i;
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      return JSON.parse(text.slice(start, i)) as string;
    }
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(text.slice(i, i + 2000))!;
    i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    if (m[0] === 'null') return null;
    return new JsonNumber(m[0]);
  };
  return value();
}

interface Diagnostic {
  severity: string;
  summary: string;
  detail?: string;
  range?: { filename: string; start: { line: number } };
}

function writeFiles(dir: string, input: OracleInput, outputs = ''): void {
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(input.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  let text = 'locals {\n';
  for (const [k, v] of Object.entries(input.locals ?? {})) text += `  ${k} = ${v}\n`;
  writeFileSync(path.join(dir, 'main.tf'), `${text}}\n${outputs}`);
}

/**
 * The values of exprs[indexes] from one terraform console: try() tells a failure (null) from a null result,
 * nonsensitive lets a sensitive value print (tgo has no marks to compare anyway).
 * One unknown value makes the whole object unknown: then the halves are evaluated apart, down to it.
 */
async function consoleValues(dir: string, exprs: string[], indexes: number[]): Promise<TfOutcome[]> {
  // Each value is JSON in a string, or for an infinite number (which JSON cannot hold) its string form.
  const each = (e: string) => `try(["json", jsonencode(${e})], ["text", tostring(${e})], null)`;
  const all = `nonsensitive(base64encode(jsonencode({ ${indexes.map((i) => `e${i} = ${each(exprs[i]!)}`).join(', ')} })))`;
  if (all.includes('\n')) throw new Error('console input must be one line: an expression spans lines');
  const con = await run('terraform', ['console', '-no-color'], dir, `${all}\n`);
  if (con.code !== 0) throw new Error(`terraform console failed:\n${con.stdout}\n${con.stderr}`);
  const text = con.stdout.trim();
  if (process.env.TGO_ORACLE_DEBUG) writeFileSync(path.join(dir, `console-${indexes[0]}-${indexes.length}.out`), con.stdout);
  if (text === '(known after apply)') {
    if (indexes.length === 1) return [{ unknown: true }];
    const half = Math.ceil(indexes.length / 2);
    // One after the other: consoles in one directory lock each other out.
    const a = await consoleValues(dir, exprs, indexes.slice(0, half));
    return [...a, ...(await consoleValues(dir, exprs, indexes.slice(half)))];
  }
  const values = JSON.parse(Buffer.from(text.replace(/^"|"$/g, ''), 'base64').toString('utf8')) as { [k: string]: [string, string] | null };
  return indexes.map((i) => {
    const v = values[`e${i}`];
    if (v === null || v === undefined) return { error: '' };
    return { value: v[0] === 'json' ? parseJson(v[1]) : new JsonNumber(v[1]) };
  });
}

/**
 * Positions inside a message (try()'s "(at main.tf:387,21-22)") made relative to the expression, as if it
 * were alone on line 1 of main.tf: its output's `  value = ` line is `valueLine`.
 */
function relativePositions(message: string, valueLine: number): string {
  const indent = '  value = '.length;
  return message.replace(/main\.tf:(\d+),(\d+)-(?:(\d+),)?(\d+)/g, (all, line: string, c1: string, line2: string | undefined, c2: string) => {
    if (Number(line) !== valueLine || (line2 !== undefined && Number(line2) !== valueLine)) return all;
    return `main.tf:1,${Number(c1) - indent}-${Number(c2) - indent}`;
  });
}

/** Evaluates every expression with terraform; outcomes in the same order. */
export async function terraformEvaluate(dir: string, input: OracleInput): Promise<TfOutcome[]> {
  const { exprs } = input;
  writeFiles(dir, input);
  // terraform console reads a line with Go's bufio.Scanner, which gives up silently past 64 KiB.
  const outcomes: TfOutcome[] = [];
  for (let start = 0; start < exprs.length; ) {
    let end = start;
    for (let size = 0; end < exprs.length && (end === start || size + 3 * exprs[end]!.length + 80 < 60_000); end++) size += 3 * exprs[end]!.length + 80;
    const idx = Array.from({ length: end - start }, (_, k) => start + k);
    outcomes.push(...(await consoleValues(dir, exprs, idx)));
    start = end;
  }
  const failed = outcomes.flatMap((o, i) => ('error' in o ? [i] : []));
  if (failed.length === 0) return outcomes;
  // Each output starts on a known line, so a diagnostic's line says which expression it is about.
  let outputs = '';
  let line = 2 + Object.keys(input.locals ?? {}).length + 1;
  const firstLine: { line: number; index: number }[] = [];
  for (const i of failed) {
    firstLine.push({ line, index: i });
    outputs += `output "e${i}" {\n  sensitive = true\n  value = ${exprs[i]}\n}\n`;
    line += 4;
  }
  writeFiles(dir, input, outputs);
  const validate = await run('terraform', ['validate', '-json', '-no-color'], dir);
  const result = JSON.parse(validate.stdout) as { diagnostics: Diagnostic[] };
  for (const d of result.diagnostics) {
    if (d.severity !== 'error') continue;
    const at = d.range?.filename === 'main.tf' ? d.range.start.line : undefined;
    const owner = at === undefined ? undefined : [...firstLine].reverse().find((f) => f.line <= at);
    if (owner === undefined) throw new Error(`terraform reported an error outside any output: ${d.summary}: ${d.detail ?? ''}`);
    const o = outcomes[owner.index] as { error: string };
    if (o.error === '') o.error = relativePositions(`${d.summary}: ${d.detail ?? ''}`, owner.line + 2);
  }
  for (const i of failed) {
    const o = outcomes[i] as { error: string };
    if (o.error === '') o.error = 'failed in terraform console, but terraform validate reports no error';
  }
  return outcomes;
}
