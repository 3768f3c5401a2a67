// The hand-picked expressions for the terraform differential test (terraform-corpus.txt: grouped by what
// they exercise; every implemented function appears with its edge cases), the local values they may refer
// to, the files the filesystem functions read, and terraform behaviour tgo deliberately does not have.
import { readFileSync } from 'node:fs';

/** Local values both sides define from the same source. */
export const LOCALS: Record<string, string> = {
  greeting: '"Hello, $${name}!"',
  loop: '"%%{ for x in xs }[$${x}]%%{ endfor }"',
  templates: '{ a = "$${upper(name)}", bad = "$${" }',
  n: '5',
  big: '12345678901234567890',
  list: '["b", "a", "c"]',
  objs: '[{ name = "a", tags = ["x"] }, { name = "b", tags = [] }]',
  map: '{ b = 2, a = 1, "c d" = 3 }',
  nested: '{ a = { b = { c = [1, 2, 3] } } }',
  nothing: 'null',
};

/** Files beside the configuration, for file(), templatefile() and friends. */
export const FILES: Record<string, string> = {
  'hello.txt': 'Hello, world!\n',
  'unicode.txt': 'héllo wörld 😀\n',
  'tpl/greet.tftpl': 'Hello, ${name}!%{ for x in xs } [${x}]%{ endfor }\n',
  'tpl/strip.tftpl': '%{ if ok ~}\n  yes\n%{~ else ~}\n  no\n%{~ endif ~}\n',
  'dir/a.txt': 'a',
  'dir/b.json': '{}',
  'dir/sub/c.txt': 'c',
};

/** The expressions, from terraform-corpus.txt. */
export const CORPUS: string[] = readFileSync(new URL('./terraform-corpus.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

/** terraform 1.11 behaviour tgo deliberately does not have, with the reason. */
export const DELIBERATE: Record<string, string> = {
  'issensitive(sensitive(1))':
    'tgo values carry no sensitivity marks (Terragrunt drops them before inputs reach terraform), so issensitive() cannot tell',
  // Terragrunt uses HCL 2.24, terraform 1.11 HCL 2.23: 2.24 short-circuits && and ||.
  'false && null': 'HCL 2.24 (Terragrunt\'s) short-circuits &&: a false side decides; terraform 1.11\'s HCL 2.23 fails on the null',
  'true || null': 'HCL 2.24 (Terragrunt\'s) short-circuits ||: a true side decides; terraform 1.11\'s HCL 2.23 fails on the null',
  // go-cty panics on these and terraform prints the Go stack trace; tgo says what is wrong.
  'element(["a", "b"], -1)': 'go-cty panics (index out of range) and terraform prints a stack trace; tgo reports the negative index',
  'log(-1, 10)': 'go-cty panics (Float.SetFloat64(NaN)) and terraform prints a stack trace; tgo says the result is not a number',
  'pow(-8, 1/3)': 'go-cty panics (Float.SetFloat64(NaN)) and terraform prints a stack trace; tgo says the result is not a number',
};

/**
 * Differences not fixed yet, each still asserted to be a difference (so a fix must take it off this list).
 */
export const PENDING: Record<string, string> = {};
