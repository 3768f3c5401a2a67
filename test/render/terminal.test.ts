// The terminal renderer's handling of escape sequences and colour: the run summary quotes terraform's stderr
// without its colours, cursor moves or OSC 8 hyperlinks, and colour follows Node's rules (FORCE_COLOR,
// NO_COLOR) — also when stderr is a pipe, as in CI logs.
import { PassThrough } from 'node:stream';
import { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../../src/auth/secrets.js';
import { hasColors, TerminalRenderer } from '../../src/render/terminal.js';

function renderer(color: boolean) {
  let err = '';
  const r = new TerminalRenderer({ write: () => true }, { write: (s: string) => (err += s) }, {
    level: 'info', prefix: true, raw: false, color, secrets: new SecretRegistry(), progress: false,
  });
  return { r, err: () => err };
}

describe('run summary', () => {
  it('quotes a failed module\'s stderr without colours, cursor moves or hyperlinks', () => {
    const { r, err } = renderer(false);
    r.emit({ type: 'module-started', module: 'app', at: 1 });
    r.emit({
      type: 'module-finished', module: 'app', result: 'failed', at: 2, startedAt: 1, exitCode: 1, reason: 'terraform exited with 1',
      stderrTail: [
        '\x1b[31m\x1b[1mError:\x1b[0m\x1b[0m Invalid value',
        'see \x1b]8;;https://developer.hashicorp.com/terraform/language\x1b\\the docs\x1b]8;;\x1b\\ for more',
        '\x1b[2K\x1b[1Gdone',
      ],
    } as never);
    r.summary();
    expect(err()).toContain('      | Error: Invalid value\n');
    expect(err()).toContain('      | see the docs for more\n');
    expect(err()).toContain('      | done');
    expect(err()).not.toContain('\x1b');
  });
});

describe('hasColors', () => {
  const pipe = new PassThrough() as unknown as NodeJS.WriteStream;

  it('a pipe gets no colour unless FORCE_COLOR asks for it', () => {
    expect(hasColors(pipe, {})).toBe(false);
    expect(hasColors(pipe, { TERM: 'xterm-256color' })).toBe(false);
    expect(hasColors(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(hasColors(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(hasColors(pipe, { FORCE_COLOR: '3' })).toBe(true);
    expect(hasColors(pipe, { FORCE_COLOR: '0' })).toBe(false);
    expect(hasColors(pipe, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('a terminal follows Node: NO_COLOR and TERM=dumb turn colour off, FORCE_COLOR wins over both', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, hasColors: undefined }) as unknown as NodeJS.WriteStream;
    // Node's own tty.WriteStream implementation, on a stream that claims to be a terminal.
    (tty as { hasColors: unknown }).hasColors = WriteStream.prototype.hasColors;
    (tty as { getColorDepth: unknown }).getColorDepth = WriteStream.prototype.getColorDepth;
    expect(hasColors(tty, { TERM: 'xterm-256color' })).toBe(true);
    expect(hasColors(tty, { TERM: 'xterm-256color', NO_COLOR: '1' })).toBe(false);
    expect(hasColors(tty, { TERM: 'dumb' })).toBe(false);
    expect(hasColors(tty, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
  });
});
