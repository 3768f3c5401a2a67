// Inspection without running terraform or calling STS: each module's evaluated configuration with its
// resolved role and where every role field came from, the dependency graph as DOT, and the run groups.

import path from 'node:path';
import type { RoleSpec } from '../auth/role.js';
import { READ_DEPENDENCIES, type DependencyValues } from '../config/loader.js';
import type { Hook, ModuleConfig } from '../config/types.js';
import type { Value, ValueObject } from '../config/hcl/values.js';
import { ROLE_PARAM_LIST } from '../config/role-params.js';
import { describeSource } from '../shared/provenance.js';
import { overrideContext, type Stack } from './stack.js';
import type { RunOptions } from './options.js';
import { workingDirOf } from '../terraform/workdir.js';
import { binaryFor } from '../terraform/binary.js';

/** The role as tgo will assume it, each parameter with where it was set; secrets (the web identity token) never shown. */
export function renderRole(role: RoleSpec | undefined): ValueObject | null {
  if (!role) return null;
  const out: ValueObject = {};
  for (const p of ROLE_PARAM_LIST) {
    const v = role[p.key];
    if (v) out[p.render] = { value: p.secret ? '(set)' : (v.value as Value), source: describeSource(v.source) };
  }
  return out;
}

/**
 * A module whose attributes read dependency outputs is rendered with each dependency's mock_outputs standing in
 * (nothing is run here, so real outputs are not known); when a dependency has no mocks, those attributes stay out
 * and are listed under `deferred`.
 */
function withMockOutputs(stack: Stack, cfg: ModuleConfig): { cfg: ModuleConfig; mocked: boolean } {
  if (cfg.deferred.length === 0) return { cfg, mocked: false };
  const deps: DependencyValues = {};
  for (const d of [...cfg.dependencies, ...(cfg.disabledDependencies ?? [])]) deps[d.name] = { outputs: d.mockOutputs ?? {}, config_path: d.configPath };
  deps[READ_DEPENDENCIES] = Object.fromEntries((cfg.readDependencies ?? []).map((r) => [r.key, { outputs: r.dependency.mockOutputs ?? {}, config_path: r.dependency.configPath }]));
  try {
    return { cfg: stack.loader.loadModule(cfg.dir, deps), mocked: true };
  } catch {
    return { cfg, mocked: false };
  }
}

export function renderModule(stack: Stack, phaseOne: ModuleConfig): ValueObject {
  const { cfg, mocked } = withMockOutputs(stack, phaseOne);
  const rel = (p: string) => stack.loader.display(p);
  const hook = (h: Hook): ValueObject => ({
    commands: h.commands, execute: h.execute, working_dir: h.workingDir ?? null, run_on_error: h.runOnError, if: h.if,
    ...(h.onErrors.length > 0 ? { on_errors: h.onErrors } : {}),
  });
  return {
    config_path: rel(cfg.configPath),
    // Terragrunt's own iam_* attributes as written (tgo's additions are under resolved_role).
    ...Object.fromEntries(ROLE_PARAM_LIST.filter((p) => p.terragrunt).map((p) => {
      const v = cfg.iam[p.key];
      return [p.attribute, v === undefined ? null : p.secret ? '(set)' : v.value];
    })),
    resolved_role: renderRole(stack.roles.get(cfg.dir)),
    includes: cfg.includes.map((i) => ({ label: i.label, path: rel(i.path), expose: i.expose, merge_strategy: i.mergeStrategy })),
    locals: cfg.locals,
    inputs: cfg.inputs,
    dependencies: { paths: cfg.dependencyPaths.map((p) => stack.id(p)) },
    dependency: Object.fromEntries(cfg.dependencies.map((d) => [d.name, {
      config_path: stack.id(d.configPath),
      skip_outputs: d.skipOutputs,
      mock_outputs: d.mockOutputs ?? null,
      mock_outputs_allowed_terraform_commands: d.mockOutputsAllowedTerraformCommands ?? null,
      mock_outputs_merge_strategy_with_state: d.mockOutputsMergeStrategyWithState,
    }])),
    terraform: {
      source: cfg.terraform.source ?? null,
      include_in_copy: cfg.terraform.includeInCopy,
      exclude_from_copy: cfg.terraform.excludeFromCopy,
      extra_arguments: Object.fromEntries(cfg.terraform.extraArguments.map((e) => [e.name, {
        commands: e.commands, arguments: e.arguments, required_var_files: e.requiredVarFiles, optional_var_files: e.optionalVarFiles, env_vars: e.envVars,
      }])),
      before_hook: Object.fromEntries(cfg.terraform.beforeHooks.map((h) => [h.name, hook(h)])),
      after_hook: Object.fromEntries(cfg.terraform.afterHooks.map((h) => [h.name, hook(h)])),
      error_hook: Object.fromEntries(cfg.terraform.errorHooks.map((h) => [h.name, hook(h)])),
    },
    generate: Object.fromEntries(cfg.generate.map((g) => [g.name, {
      path: g.path, if_exists: g.ifExists, comment_prefix: g.commentPrefix, disable_signature: g.disableSignature, disable: g.disable,
      contents: g.contents,
    }])),
    remote_state: cfg.remoteState
      ? {
          backend: cfg.remoteState.backend,
          config: cfg.remoteState.config,
          generate: cfg.remoteState.generate ? { path: cfg.remoteState.generate.path, if_exists: cfg.remoteState.generate.ifExists } : null,
          disable_init: cfg.remoteState.disableInit,
          disable_dependency_optimization: cfg.remoteState.disableDependencyOptimization,
          encryption: cfg.remoteState.encryption ?? null,
        }
      : null,
    skip: cfg.skip,
    prevent_destroy: cfg.preventDestroy,
    terraform_binary: cfg.terraformBinary ?? null,
    terraform_version_constraint: cfg.terraformVersionConstraint ?? null,
    download_dir: cfg.downloadDir ?? null,
    /** Attributes that read dependency outputs: evaluated when the module runs. */
    deferred: phaseOne.deferred,
    /** Whether `deferred` attributes are shown evaluated with the dependencies' mock_outputs. */
    rendered_with_mock_outputs: mocked,
  };
}

/** `digraph` in Terragrunt's graph-dependencies shape: an edge from each module to what it depends on. */
/** `only`: the units a filter selected (each still shows its edges to what it depends on). */
export function dependencyDot(stack: Stack, only?: Set<string>): string {
  const lines = ['digraph {'];
  // A unit whose configuration failed (Stack.broken) is a node without edges (left out under --filter).
  const broken = only ? [] : [...stack.broken].filter(([, b]) => !b.external).map(([dir]) => ({ dir, dependencyPaths: [] as string[] }));
  const all = [...stack.modules.values(), ...(only ? stack.external.values() : []), ...broken]
    .filter((m) => !only || only.has(m.dir)).sort((a, b) => a.dir.localeCompare(b.dir));
  for (const m of all) lines.push(`\t"${stack.id(m.dir)}" ;`);
  for (const m of all) {
    for (const d of [...m.dependencyPaths].sort()) lines.push(`\t"${stack.id(m.dir)}" -> "${stack.id(d)}";`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Run groups (Terragrunt's output-module-groups): {"Group 1": [...], …} with absolute paths as Terragrunt prints. */
export function moduleGroups(groups: string[][]): Record<string, string[]> {
  return Object.fromEntries(groups.map((g, i) => [`Group ${i + 1}`, g]));
}

/**
 * Terragrunt's terragrunt-info: WorkingDir is where terraform runs — with a source, the module's copy under the
 * download dir, as prepareWorkingDir makes it — and TerraformCommand the command given (terragrunt-info itself).
 */
export function moduleInfo(stack: Stack, cfg: ModuleConfig, opts: RunOptions, command = 'terragrunt-info'): ValueObject {
  let workingDir = cfg.dir;
  try {
    workingDir = workingDirOf(cfg, overrideContext(opts)).workDir;
  } catch {
    // A source tgo cannot fetch: a run would fail on it; the info still shows the module.
  }
  const downloadDir = opts.sources?.downloadDir ?? (cfg.downloadDir ? path.resolve(cfg.dir, cfg.downloadDir) : path.join(cfg.dir, '.terragrunt-cache'));
  return {
    ConfigPath: cfg.configPath,
    DownloadDir: downloadDir,
    IamRole: stack.roles.get(cfg.dir)?.roleArn.value ?? '',
    TerraformBinary: binaryFor(opts.tfPath, cfg, opts.env),
    TerraformCommand: command,
    WorkingDir: workingDir,
  };
}
