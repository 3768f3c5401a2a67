// Saved plans for run --all (Terragrunt's --out-dir and --json-out-dir): each unit's plan is kept at
// <out-dir>/<unit path relative to the working dir>/tfplan.tfplan, and `terraform show -json` of it at
// <json-out-dir>/<same path>/tfplan.json — Terragrunt's names and layout, so the same directory can be
// handed from one tool to the other. `run --all apply --out-dir DIR` applies those plans without planning again.

import path from 'node:path';
import { hasPositional } from './args.js';

export const PLAN_FILE = 'tfplan.tfplan';
export const PLAN_JSON_FILE = 'tfplan.json';

export interface PlanDirs {
  /** Absolute, or relative to the working dir. */
  outDir?: string;
  jsonOutDir?: string;
  /** The run's working dir: unit paths in the plan dirs are relative to it. */
  workingDir: string;
}

/** `name` for the unit in `moduleDir` under `dir`, or undefined when no dir is set. */
export function unitFile(dir: string | undefined, workingDir: string, moduleDir: string, name: string): string | undefined {
  if (!dir) return undefined;
  return path.join(path.resolve(workingDir, dir), path.relative(workingDir, moduleDir), name);
}

/**
 * The plan file the unit's command writes or reads: the one under --out-dir; with --json-out-dir alone, a
 * plan is still written (tfplan.tfplan in terraform's working dir) so that it can be shown as JSON.
 */
export function planFileFor(dirs: PlanDirs, moduleDir: string, command: string): string | undefined {
  const file = unitFile(dirs.outDir, dirs.workingDir, moduleDir, PLAN_FILE);
  if (file) return file;
  return command === 'plan' && dirs.jsonOutDir ? PLAN_FILE : undefined;
}

/**
 * The command's arguments with the plan file: `plan -out=FILE`, `apply FILE`, `show FILE`; left as they are
 * when the user already named one (-out for plan, a plan file argument for apply and show), as Terragrunt does.
 * Other commands take no plan file.
 */
export function withPlanFile(command: string, args: string[], planFile: string): string[] {
  switch (command) {
    case 'plan':
      return planOut(args) !== undefined ? args : [...args, `-out=${planFile}`];
    case 'apply':
    case 'show':
      return hasPositional(args) ? args : [...args, planFile];
    default:
      return args;
  }
}

/** The file a plan's own `-out=FILE` / `-out FILE` names. */
export function planOut(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-out') return args[i + 1];
    if (args[i]!.startsWith('-out=')) return args[i]!.slice('-out='.length);
  }
  return undefined;
}
