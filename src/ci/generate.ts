// `tgo ci generate`: load and validate the stack as run-all would, select its modules (same flags), and write
// the pipeline for one engine. Nothing is written unless everything checks out.

import { execFileSync } from 'node:child_process';
import { suggest } from '../config/decode.js';
import { gitRoot } from '../discovery/changed.js';
import { UsageError } from '../errors.js';
import type { RunOptions } from '../run/options.js';
import { selectForRun } from '../run/selection.js';
import type { Stack } from '../run/stack.js';
import { argo } from './argo.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { buildPipeline, type CiJob, type CiPipeline, type CiSettings } from './pipeline.js';

export const PLATFORMS: Record<string, (p: CiPipeline) => string> = { gitlab, github, argo };

export function checkPlatform(platform: string | undefined): string {
  if (!platform) throw new UsageError(`ci generate needs --platform: one of ${Object.keys(PLATFORMS).join(', ')}.`);
  if (!PLATFORMS[platform]) {
    throw new UsageError(`Unknown --platform "${platform}": expected one of ${Object.keys(PLATFORMS).join(', ')}.${suggest(platform, Object.keys(PLATFORMS))}`);
  }
  return platform;
}

/** The repository the working dir is in: its root, the `origin` URL and the current commit (for Argo's checkout). */
export function repository(workingDir: string): CiPipeline['repo'] {
  const root = gitRoot(workingDir, 'ci generate');
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  return { root, url: git(['remote', 'get-url', 'origin']), revision: git(['rev-parse', '--verify', '--quiet', 'HEAD']) };
}

export interface Generated {
  text: string;
  jobs: CiJob[];
  /** Worth telling the user (modules removed since the ref, modules without a role). */
  warnings: string[];
}

export async function generatePipeline(opts: RunOptions, platform: string, settings: CiSettings, stack: Stack, repo: CiPipeline['repo']): Promise<Generated> {
  // Nobody answers questions while generating: external dependencies run only with --queue-include-external.
  const selection = await selectForRun(opts, stack, async () => opts.externalDependencies === 'include');
  const pipeline = buildPipeline(stack, selection, opts.command, opts.args, settings, repo);
  const warnings = [...selection.warnings];
  const roleless = pipeline.jobs.filter((j) => !j.hasRole).map((j) => j.module);
  if (roleless.length > 0) warnings.push(`no iam_role for ${roleless.join(', ')}: ${roleless.length === 1 ? 'its job runs' : 'their jobs run'} with the runner's own credentials.`);
  return { text: PLATFORMS[platform]!(pipeline), jobs: pipeline.jobs, warnings };
}
