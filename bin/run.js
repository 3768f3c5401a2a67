#!/usr/bin/env node
// Entry point: route Terragrunt-style argv to an oclif command, run it, then exit promptly
// (nothing we load should keep the process alive once the work is done).
import { execute } from '@oclif/core';
import { routeArgv } from '../dist/cli/route.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await execute({ dir: import.meta.url, args: routeArgv(process.argv.slice(2)) });
process.exit(process.exitCode ?? 0);
