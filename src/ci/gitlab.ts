// GitLab CI: one job per module in a single stage, ordered by `needs:` (a failed job stops only the jobs that
// need it, transitively); each job gets a GitLab ID token as TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN, so tgo assumes
// the module's role with AssumeRoleWithWebIdentity; `resource_group` keeps two pipelines from applying one module
// at once.

import { shellQuote, type CiPipeline } from './pipeline.js';
import { HEADER, TOKEN_ENV, yamlText } from './render.js';

export function gitlab(p: CiPipeline): string {
  const doc: Record<string, unknown> = { stages: ['tgo'] };
  const defaults: Record<string, unknown> = {};
  if (p.settings.image) defaults.image = p.settings.image;
  if (p.settings.runnerTags.length > 0) defaults.tags = p.settings.runnerTags;
  if (Object.keys(defaults).length > 0) doc.default = defaults;
  const names = new Map(p.jobs.map((j) => [j.module, j.name]));
  for (const job of p.jobs) {
    doc[job.name] = {
      stage: 'tgo',
      needs: job.needs.map((m) => names.get(m)!),
      ...(p.exclusive ? { resource_group: `tgo/${job.dir}`.replace(/[^\w\-/.${} ]/g, '-') } : {}),
      id_tokens: { [TOKEN_ENV]: { aud: p.settings.audience } },
      script: [`cd ${shellQuote(job.dir)}`, job.script ?? p.run],
    };
  }
  return HEADER('gitlab') + yamlText(doc);
}

