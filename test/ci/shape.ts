/** The 10-module shape the CI tests share: two roots, a diamond, a chain behind `app`. module → dependencies. */
export const STACK: Record<string, string[]> = {
  net: [],
  dns: ['net'],
  db: ['net'],
  cache: ['net'],
  app: ['db', 'dns', 'cache'],
  web: ['app'],
  worker: ['app'],
  reports: ['worker'],
  logs: [],
  audit: ['logs'],
};

/** module → the modules that depend on it (the order destroy runs in). */
export function dependentsOf(stack: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(stack).map((m) => [m, []]));
  for (const [m, deps] of Object.entries(stack)) for (const d of deps) out[d]!.push(m);
  return out;
}

export const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
