// Shared by the inspection commands: options from argv, the stack loaded and validated (no terraform; STS only
// when a config calls get_aws_*), then the command's own rendering to stdout.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runOptions } from './options.js';
import { reportError, SecretRegistry } from './kit.js';
import { createLoader, loadStack, moduleDirOf, type Stack } from '../run/stack.js';
import { RunCredentials } from '../auth/run-credentials.js';
import type { RunOptions } from '../run/options.js';

export async function inspect(argv: string[], all: boolean, render: (stack: Stack, opts: RunOptions) => string | Promise<string>): Promise<number> {
  const secrets = new SecretRegistry();
  let level: RunOptions['logLevel'] = 'info';
  try {
    // Inspection commands take no terraform command; whatever is left is passed to get_terraform_command().
    const opts = runOptions(argv, process.env, process.cwd(), all);
    level = opts.logLevel;
    const loader = createLoader(opts, (lvl, msg) => {
      if (lvl === 'warn' || level === 'debug') process.stderr.write(`${secrets.redact(msg)}\n`);
    });
    // get_aws_* in a config needs the caller identity, as in a run; nothing else here calls STS.
    const auth = new RunCredentials(opts, { secrets, log: (lvl, msg) => loader.opts.onLog?.(lvl === 'error' ? 'warn' : lvl, msg) });
    auth.attach(loader);
    const stack = await auth.identities.load(() => loadStack(opts, loader, opts.all ? undefined : [moduleDirOf(opts)]));
    for (const role of stack.roles.values()) secrets.add(role?.webIdentityToken?.value);
    // get_aws_* outside iam_* answers for the module's role, as in a run (never the base account: Terragrunt #4834).
    for (const [dir, cfg] of stack.modules) {
      const role = stack.roles.get(dir);
      if (!role || !auth.readsIdentity(loader, cfg)) continue;
      await auth.useModuleIdentity(cfg.configPath, dir, role);
      stack.modules.set(dir, await auth.identities.load(() => loader.loadModule(dir)));
    }
    await auth.close();
    const text = secrets.redact(await render(stack, opts));
    // --terragrunt-json-out FILE writes the rendering there (Terragrunt's render-json option).
    if (opts.jsonOut && opts.jsonOut !== '-') writeFileSync(path.resolve(opts.workingDir, opts.jsonOut), text);
    else process.stdout.write(text);
    return 0;
  } catch (e) {
    return reportError(e, level, secrets);
  }
}
