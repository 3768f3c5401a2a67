/** Writing small stacks for tests: { 'app/terragrunt.hcl': '…', 'app/fake-tf.json': {...} } under a temp dir. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeStack(files: Record<string, string | object>, root?: string): string {
  const dir = root ?? mkdtempSync(path.join(tmpdir(), 'tgo-stack-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/** A module that depends on others: `dependencies { paths = [...] }`. */
export function moduleHcl(deps: string[] = [], extra = ''): string {
  const d = deps.length ? `dependencies {\n  paths = [${deps.map((x) => JSON.stringify(x)).join(', ')}]\n}\n` : '';
  return `${d}${extra}`;
}
