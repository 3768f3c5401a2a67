/**
 * The generated .gitlab-ci.yml run for real by gitlab-ci-local (shell executor, each job in its own copy of the
 * repository) on a 10-module stack with real terraform, the S3 backend on moto and no AWS keys anywhere: GitLab's
 * ID token (a test JWT, handed over as GitLab would) is each job's only credential. Every job runs after the jobs
 * it needs (each module's terraform sees the ids its dependencies created, read from their remote state), a
 * failing job stops its dependents and only them, and each module ran as its own role, assumed with
 * AssumeRoleWithWebIdentity from the test token (moto's recorder and GetCallerIdentity from inside terraform).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startMoto, type Moto } from '../support/moto.js';
import { baseEnv, REPO, tgo, TGO, WHOAMI } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { gitEnv, STACK } from './shape.js';

const GITLAB_CI_LOCAL = path.join(REPO, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');
const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.eyJpc3MiOiJodHRwczovL2dpdGxhYi5leGFtcGxlLmNvbSIsInN1YiI6InByb2plY3RfcGF0aDpwbGF0Zm9ybS9saXZlOnJlZl90eXBlOmJyYW5jaDpyZWY6bWFpbiIsImF1ZCI6InN0cy5hbWF6b25hd3MuY29tIn0.c2lnbmF0dXJl';

/** `worker` fails: `reports`, behind it, must not run; everything else must. */
const FAILING = 'worker';
const role = (m: string) => `arn:aws:iam::123456789012:role/tgo-${m}`;

function stackFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '.gitignore': '.terragrunt-cache/\n.terraform/\n.gitlab-ci-local/\n',
    'live/root.hcl': `remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket                 = "tfstate"
    key                    = "\${path_relative_to_include()}/terraform.tfstate"
    region                 = "us-east-1"
    use_path_style         = true
    skip_region_validation = true
    skip_metadata_api_check = true
    endpoints = {
      s3  = get_env("MOTO_URL")
      sts = get_env("MOTO_URL")
    }
  }
}
`,
  };
  for (const [m, deps] of Object.entries(STACK)) {
    files[`live/${m}/terragrunt.hcl`] = [
      'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}',
      `iam_role = "${role(m)}"`,
      ...deps.map((d) => `dependency "${d}" {\n  config_path = "../${d}"\n}`),
      `inputs = {\n  upstream = {\n${deps.map((d) => `    ${d} = dependency.${d}.outputs.id`).join('\n')}\n  }\n}`,
    ].join('\n\n') + '\n';
    files[`live/${m}/main.tf`] = `variable "upstream" {
  type    = map(string)
  default = {}
}

resource "terraform_data" "x" {
  input = var.upstream
  provisioner "local-exec" {
    command     = "node ${WHOAMI} ${m}${m === FAILING ? ' && exit 3' : ''}"
    environment = { TF_VAR_self_id = self.id }
  }
}

output "id" {
  value = terraform_data.x.id
}
`;
  }
  return files;
}

interface WhoamiRecord { module: string; arn: string; accessKeyId?: string; tfVars: Record<string, string> }

let moto: Moto;
let root: string | undefined;
const records = mkdtempSync(path.join(tmpdir(), 'tgo-gitlab-records-'));
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  rmSync(records, { recursive: true, force: true });
});

describe('tgo ci generate --platform gitlab, run by gitlab-ci-local', () => {
  it('runs every module as its own job in dependency order, each with its own role from the ID token', async () => {
    await moto.createBucket('tfstate');
    root = writeStack(stackFiles());
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe', env: gitEnv });
    git('init', '-q', '-b', 'main');

    const gen = await tgo(['ci', 'generate', '--platform', 'gitlab', '--tgo-command', `node ${TGO}`, '--pipeline-file', '../.gitlab-ci.yml', '--', 'apply'],
      { cwd: path.join(root, 'live'), env: baseEnv({ MOTO_URL: moto.url }) });
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stderr).toMatch(/Wrote \.\.\/\.gitlab-ci\.yml: 10 gitlab jobs for apply/);
    const pipeline = parse(readFileSync(path.join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, { needs?: string[]; id_tokens?: unknown }>;
    for (const [m, deps] of Object.entries(STACK)) {
      expect(pipeline[`apply ${m}`]!.needs!.sort()).toEqual(deps.map((d) => `apply ${d}`).sort());
    }
    git('add', '-A');
    git('commit', '-qm', 'stack and pipeline');

    await moto.startRecording();
    const started = Date.now();
    const env = baseEnv({ MOTO_URL: moto.url, AWS_ENDPOINT_URL_STS: moto.url, TGO_RECORDS_DIR: records, TF_IN_AUTOMATION: '1' });
    const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
      // Each job in its own copy of the tracked files (--shell-isolation): outputs can only travel through the state.
      const child = spawn(process.execPath, [GITLAB_CI_LOCAL, '--shell-isolation', '--no-color', '--variable', `TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN=${TOKEN}`],
        { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
    const seconds = (Date.now() - started) / 1000;
    await moto.stopRecording();
    console.log(`gitlab-ci-local: ${Object.keys(STACK).length} jobs in ${seconds.toFixed(1)} s`);

    // The pipeline fails (worker), so gitlab-ci-local exits non-zero; which jobs ran and passed is what counts.
    expect(run.code, run.out).not.toBe(0);
    const ran = readdirSync(records).map((f) => JSON.parse(readFileSync(path.join(records, f), 'utf8')) as WhoamiRecord);
    const byModule = new Map(ran.map((r) => [r.module, r]));
    const expectedToRun = Object.keys(STACK).filter((m) => m !== 'reports');
    expect([...byModule.keys()].sort(), run.out).toEqual(expectedToRun.sort());
    expect(run.out).toMatch(/PASS\s+apply audit/);
    expect(run.out).toMatch(/FAIL\s+apply worker/);
    expect(run.out).not.toMatch(/apply reports starting/);

    const calls = await moto.recordedStsCalls();
    expect(calls.filter((c) => c.action === 'AssumeRole')).toEqual([]);
    const webIdentity = calls.filter((c) => c.action === 'AssumeRoleWithWebIdentity');
    for (const c of webIdentity) expect(c.params.WebIdentityToken).toBe(TOKEN);
    for (const m of expectedToRun) {
      const rec = byModule.get(m)!;
      // GetCallerIdentity from inside the module's terraform: its own role, a session from the web identity call.
      expect(rec.arn).toMatch(new RegExp(`^arn:aws:sts::123456789012:assumed-role/tgo-${m}/`));
      expect(rec.accessKeyId).toMatch(/^ASIA/);
      expect(webIdentity.some((c) => c.params.RoleArn === role(m))).toBe(true);
      // Its dependencies had applied before it started: it saw the ids they created, through their remote state.
      const upstream = JSON.parse(rec.tfVars.TF_VAR_upstream ?? '{}') as Record<string, string>;
      expect(Object.keys(upstream).sort()).toEqual([...STACK[m]!].sort());
      for (const d of STACK[m]!) expect(upstream[d]).toBe(byModule.get(d)!.tfVars.TF_VAR_self_id);
    }
    // Every state is in S3 except that of the job that never ran; the failed apply still wrote its state.
    const states = await moto.listObjects('tfstate');
    expect(states.sort()).toEqual(expectedToRun.map((m) => `${m}/terraform.tfstate`).sort());
    expect(existsSync(path.join(root, 'live', 'net', '.terraform'))).toBe(false); // jobs ran in their own copies
  }, 600_000);
});
