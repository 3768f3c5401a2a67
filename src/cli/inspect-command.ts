// Shared by the inspection commands: options from argv, the stack loaded and validated (no STS, no terraform),
// then the command's own rendering to stdout.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runOptions } from './options.js';
import { reportError, SecretRegistry } from './kit.js';
import { createLoader, loadStack, type Stack } from '../run/stack.js';
import type { RunOptions } from '../run/options.js';

export async function inspect(argv: string[], all: boolean, render: (stack: Stack, opts: RunOptions) => string): Promise<number> {
  const secrets = new SecretRegistry();
  let level: RunOptions['logLevel'] = 'info';
  try {
    // Inspection commands take no terraform command; whatever is left is passed to get_terraform_command().
    const opts = runOptions(argv, process.env, process.cwd(), all);
    level = opts.logLevel;
    const loader = createLoader(opts, (lvl, msg) => {
      if (lvl === 'warn' || level === 'debug') process.stderr.write(`${secrets.redact(msg)}\n`);
    });
    const stack = loadStack(opts, loader, opts.all ? undefined : [opts.workingDir]);
    for (const role of stack.roles.values()) secrets.add(role?.webIdentityToken?.value);
    const text = secrets.redact(render(stack, opts));
    // --terragrunt-json-out FILE writes the rendering there (Terragrunt's render-json option).
    if (opts.jsonOut && opts.jsonOut !== '-') writeFileSync(path.resolve(opts.workingDir, opts.jsonOut), text);
    else process.stdout.write(text);
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}
