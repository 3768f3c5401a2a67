// tgo's hcl fmt against `terraform fmt` on the same bytes: the hand-written corpus, then generated files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHcl } from '../../src/hclfmt/format.js';
import { FMT_CORPUS } from './corpus.js';
import { hclFile } from './generate.js';
import { terraformFmt } from './terraform-fmt.js';

describe('hcl fmt equals terraform fmt', () => {
  it(`on the corpus (${FMT_CORPUS.length} files)`, () => {
    const want = terraformFmt(FMT_CORPUS.map((c) => c.text));
    FMT_CORPUS.forEach((c, i) => {
      // Every case needs formatting, so none passes by leaving the text alone.
      expect(want[i], `${c.name}: already canonical`).not.toBe(c.text);
      expect(formatHcl(c.text), c.name).toBe(want[i]);
      expect(formatHcl(want[i]!), `${c.name}: formatting canonical text changes nothing`).toBe(want[i]);
    });
  });

  it('on generated files', () => {
    const seed = Number(process.env.TGO_FMT_SEED ?? Date.now() % 2 ** 31);
    const texts = fc.sample(hclFile, { numRuns: 400, seed });
    const want = terraformFmt(texts);
    let changed = 0;
    texts.forEach((text, i) => {
      if (want[i] !== text) changed++;
      expect(formatHcl(text), `seed ${seed}, case ${i}:\n${text}`).toBe(want[i]);
    });
    expect(changed).toBeGreaterThan(texts.length * 0.9); // the generator really produces unformatted files
  });
});
