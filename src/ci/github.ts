// GitHub Actions: one job per module, ordered by `needs:` (a failed job skips only the jobs that need it,
// transitively). The workflow may ask for an OIDC token (`permissions: id-token: write`); each job fetches one
// for the audience right before tgo runs and hands tgo the file, so tgo assumes the module's role with
// AssumeRoleWithWebIdentity and no AWS key is stored anywhere. `concurrency` keeps two runs from applying one
// module at once.

import { jobKeys, type CiPipeline } from './pipeline.js';
import { HEADER, TOKEN_ENV, yamlText } from './render.js';

const TOKEN_FILE = 'tgo-web-identity-token';

export function github(p: CiPipeline): string {
  const keys = jobKeys(p.jobs.map((j) => j.module), 100);
  const jobs: Record<string, unknown> = {};
  for (const job of p.jobs) {
    const key = keys.get(job.module)!;
    jobs[key] = {
      name: job.name,
      'runs-on': p.settings.runnerTags.length === 0 ? 'ubuntu-latest' : p.settings.runnerTags.length === 1 ? p.settings.runnerTags[0] : p.settings.runnerTags,
      ...(job.needs.length > 0 ? { needs: job.needs.map((m) => keys.get(m)!) } : {}),
      ...(p.exclusive ? { concurrency: { group: `tgo-${key}`, 'cancel-in-progress': false } } : {}),
      ...(p.settings.image ? { container: { image: p.settings.image } } : {}),
      steps: [
        { uses: 'actions/checkout@v4' },
        {
          name: 'Web identity token for tgo',
          uses: 'actions/github-script@v7',
          with: {
            script: [
              `const token = await core.getIDToken(${JSON.stringify(p.settings.audience)});`,
              `require('fs').writeFileSync(require('path').join(process.env.RUNNER_TEMP, '${TOKEN_FILE}'), token, { mode: 0o600 });`,
            ].join('\n'),
          },
        },
        {
          name: job.name,
          'working-directory': job.dir,
          env: { [TOKEN_ENV]: `\${{ runner.temp }}/${TOKEN_FILE}` },
          run: job.script ?? p.run,
        },
      ],
    };
  }
  const doc = {
    name: `tgo ${p.command}`,
    on: { workflow_dispatch: {}, workflow_call: {} },
    permissions: { 'id-token': 'write', contents: 'read' },
    jobs,
  };
  return HEADER('github') + yamlText(doc);
}
