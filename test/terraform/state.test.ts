import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { outputsOfState, stateLocation } from '../../src/terraform/state.js';
import type { RemoteStateConfig } from '../../src/config/types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function workDir(files: Record<string, string> = { 'main.tf': 'output "x" { value = 1 }\n' }): string {
  const d = mkdtempSync(path.join(tmpdir(), 'tgo-state-'));
  dirs.push(d);
  for (const [f, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
    writeFileSync(path.join(d, f), c);
  }
  return d;
}
const s3 = (config: Record<string, unknown>): RemoteStateConfig => ({ backend: 's3', config: { bucket: 'b', key: 'k/terraform.tfstate', region: 'eu-west-1', ...config } as never, disableInit: false, disableDependencyOptimization: false });

describe('stateLocation', () => {
  it('code without a backend keeps its state locally: terraform.tfstate, or terraform.tfstate.d/<workspace>/ for another workspace', () => {
    const d = workDir();
    expect(stateLocation(d, undefined, {})).toEqual({ kind: 'local', file: path.join(d, 'terraform.tfstate') });
    expect(stateLocation(d, undefined, { TF_WORKSPACE: 'blue' })).toEqual({ kind: 'local', file: path.join(d, 'terraform.tfstate.d', 'blue', 'terraform.tfstate') });
    writeFileSync(path.join(d, 'x.tf'), 'terraform {\n  backend "gcs" {}\n}\n');
    expect(stateLocation(d, undefined, {})).toMatchObject({ kind: 'terraform', reason: expect.stringContaining('backend "gcs"') });
  });

  it('the backend terraform was initialised with wins over remote_state: local path and workspace_dir, the selected workspace', () => {
    const d = workDir({
      'main.tf': '',
      '.terraform/terraform.tfstate': JSON.stringify({ version: 3, backend: { type: 'local', config: { path: 'state/main.tfstate', workspace_dir: 'ws' }, hash: 1 } }),
    });
    expect(stateLocation(d, s3({}), {})).toEqual({ kind: 'local', file: path.join(d, 'state', 'main.tfstate') });
    writeFileSync(path.join(d, '.terraform', 'environment'), 'green');
    expect(stateLocation(d, s3({}), {})).toEqual({ kind: 'local', file: path.join(d, 'ws', 'green', 'terraform.tfstate') });
  });

  it('TF_DATA_DIR holds what init recorded; -state=PATH (extra_arguments for output) names a local state file', () => {
    const d = workDir({
      'main.tf': '',
      'data/terraform.tfstate': JSON.stringify({ version: 3, backend: { type: 'local', config: { path: 'from-data-dir.tfstate' }, hash: 1 } }),
    });
    expect(stateLocation(d, undefined, { TF_DATA_DIR: 'data' })).toEqual({ kind: 'local', file: path.join(d, 'from-data-dir.tfstate') });
    expect(stateLocation(d, undefined, {}, 'other/x.tfstate')).toEqual({ kind: 'local', file: path.join(d, 'other', 'x.tfstate') });
    // terraform ignores -state for a remote backend.
    expect(stateLocation(d, s3({}), {}, 'other/x.tfstate')).toMatchObject({ kind: 's3' });
  });

  it('s3: bucket and key, workspace_key_prefix (default env:), endpoints.s3 or endpoint or AWS_ENDPOINT_URL_S3, path style', () => {
    const d = workDir();
    expect(stateLocation(d, s3({}), {})).toEqual({ kind: 's3', bucket: 'b', key: 'k/terraform.tfstate', region: 'eu-west-1', endpoint: undefined, pathStyle: false });
    expect(stateLocation(d, s3({}), { TF_WORKSPACE: 'blue', AWS_ENDPOINT_URL_S3: 'http://s3.local' })).toMatchObject({ key: 'env:/blue/k/terraform.tfstate', endpoint: 'http://s3.local' });
    expect(stateLocation(d, s3({ workspace_key_prefix: 'wsp', endpoints: { s3: 'http://moto:1' }, use_path_style: true }), { TF_WORKSPACE: 'blue', AWS_ENDPOINT_URL: 'http://other' }))
      .toMatchObject({ key: 'wsp/blue/k/terraform.tfstate', endpoint: 'http://moto:1', pathStyle: true });
    expect(stateLocation(d, s3({ endpoint: 'http://legacy', force_path_style: 'true' }), {})).toMatchObject({ endpoint: 'http://legacy', pathStyle: true });
  });

  it('s3 with credentials of its own, encrypted state, disable_init or another backend: ask terraform', () => {
    const d = workDir();
    expect(stateLocation(d, s3({ profile: 'p' }), {})).toMatchObject({ kind: 'terraform', reason: 'its s3 backend sets profile' });
    expect(stateLocation(d, s3({ assume_role: { role_arn: 'arn:aws:iam::1:role/x' } }), {})).toMatchObject({ kind: 'terraform' });
    expect(stateLocation(d, { ...s3({}), encryption: { key_provider: 'pbkdf2' } }, {})).toMatchObject({ kind: 'terraform', reason: 'its state is encrypted' });
    expect(stateLocation(d, { ...s3({}), disableInit: true }, {})).toMatchObject({ kind: 'terraform' });
    expect(stateLocation(d, { backend: 'gcs', config: {}, disableInit: false, disableDependencyOptimization: false }, {})).toMatchObject({ kind: 'terraform', reason: 'backend "gcs" is not read directly' });
    expect(stateLocation(path.join(d, 'missing'), undefined, {})).toMatchObject({ kind: 'terraform' });
  });
});

describe('outputsOfState', () => {
  it('format 4: each output\'s value, sensitive ones included; empty text is no state', () => {
    expect(outputsOfState(JSON.stringify({ version: 4, outputs: { a: { value: [1, { b: null }], type: ['tuple', []] }, s: { value: 'x', type: 'string', sensitive: true } } })))
      .toEqual({ outputs: { a: [1, { b: null }], s: 'x' } });
    expect(outputsOfState(JSON.stringify({ version: 4 }))).toEqual({ outputs: {} });
    expect(outputsOfState('  \n')).toEqual({ outputs: {} });
  });
  it('another version or bad JSON: a reason instead', () => {
    expect(outputsOfState(JSON.stringify({ version: 3, modules: [] }))).toEqual({ reason: 'state format version 3 is not read directly (only 4)' });
    expect(outputsOfState('{"version": 4,')).toEqual({ reason: 'the state is not valid JSON' });
  });
});
