// Argo Workflows: one DAG task per module, `dependencies` exactly its dependencies' tasks (a failed task's
// dependents do not run). Every task checks the repository out at the generated commit and gets the pod's
// projected service-account token (audience sts.amazonaws.com, as IRSA's) as the web identity token file, so
// tgo assumes the module's role with AssumeRoleWithWebIdentity. `--parallelism` bounds the tasks at once.

import { UsageError } from '../errors.js';
import { jobKeys, type CiPipeline } from './pipeline.js';
import { TOKEN_ENV, yamlText, HEADER } from './render.js';

const TOKEN_DIR = '/var/run/secrets/tgo';
const SRC = '/src';

export function argo(p: CiPipeline): string {
  if (!p.settings.image) throw new UsageError('--platform argo needs --image: the container image holding tgo and terraform that every task runs.');
  const keys = jobKeys(p.jobs.map((j) => j.module), 63);
  const tasks = p.jobs.map((job) => ({
    name: keys.get(job.module)!,
    ...(job.script ? { template: 'nothing-to-run' } : { template: 'tgo', arguments: { parameters: [{ name: 'module', value: job.dir }] } }),
    ...(job.needs.length > 0 ? { dependencies: job.needs.map((m) => keys.get(m)!) } : {}),
  }));
  const placeholder = p.jobs.find((j) => j.script);
  const doc = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: `tgo-${p.command}-` },
    spec: {
      entrypoint: 'stack',
      serviceAccountName: 'tgo',
      ...(p.settings.parallelism ? { parallelism: p.settings.parallelism } : {}),
      arguments: {
        parameters: [
          p.repo.url ? { name: 'repo', value: p.repo.url } : { name: 'repo' },
          p.repo.revision ? { name: 'revision', value: p.repo.revision } : { name: 'revision', value: 'HEAD' },
        ],
      },
      volumes: [{
        name: 'web-identity-token',
        projected: { sources: [{ serviceAccountToken: { audience: p.settings.audience, expirationSeconds: 3600, path: 'token' } }] },
      }],
      templates: [
        { name: 'stack', dag: { tasks } },
        {
          name: 'tgo',
          inputs: {
            parameters: [{ name: 'module' }],
            artifacts: [{ name: 'source', path: SRC, git: { repo: '{{workflow.parameters.repo}}', revision: '{{workflow.parameters.revision}}' } }],
          },
          container: {
            name: 'main',
            image: p.settings.image,
            workingDir: `${SRC}/{{inputs.parameters.module}}`,
            command: ['sh', '-c'],
            args: [p.run],
            env: [{ name: TOKEN_ENV, value: `${TOKEN_DIR}/token` }],
            volumeMounts: [{ name: 'web-identity-token', mountPath: TOKEN_DIR, readOnly: true }],
          },
        },
        ...(placeholder ? [{ name: 'nothing-to-run', container: { name: 'main', image: p.settings.image, command: ['sh', '-c'], args: [placeholder.script!] } }] : []),
      ],
    },
  };
  return HEADER('argo') + yamlText(doc);
}
