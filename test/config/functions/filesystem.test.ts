// Terraform's filesystem functions, table-driven over a fixture tree built in a temp directory. Expected
// values come from terraform 1.11.4 run in a directory holding the same tree (`// terraform console:`);
// terraform named paths relative to its working directory ("fx/missing.txt") where we, resolving against
// baseDir, name them absolutely — the expectations below differ from terraform's text only in that prefix.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Value } from '../../../src/config/hcl/values.js';
import { call, context, label, type Outcome } from './helpers.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tgo-fs-'));
  const fx = path.join(root, 'fx');
  for (const d of ['sub/deep', 'other', '.hidden']) mkdirSync(path.join(fx, d), { recursive: true });
  const files: Record<string, string | Buffer> = {
    'a.txt': 'hello\n',
    'b.tf': 'x',
    'sub/c.txt': 'y',
    'sub/deep/d.txt': 'z',
    'other/e.json': 'w',
    '.hidden/f.txt': 'h',
    '.dot.txt': 'g',
    'bin.dat': Buffer.from([0xff, 0xfe]),
    't.tpl': 'Hi ${name}!',
    'ab1.txt': 'ab',
    'ac2.txt': 'ab',
  };
  for (const [f, content] of Object.entries(files)) writeFileSync(path.join(fx, f), content);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOT_DISTRIBUTED =
  'this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource';

/** Cases whose expectations mention the fixture root take it as a function. */
type FsCase = [name: string, args: Value[], expected: Outcome | ((root: string) => Outcome)];

const ALL_FILES = [
  '.dot.txt',
  '.hidden/f.txt',
  'a.txt',
  'ab1.txt',
  'ac2.txt',
  'b.tf',
  'bin.dat',
  'other/e.json',
  'sub/c.txt',
  'sub/deep/d.txt',
  't.tpl',
];

const cases: FsCase[] = [
  // terraform console: file("fx/a.txt") → "hello\n"
  ['file', ['fx/a.txt'], { value: 'hello\n' }],
  // terraform console: file("fx/missing.txt") → Error: Invalid value for "path" parameter: no file exists at "fx/missing.txt"; this function works only with …
  ['file', ['fx/missing.txt'], (r) => ({ error: `Invalid value for "path" parameter: no file exists at "${r}/fx/missing.txt"; ${NOT_DISTRIBUTED}.` })],
  // terraform console: file("fx/bin.dat") → Error: Call to function "file" failed: contents of "fx/bin.dat" are not valid UTF-8; use the filebase64 …
  ['file', ['fx/bin.dat'], (r) => ({ error: `Call to function "file" failed: contents of "${r}/fx/bin.dat" are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead.` })],
  // terraform console: file("fx") → Error: Invalid value for "path" parameter: failed to read file: read fx: is a directory.
  ['file', ['fx'], (r) => ({ error: `Invalid value for "path" parameter: failed to read file: read ${r}/fx: is a directory.` })],
  // terraform console: file("fx/a.txt/x") → Error: Invalid value for "path" parameter: open fx/a.txt/x: not a directory.
  ['file', ['fx/a.txt/x'], (r) => ({ error: `Invalid value for "path" parameter: open ${r}/fx/a.txt/x: not a directory.` })],
  ['file', ['./fx/sub/../a.txt'], { value: 'hello\n' }],
  ['file', [null], { error: 'Invalid value for "path" parameter: argument must not be null.' }],

  // terraform console: fileexists("fx/a.txt") → true
  ['fileexists', ['fx/a.txt'], { value: true }],
  // terraform console: fileexists("fx/missing.txt") → false
  ['fileexists', ['fx/missing.txt'], { value: false }],
  // terraform console: fileexists("fx/sub") → Error: Call to function "fileexists" failed: "fx/sub" is a directory, not a file.
  ['fileexists', ['fx/sub'], (r) => ({ error: `Call to function "fileexists" failed: "${r}/fx/sub" is a directory, not a file.` })],
  // terraform console: fileexists("fx/a.txt/x") → Error: Call to function "fileexists" failed: failed to stat "fx/a.txt/x".
  ['fileexists', ['fx/a.txt/x'], (r) => ({ error: `Call to function "fileexists" failed: failed to stat "${r}/fx/a.txt/x".` })],

  // terraform console: fileset("fx", "*.txt") → toset([".dot.txt", "a.txt", "ab1.txt", "ac2.txt"])
  ['fileset', ['fx', '*.txt'], { value: ['.dot.txt', 'a.txt', 'ab1.txt', 'ac2.txt'] }],
  // terraform console: fileset("fx", "**") → every file, hidden ones included
  ['fileset', ['fx', '**'], { value: ALL_FILES }],
  // terraform console: fileset("fx", "**/") → the same as "**"
  ['fileset', ['fx', '**/'], { value: ALL_FILES }],
  // terraform console: fileset("fx", "**/*.txt")
  ['fileset', ['fx', '**/*.txt'], { value: ['.dot.txt', '.hidden/f.txt', 'a.txt', 'ab1.txt', 'ac2.txt', 'sub/c.txt', 'sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "**/*.{txt,tf}")
  ['fileset', ['fx', '**/*.{txt,tf}'], { value: ['.dot.txt', '.hidden/f.txt', 'a.txt', 'ab1.txt', 'ac2.txt', 'b.tf', 'sub/c.txt', 'sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "*/*.txt") → toset([".hidden/f.txt", "sub/c.txt"])
  ['fileset', ['fx', '*/*.txt'], { value: ['.hidden/f.txt', 'sub/c.txt'] }],
  // terraform console: fileset("fx", "a?.txt") → toset([])
  ['fileset', ['fx', 'a?.txt'], { value: [] }],
  // terraform console: fileset("fx", "a[bc]?.txt") → toset(["ab1.txt", "ac2.txt"])
  ['fileset', ['fx', 'a[bc]?.txt'], { value: ['ab1.txt', 'ac2.txt'] }],
  // terraform console: fileset("fx", "a[^b]?.txt") → toset(["ac2.txt"]); "!" does not negate
  ['fileset', ['fx', 'a[^b]?.txt'], { value: ['ac2.txt'] }],
  ['fileset', ['fx', 'a[!b]?.txt'], { value: ['ab1.txt'] }],
  // terraform console: fileset("fx", "a[a-b]?.txt") → toset(["ab1.txt"])
  ['fileset', ['fx', 'a[a-b]?.txt'], { value: ['ab1.txt'] }],
  // terraform console: fileset("fx", "[a-b]*.t?") → toset(["b.tf"])
  ['fileset', ['fx', '[a-b]*.t?'], { value: ['b.tf'] }],
  // terraform console: fileset("fx", "{a,b}.*") → toset(["a.txt", "b.tf"])
  ['fileset', ['fx', '{a,b}.*'], { value: ['a.txt', 'b.tf'] }],
  // terraform console: fileset("fx", "{sub,other}/*") → toset(["other/e.json", "sub/c.txt"])
  ['fileset', ['fx', '{sub,other}/*'], { value: ['other/e.json', 'sub/c.txt'] }],
  // terraform console: fileset("fx", "sub/**") → toset(["sub/c.txt", "sub/deep/d.txt"])
  ['fileset', ['fx', 'sub/**'], { value: ['sub/c.txt', 'sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "sub/*/*.txt") → toset(["sub/deep/d.txt"])
  ['fileset', ['fx', 'sub/*/*.txt'], { value: ['sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "*/deep/*") → toset(["sub/deep/d.txt"])
  ['fileset', ['fx', '*/deep/*'], { value: ['sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "**/d.txt") → toset(["sub/deep/d.txt"])
  ['fileset', ['fx', '**/d.txt'], { value: ['sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "sub/**/d.txt") → toset(["sub/deep/d.txt"])
  ['fileset', ['fx', 'sub/**/d.txt'], { value: ['sub/deep/d.txt'] }],
  // terraform console: fileset("fx", "**/deep") → toset([]) (directories are never matched)
  ['fileset', ['fx', '**/deep'], { value: [] }],
  // terraform console: fileset("fx", "sub") → toset([])
  ['fileset', ['fx', 'sub'], { value: [] }],
  // terraform console: fileset("fx", ".*") → toset([".dot.txt"])
  ['fileset', ['fx', '.*'], { value: ['.dot.txt'] }],
  // terraform console: fileset("fx", "./a.txt") → toset(["a.txt"])
  ['fileset', ['fx', './a.txt'], { value: ['a.txt'] }],
  // terraform console: fileset("fx", "sub/../a.txt") → toset(["a.txt"])
  ['fileset', ['fx', 'sub/../a.txt'], { value: ['a.txt'] }],
  // terraform console: fileset("fx", "a\\.txt") → toset(["a.txt"]); fileset("fx", "a\\*") → toset([])
  ['fileset', ['fx', 'a\\.txt'], { value: ['a.txt'] }],
  ['fileset', ['fx', 'a\\*'], { value: [] }],
  // terraform console: fileset(".", "fx/*.tf") → toset(["fx/b.tf"])
  ['fileset', ['.', 'fx/*.tf'], { value: ['fx/b.tf'] }],
  // terraform console: fileset("fx/sub", "*") → toset(["c.txt"])
  ['fileset', ['fx/sub', '*'], { value: ['c.txt'] }],
  // terraform console: fileset("missingdir", "*") → toset([]); fileset("fx/sub/deep/d.txt", "*") → toset([])
  ['fileset', ['missingdir', '*'], { value: [] }],
  ['fileset', ['fx/sub/deep/d.txt', '*'], { value: [] }],
  // terraform console: fileset("fx", "[") → Error: Call to function "fileset" failed: failed to glob pattern "fx/[": syntax error in pattern.
  ['fileset', ['fx', '['], (r) => ({ error: `Call to function "fileset" failed: failed to glob pattern "${r}/fx/[": syntax error in pattern.` })],
  // terraform console: fileset("fx", "{") → Error: Call to function "fileset" failed: failed to glob pattern "fx/{": syntax error in pattern.
  ['fileset', ['fx', '{'], (r) => ({ error: `Call to function "fileset" failed: failed to glob pattern "${r}/fx/{": syntax error in pattern.` })],

  // terraform console: templatefile("fx/t.tpl", [1]) → Error: Invalid value for "vars" parameter: invalid vars value: must be a map.
  ['templatefile', ['fx/t.tpl', [1]], { error: 'Invalid value for "vars" parameter: invalid vars value: must be a map.' }],
  // terraform console: templatefile("fx/t.tpl", {"1a"=1}) → Error: Invalid value for "vars" parameter: invalid template variable name "1a": must start …
  ['templatefile', ['fx/t.tpl', { '1a': 1 }], { error: 'Invalid value for "vars" parameter: invalid template variable name "1a": must start with a letter, followed by zero or more letters, digits, and underscores.' }],
  // terraform console: templatefile("fx/missing.tpl", {}) → Error: Invalid value for "path" parameter: no file exists at "fx/missing.tpl"; …
  ['templatefile', ['fx/missing.tpl', {}], (r) => ({ error: `Invalid value for "path" parameter: no file exists at "${r}/fx/missing.tpl"; ${NOT_DISTRIBUTED}.` })],
  // terraform console: templatefile("fx", {}) → Error: Invalid value for "path" parameter: failed to read file: read fx: is a directory.
  ['templatefile', ['fx', {}], (r) => ({ error: `Invalid value for "path" parameter: failed to read file: read ${r}/fx: is a directory.` })],
  // terraform console: templatefile("fx/t.tpl", null) → Error: Invalid value for "vars" parameter: argument must not be null.
  ['templatefile', ['fx/t.tpl', null], { error: 'Invalid value for "vars" parameter: argument must not be null.' }],

  // terraform console: basename("/a/b/c.txt") → "c.txt", and so on
  ['basename', ['/a/b/c.txt'], { value: 'c.txt' }],
  ['basename', ['c.txt'], { value: 'c.txt' }],
  ['basename', ['/a/b/'], { value: 'b' }],
  ['basename', ['a/b.txt/'], { value: 'b.txt' }],
  ['basename', [''], { value: '.' }],
  ['basename', ['/'], { value: '/' }],
  // terraform console: dirname("/a/b/c.txt") → "/a/b", and so on
  ['dirname', ['/a/b/c.txt'], { value: '/a/b' }],
  ['dirname', ['c.txt'], { value: '.' }],
  ['dirname', ['/a/b/'], { value: '/a/b' }],
  ['dirname', [''], { value: '.' }],
  ['dirname', ['/'], { value: '/' }],
  ['dirname', ['a//b'], { value: 'a' }],
  ['dirname', ['./a/../b/c'], { value: 'b' }],
  // terraform console: abspath("/a/b/../c") → "/a/c"
  ['abspath', ['/a/b/../c'], { value: '/a/c' }],
  ['abspath', ['fx/../fx/a.txt'], (r) => ({ value: `${r}/fx/a.txt` })],
  ['abspath', [''], (r) => ({ value: r })],
  // terraform console: pathexpand("/a/~") → "/a/~"; pathexpand("~user/x") → Error: … cannot expand user-specific home dir.
  ['pathexpand', ['/a/~'], { value: '/a/~' }],
  ['pathexpand', ['~user/x'], { error: 'Call to function "pathexpand" failed: cannot expand user-specific home dir.' }],

  // terraform console: filebase64("fx/a.txt") → "aGVsbG8K"; filebase64("fx/bin.dat") → "//4="
  ['filebase64', ['fx/a.txt'], { value: 'aGVsbG8K' }],
  ['filebase64', ['fx/bin.dat'], { value: '//4=' }],
  ['filebase64', ['fx/missing'], (r) => ({ error: `Invalid value for "path" parameter: no file exists at "${r}/fx/missing"; ${NOT_DISTRIBUTED}.` })],
  // terraform console: filemd5("fx/a.txt") → "b1946ac92492d2347c6235b4d2611184", and the other hashes
  ['filemd5', ['fx/a.txt'], { value: 'b1946ac92492d2347c6235b4d2611184' }],
  ['filesha1', ['fx/a.txt'], { value: 'f572d396fae9206628714fb2ce00f72e94f2258f' }],
  ['filesha256', ['fx/a.txt'], { value: '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03' }],
  ['filesha512', ['fx/a.txt'], { value: 'e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629' }],
  ['filebase64sha256', ['fx/a.txt'], { value: 'WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=' }],
  // terraform console: filemd5("fx/missing") → Error: Call to function "filemd5" failed: open fx/missing: no such file or directory.
  ['filemd5', ['fx/missing'], (r) => ({ error: `Call to function "filemd5" failed: open ${r}/fx/missing: no such file or directory.` })],
  // terraform console: filesha256("fx") → Error: Call to function "filesha256" failed: read fx: is a directory.
  ['filesha256', ['fx'], (r) => ({ error: `Call to function "filesha256" failed: read ${r}/fx: is a directory.` })],
];

describe('terraform filesystem functions', () => {
  it.each(cases.map((c) => [label(c[0], c[1]), c] as const))('%s', (_, [name, args, expected]) => {
    const want = typeof expected === 'function' ? expected(root) : expected;
    expect(call(name, args, context(root))).toEqual(want);
  });

  it('templatefile reads the file and renders it with the given vars', () => {
    const calls: unknown[] = [];
    const ctx = context(root, (source, filename, vars) => {
      calls.push({ source, filename, vars });
      return 'rendered';
    });
    expect(call('templatefile', ['fx/t.tpl', { name: 'Bob', 'a-b': 1 }], ctx)).toEqual({ value: 'rendered' });
    expect(calls).toEqual([{ source: 'Hi ${name}!', filename: path.join(root, 'fx/t.tpl'), vars: { name: 'Bob', 'a-b': 1 } }]);
  });

  it('pathexpand and file expand ~ to the home directory', () => {
    const home = process.env.HOME || homedir();
    expect(call('pathexpand', ['~/x'])).toEqual({ value: path.join(home, 'x') });
    expect(call('pathexpand', ['~'])).toEqual({ value: home });
  });

  it('absolute paths ignore baseDir', () => {
    expect(call('file', [path.join(root, 'fx/a.txt')], context('/nonexistent'))).toEqual({ value: 'hello\n' });
  });
});
