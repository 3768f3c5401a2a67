// Filesystem functions. Relative paths resolve against ctx.baseDir (the directory of the file being
// evaluated) after ~ expansion, and error messages name the resolved path, as Terraform's do.
// Terraform's abspath() resolves against the process's working directory; we use baseDir, which is what
// relative paths mean everywhere else in a terragrunt.hcl.

import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { FunctionContext, FunctionTable } from '../../hcl/functions.js';
import { cleanPath } from '../../../shared/glob.js';
import { digest, type HashAlgorithm } from './crypto.js';
import { compareStrings, def, fail, renderOrExplain, templateVars, toStr, type Value } from './util.js';

/** go-homedir's Expand: "~" and "~/…" only. */
function expandHome(p: string): string {
  if (!p.startsWith('~')) return p;
  if (p.length > 1 && p[1] !== '/' && p[1] !== '\\') fail('cannot expand user-specific home dir');
  return cleanPath(path.join(process.env.HOME || homedir(), p.slice(1)));
}

function resolvePath(ctx: FunctionContext, p: string): string {
  const expanded = expandHome(p);
  return cleanPath(path.isAbsolute(expanded) ? expanded : path.join(ctx.baseDir, expanded));
}

const NOT_DISTRIBUTED =
  'this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource';

/** The reason part of a Go *PathError for a Node error ("no such file or directory"). */
function goReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    ELOOP: 'too many levels of symbolic links',
  };
  return reasons[err.code ?? ''] ?? err.message;
}

/** Terraform's readFileBytes: errors are about the "path" argument. */
function readBytes(ctx: FunctionContext, p: string): { file: string; bytes: Buffer } {
  const file = resolvePath(ctx, p);
  ctx.onRead?.(file);
  try {
    return { file, bytes: readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`no file exists at ${JSON.stringify(file)}; ${NOT_DISTRIBUTED}`, 0);
    if (code === 'EISDIR') fail(`failed to read file: read ${file}: is a directory`, 0);
    return fail(`open ${file}: ${goReason(e)}`, 0);
  }
}

function readText(ctx: FunctionContext, p: string): { file: string; text: string } {
  const { file, bytes } = readBytes(ctx, p);
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(
      `contents of ${JSON.stringify(file)} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`,
    );
  }
}

/** The hash functions open the file themselves and report Go's os errors ("open x: no such file or directory"). */
function fileHash(alg: HashAlgorithm, encoding: 'hex' | 'base64') {
  return def({
    params: ['path'],
    impl(args, ctx) {
      const file = resolvePath(ctx, toStr(args[0]!, 0));
      ctx.onRead?.(file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EISDIR') fail(`read ${file}: is a directory`);
        return fail(`open ${file}: ${goReason(e)}`);
      }
      return digest(alg, bytes, encoding);
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// fileset: doublestar globbing. `*`, `?` and classes stay within one path segment (and match dotfiles),
// `**` is any number of directories, `{a,b}` alternatives may span segments, classes negate with ^ only.

class GlobSyntaxError extends Error {}

function expandBraces(p: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const alts: string[] = [];
        let d = 0;
        let from = open + 1;
        for (let j = open + 1; j < i; j++) {
          const x = p[j];
          if (x === '\\') j++;
          else if (x === '{') d++;
          else if (x === '}') d--;
          else if (x === ',' && d === 0) {
            alts.push(p.slice(from, j));
            from = j + 1;
          }
        }
        alts.push(p.slice(from, i));
        return alts.flatMap((a) => expandBraces(p.slice(0, open) + a + p.slice(i + 1)));
      }
    }
  }
  if (depth > 0) throw new GlobSyntaxError();
  return [p];
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= seg.length) throw new GlobSyntaxError();
      re += seg[i]!.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    } else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) throw new GlobSyntaxError();
      let body = seg.slice(i + 1, end);
      const neg = body.startsWith('^');
      if (neg) body = body.slice(1);
      if (body === '') throw new GlobSyntaxError();
      re += `[${neg ? '^' : ''}${body.replace(/[\\\]\[]/g, '\\$&')}]`;
      i = end;
    } else re += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

const hasMeta = (seg: string) => /[*?[\\]/.test(seg);

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function globPattern(pattern: string): string[] {
  const segs = pattern.split('/').filter((s) => s !== '');
  const regexes = segs.map((s) => (s !== '**' && hasMeta(s) ? segmentRegex(s) : undefined));
  const out: string[] = [];
  const walk = (dir: string, i: number): void => {
    if (i === segs.length) {
      out.push(dir);
      return;
    }
    const seg = segs[i]!;
    if (seg === '**') {
      // Zero segments, or one more segment (a file ends the path) and possibly more.
      walk(dir, i + 1);
      for (const name of listDir(dir)) {
        const p = path.join(dir, name);
        if (isDir(p)) walk(p, i);
        else walk(p, i + 1);
      }
      return;
    }
    const re = regexes[i];
    if (!re) {
      const p = path.join(dir, seg);
      if (i + 1 === segs.length ? exists(p) : isDir(p)) walk(p, i + 1);
      return;
    }
    for (const name of listDir(dir)) {
      if (!re.test(name)) continue;
      const p = path.join(dir, name);
      if (i + 1 === segs.length || isDir(p)) walk(p, i + 1);
    }
  };
  walk(pattern.startsWith('/') ? '/' : '.', 0);
  return out;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function fileset(ctx: FunctionContext, dirArg: string, patternArg: string): Value {
  const dir = cleanPath(path.isAbsolute(dirArg) ? dirArg : path.join(ctx.baseDir, dirArg));
  const pattern = cleanPath(path.join(dir, patternArg));
  let matches: string[];
  try {
    matches = expandBraces(pattern).flatMap(globPattern);
  } catch (e) {
    if (e instanceof GlobSyntaxError) fail(`failed to glob pattern ${JSON.stringify(pattern)}: syntax error in pattern`);
    throw e;
  }
  const out = new Set<string>();
  for (const m of matches) {
    let st: Stats;
    try {
      st = statSync(m);
    } catch (e) {
      return fail(`failed to stat (${m}): ${(e as Error).message}`);
    }
    if (st.isFile()) out.add(path.relative(dir, m).split(path.sep).join('/'));
  }
  return [...out].sort(compareStrings);
}

// ---------------------------------------------------------------------------------------------------------

/** Go's filepath.Base. */
function baseName(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** Go's filepath.Dir. */
function dirName(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

export const filesystemFunctions: FunctionTable = {
  file: def({ params: ['path'], impl: (args, ctx) => readText(ctx, toStr(args[0]!, 0)).text }),

  fileexists: def({
    params: ['path'],
    impl(args, ctx) {
      const file = resolvePath(ctx, toStr(args[0]!, 0));
      let st: Stats;
      try {
        st = statSync(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return false;
        return fail(`failed to stat ${JSON.stringify(file)}`);
      }
      if (st.isFile()) return true;
      if (st.isDirectory()) fail(`${JSON.stringify(file)} is a directory, not a file`);
      return fail(`${JSON.stringify(file)} is not a regular file`);
    },
  }),

  // Files only, relative to the path argument, sorted; a missing directory gives an empty set.
  fileset: def({
    params: ['path', 'pattern'],
    impl: (args, ctx) => fileset(ctx, toStr(args[0]!, 0), toStr(args[1]!, 1)),
  }),

  templatefile: def({
    params: ['path', 'vars'],
    impl(args, ctx) {
      const { file, text } = readText(ctx, toStr(args[0]!, 0));
      const vars = templateVars(args[1]!);
      return renderOrExplain(ctx, text, file, vars, (diag) => {
        throw new Error(diag);
      });
    },
  }),

  abspath: def({ params: ['path'], impl: (args, ctx) => path.resolve(ctx.baseDir, toStr(args[0]!, 0)) }),
  dirname: def({ params: ['path'], impl: (args) => dirName(toStr(args[0]!, 0)) }),
  basename: def({ params: ['path'], impl: (args) => baseName(toStr(args[0]!, 0)) }),
  pathexpand: def({ params: ['path'], impl: (args) => expandHome(toStr(args[0]!, 0)) }),

  filebase64: def({ params: ['path'], impl: (args, ctx) => readBytes(ctx, toStr(args[0]!, 0)).bytes.toString('base64') }),
  filemd5: fileHash('md5', 'hex'),
  filesha1: fileHash('sha1', 'hex'),
  filesha256: fileHash('sha256', 'hex'),
  filesha512: fileHash('sha512', 'hex'),
  filebase64sha256: fileHash('sha256', 'base64'),
  filebase64sha512: fileHash('sha512', 'base64'),
};
