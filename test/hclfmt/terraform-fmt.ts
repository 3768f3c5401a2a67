// The oracle: the real `terraform fmt` on PATH (Go, hclwrite), shares nothing with tgo's formatter. One
// process formats a whole batch of files written to a temp dir; terraform rewrites them in place.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function terraformFmt(texts: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgo-fmt-oracle-'));
  try {
    texts.forEach((t, i) => writeFileSync(path.join(dir, `${i}.tf`), t));
    const r = spawnSync('terraform', ['fmt', '-list=false', dir], {
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: path.join(dir, 'none.tfrc') },
    });
    if (r.status !== 0) throw new Error(`terraform fmt failed (${r.status}): ${r.stderr}`);
    return texts.map((_, i) => readFileSync(path.join(dir, `${i}.tf`), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
