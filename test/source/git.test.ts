// git sources cloned by the real git from bare repositories made here; the github.com, git@ and https forms
// reach them through `url.<local>.insteadOf` in git config given by environment, as a user's config would.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareWorkingDir } from '../../src/terraform/workdir.js';
import { SourceFetcher } from '../../src/source/fetcher.js';
import { gitConfigEnv, gitSpy, makeBareRepo, moduleAt, tmp, type BareRepo } from './fixtures.js';
import { writeStack } from '../support/stack.js';


let repo: BareRepo;
let reposDir: string;
beforeAll(() => {
  reposDir = tmp();
  repo = makeBareRepo(reposDir);
});

async function fetchInto(source: string, env: NodeJS.ProcessEnv = process.env, fetcher = new SourceFetcher({ env })): Promise<string> {
  const live = writeStack({ 'app/terragrunt.hcl': '' });
  const work = await prepareWorkingDir(moduleAt(path.join(live, 'app'), source), { command: 'plan', log: () => {}, fetcher });
  return readFileSync(path.join(work, 'main.tf'), 'utf8').split('\n')[0]!;
}

describe('git sources', { timeout: 120_000 }, () => {
  it('?ref= to a tag, a branch and a commit; no ref is the default branch', async () => {
    const url = `git::file://${repo.bare}//modules/app`;
    expect(await fetchInto(`${url}?ref=v1`)).toBe('# v1');
    expect(await fetchInto(`${url}?ref=feature`)).toBe('# feature');
    expect(await fetchInto(`${url}?ref=${repo.commits.v1}`)).toBe('# v1');
    expect(await fetchInto(`${url}?ref=${repo.commits.feature!.slice(0, 10)}`)).toBe('# feature');
    expect(await fetchInto(url)).toBe('# v2');
  });

  it('?depth=1 makes a shallow clone of a tag', async () => {
    const spy = gitSpy();
    const env = { ...process.env, PATH: `${spy.bin}:${process.env.PATH}` };
    expect(await fetchInto(`git::file://${repo.bare}//modules/app?ref=v1&depth=1`, env)).toBe('# v1');
    expect(spy.calls().find((c) => c[0] === 'clone')).toEqual(expect.arrayContaining(['--depth', '1', '--branch', 'v1']));
  });

  it('the github.com/… and https shorthands and git@host:… go through the user\'s git config (insteadOf)', async () => {
    const env = {
      ...process.env,
      ...gitConfigEnv([
        [`url.file://${reposDir}/.insteadOf`, 'https://github.com/acme/'],
        [`url.file://${reposDir}/.insteadof`, 'ssh://git@github.com/acme/'],
      ]),
    };
    expect(await fetchInto('github.com/acme/modules//modules/app?ref=v1', env)).toBe('# v1');
    expect(await fetchInto('https://github.com/acme/modules.git//modules/app?ref=feature', env)).toBe('# feature');
    expect(await fetchInto('git@github.com:acme/modules.git//modules/app?ref=v1', env)).toBe('# v1');
    expect(await fetchInto('git::https://github.com/acme/modules.git//modules/db?ref=v2', env)).toBe('# db v2');
  });

  it('a ref that does not exist is one clear error naming it and the URL', async () => {
    await expect(fetchInto(`git::file://${repo.bare}//modules/app?ref=v9`)).rejects.toThrow(
      `cannot download git::file://${repo.bare}?ref=v9: ?ref=v9 does not exist in file://${repo.bare}`,
    );
    await expect(fetchInto(`git::file://${repo.bare}//modules/app?ref=v9&depth=1`)).rejects.toThrow('?ref=v9 does not exist');
  });

  it('one clone per run for every module sharing a root and ref, none when the caches already hold it', async () => {
    const spy = gitSpy();
    const env = { ...process.env, PATH: `${spy.bin}:${process.env.PATH}` };
    const live = writeStack(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`m${i}/terragrunt.hcl`, ''])));
    const run = async () => {
      const fetcher = new SourceFetcher({ env });
      await Promise.all(Array.from({ length: 6 }, (_, i) => prepareWorkingDir(
        moduleAt(path.join(live, `m${i}`), `git::file://${repo.bare}//modules/${i % 2 ? 'app' : 'db'}?ref=v1`),
        { command: 'plan', log: () => {}, fetcher },
      )));
      await fetcher.close();
      return fetcher.downloadCount;
    };
    expect(await run()).toBe(1);
    expect(spy.calls().filter((c) => c[0] === 'clone')).toHaveLength(1);
    expect(await run()).toBe(0);
    expect(spy.calls().filter((c) => c[0] === 'clone')).toHaveLength(1);
    // The clone's .git never reaches a module's cache.
    const find = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.name === '.git' ? [e.name] : e.isDirectory() ? find(path.join(dir, e.name)) : []));
    expect(existsSync(path.join(live, 'm0', '.terragrunt-cache'))).toBe(true);
    expect(find(path.join(live, 'm0', '.terragrunt-cache'))).toEqual([]);
  });

  it('--source-update empties a module\'s cache and fetches again', async () => {
    const spy = gitSpy();
    const env = { ...process.env, PATH: `${spy.bin}:${process.env.PATH}` };
    const live = writeStack({ 'app/terragrunt.hcl': '' });
    const cfg = moduleAt(path.join(live, 'app'), `git::file://${repo.bare}//modules/app?ref=v1`);
    await prepareWorkingDir(cfg, { command: 'plan', log: () => {}, fetcher: new SourceFetcher({ env }) });
    await prepareWorkingDir(cfg, { command: 'plan', log: () => {}, fetcher: new SourceFetcher({ env, sourceUpdate: true }) });
    expect(spy.calls().filter((c) => c[0] === 'clone')).toHaveLength(2);
  });
});
