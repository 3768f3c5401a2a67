// A module's terraform state, found and read without starting terraform: which backend holds it (the one
// terraform was initialised with, else the module's remote_state, else the implicit local backend of code that
// declares none), where in it the current workspace's state lives, and the outputs of a format-4 state.
// Whatever tgo cannot be sure of is answered with a reason, and the caller asks terraform instead.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValueObject } from '../config/hcl/values.js';
import { parseJson } from '../config/hcl/json.js';
import type { RemoteStateConfig } from '../config/types.js';
import { scanCode } from './code-scan.js';
import { terraformBackendConfig } from './hcl-render.js';

export type StateLocation =
  /** The backend is certainly local: a missing file means nothing was applied yet. */
  | { kind: 'local'; file: string }
  | { kind: 's3'; bucket: string; key: string; region?: string; endpoint?: string; pathStyle: boolean }
  | { kind: 'terraform'; reason: string };

/** S3 backend settings that make terraform sign its reads with something else than the module's credentials. */
const OWN_CREDENTIALS = ['access_key', 'secret_key', 'token', 'profile', 'shared_credentials_file', 'shared_credentials_files',
  'shared_config_files', 'assume_role', 'assume_role_with_web_identity', 'role_arn', 'web_identity_token_file', 'sse_customer_key'];

/** terraform's data dir for a working dir: TF_DATA_DIR (relative to it), else .terraform. */
export function dataDir(workDir: string, env: NodeJS.ProcessEnv): string {
  return env.TF_DATA_DIR ? path.resolve(workDir, env.TF_DATA_DIR) : path.join(workDir, '.terraform');
}

/** terraform's current workspace in a working dir: TF_WORKSPACE, else what `terraform workspace select` recorded. */
export function currentWorkspace(workDir: string, env: NodeJS.ProcessEnv): string {
  if (env.TF_WORKSPACE) return env.TF_WORKSPACE;
  try {
    return readFileSync(path.join(dataDir(workDir, env), 'environment'), 'utf8').trim() || 'default';
  } catch {
    return 'default';
  }
}

/** The backend recorded by the last `terraform init` (.terraform/terraform.tfstate), nulls left out. */
export function initialisedBackend(workDir: string, env: NodeJS.ProcessEnv): { type: string; config: ValueObject } | undefined {
  let doc: { backend?: { type?: string; config?: ValueObject } };
  try {
    doc = JSON.parse(readFileSync(path.join(dataDir(workDir, env), 'terraform.tfstate'), 'utf8'));
  } catch {
    return undefined;
  }
  if (!doc.backend?.type) return undefined;
  const config = Object.fromEntries(Object.entries(doc.backend.config ?? {}).filter(([, v]) => v !== null)) as ValueObject;
  return { type: doc.backend.type, config };
}

/**
 * Where the current workspace's state of the module in `workDir` lives, or why tgo should ask terraform.
 * `stateFlag`: a `-state=PATH` its `output` gets from extra_arguments (terraform honours it for local state only).
 */
export function stateLocation(workDir: string, remoteState: RemoteStateConfig | undefined, env: NodeJS.ProcessEnv, stateFlag?: string): StateLocation {
  // A working dir not prepared yet holds no init; remote_state alone says where the state is (no copy needed).
  const prepared = existsSync(workDir);
  if (!prepared && !remoteState) return { kind: 'terraform', reason: 'its working directory is not prepared yet' };
  const workspace = currentWorkspace(workDir, env);
  const initialised = initialisedBackend(workDir, env);
  let backend: string;
  let config: ValueObject;
  if (initialised) {
    ({ type: backend, config } = initialised);
  } else if (remoteState) {
    if (remoteState.disableInit) return { kind: 'terraform', reason: 'remote_state has disable_init' };
    backend = remoteState.backend;
    config = terraformBackendConfig(remoteState.backend, remoteState.config);
  } else {
    const code = scanCode(workDir);
    if (code.empty || code.unreadable) return { kind: 'terraform', reason: 'its terraform code could not be read' };
    if (code.backend !== undefined) return { kind: 'terraform', reason: `its code declares backend "${code.backend}" and it is not initialised` };
    backend = 'local';
    config = {};
  }
  if (remoteState?.encryption) return { kind: 'terraform', reason: 'its state is encrypted' };
  if (backend === 'local') return { kind: 'local', file: stateFlag ? path.resolve(workDir, stateFlag) : localStateFile(workDir, config, workspace) };
  if (backend === 's3') return s3Location(config, workspace, env);
  return { kind: 'terraform', reason: `backend "${backend}" is not read directly` };
}

/** terraform's local backend: `path` for the default workspace, <workspace_dir>/<name>/terraform.tfstate otherwise. */
function localStateFile(workDir: string, config: ValueObject, workspace: string): string {
  if (workspace === 'default') return path.resolve(workDir, typeof config.path === 'string' ? config.path : 'terraform.tfstate');
  const dir = typeof config.workspace_dir === 'string' ? config.workspace_dir : 'terraform.tfstate.d';
  return path.resolve(workDir, dir, workspace, 'terraform.tfstate');
}

function s3Location(config: ValueObject, workspace: string, env: NodeJS.ProcessEnv): StateLocation {
  const own = OWN_CREDENTIALS.find((k) => config[k] !== undefined && config[k] !== null && config[k] !== '');
  if (own) return { kind: 'terraform', reason: `its s3 backend sets ${own}` };
  const { bucket, key } = config;
  if (typeof bucket !== 'string' || typeof key !== 'string') return { kind: 'terraform', reason: 'its s3 backend has no bucket or key' };
  // Non-default workspaces live under <workspace_key_prefix>/<workspace>/<key> (prefix "env:" by default).
  const prefix = typeof config.workspace_key_prefix === 'string' ? config.workspace_key_prefix : 'env:';
  const endpoints = config.endpoints && typeof config.endpoints === 'object' && !Array.isArray(config.endpoints) ? (config.endpoints as ValueObject) : {};
  const configured = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true' ? undefined : env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  const endpoint = str(endpoints.s3) ?? str(config.endpoint) ?? (configured || undefined);
  const region = str(config.region) ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
  const pathStyle = truthy(config.use_path_style) || truthy(config.force_path_style);
  return { kind: 's3', bucket, key: workspace === 'default' ? key : `${prefix}/${workspace}/${key}`, region, endpoint, pathStyle };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const truthy = (v: unknown): boolean => v === true || v === 'true';

export type StateOutputs = { outputs: ValueObject } | { reason: string };

/**
 * The outputs of a state file's text, as `terraform output -json` gives their values (sensitive ones included):
 * format version 4 only. An empty file is terraform's "no state": no outputs.
 */
export function outputsOfState(text: string): StateOutputs {
  if (text.trim() === '') return { outputs: {} };
  let doc: { version?: unknown; outputs?: Record<string, { value?: unknown }> };
  try {
    doc = JSON.parse(text);
    // A double loses digits cty keeps (12345678901234567890, 0.1 as a decimal): outputs holding numbers are
    // read again exactly (the whole state only then: it may be large, and most outputs hold no number).
    if (hasNumber(doc.outputs)) doc = parseJson(text) as typeof doc;
  } catch {
    return { reason: 'the state is not valid JSON' };
  }
  if (doc.version !== 4) return { reason: `state format version ${JSON.stringify(doc.version)} is not read directly (only 4)` };
  const outputs: ValueObject = {};
  for (const [name, o] of Object.entries(doc.outputs ?? {})) {
    if (!o || typeof o !== 'object' || !('value' in o)) return { reason: `output "${name}" has no value in the state` };
    outputs[name] = o.value as ValueObject[string];
  }
  return { outputs };
}

function hasNumber(v: unknown): boolean {
  if (typeof v === 'number') return true;
  if (v === null || typeof v !== 'object') return false;
  return Object.values(v).some(hasNumber);
}
