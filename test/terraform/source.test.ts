import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareWorkingDir } from '../../src/terraform/workdir.js';
import { SourceFetcher } from '../../src/source/fetcher.js';
import { writeStack } from '../support/stack.js';
import { moduleAt } from '../source/fixtures.js';

const opts = (fetcher = new SourceFetcher({ env: process.env })) => ({ command: 'plan', log: () => {}, fetcher });

/** Every file under dir, relative, `/`-separated, sorted. */
function tree(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? tree(dir, r) : [r];
  }).sort();
}

describe('a local terraform.source in .terragrunt-cache', () => {
  it('is copied again only when the source changed; a change replaces the copy, keeps .terraform and asks for init', async () => {
    const root = writeStack({ 'modules/app/main.tf': 'v1', 'modules/app/extra.tf': 'x', 'live/app/terragrunt.hcl': '' });
    const cfg = moduleAt(path.join(root, 'live/app'), '../../modules//app');
    const work = await prepareWorkingDir(cfg, opts());
    expect(readFileSync(path.join(work, 'main.tf'), 'utf8')).toBe('v1');
    mkdirSync(path.join(work, '.terraform'));
    writeFileSync(path.join(work, 'scratch'), '');

    await prepareWorkingDir(cfg, opts());
    expect(existsSync(path.join(work, 'scratch'))).toBe(true); // unchanged source: not copied again

    writeFileSync(path.join(root, 'modules/app/main.tf'), 'v2');
    rmSync(path.join(root, 'modules/app/extra.tf'));
    expect(await prepareWorkingDir(cfg, opts())).toBe(work);
    expect(readFileSync(path.join(work, 'main.tf'), 'utf8')).toBe('v2');
    expect(existsSync(path.join(work, 'extra.tf'))).toBe(false); // deleted in the source, gone from the copy
    expect(existsSync(path.join(work, 'scratch'))).toBe(false);
    expect(existsSync(path.join(work, '.terraform'))).toBe(true); // init survives
    expect(existsSync(path.join(work, '.terragrunt-init-required'))).toBe(true); // …and is asked for again
  });

  it('a module that is its own source (source = ".") is copied without its cache or hidden files', async () => {
    const root = writeStack({ 'app/main.tf': 'm', 'app/terragrunt.hcl': '', 'app/.secret': 's', 'app/.terraform/x': 'x', 'app/sub/.terraform.lock.hcl': 'l' });
    const cfg = moduleAt(path.join(root, 'app'), '.');
    const work = await prepareWorkingDir(cfg, opts());
    expect(work.startsWith(path.join(root, 'app', '.terragrunt-cache'))).toBe(true);
    expect(tree(work)).toEqual(['.terragrunt-source-version', 'main.tf', 'sub/.terraform.lock.hcl', 'terragrunt.hcl']);
    expect(await prepareWorkingDir(cfg, opts())).toBe(work); // and again, with its cache now inside the source
  });

  it('the // root may be a whole repository that contains the module and other modules\' caches', async () => {
    const root = writeStack({
      '.git/HEAD': 'ref', 'modules/vpc/main.tf': 'vpc', 'live/vpc/terragrunt.hcl': '', 'live/vpc/extra.tfvars': 'x=1',
      'live/db/terragrunt.hcl': '', 'live/db/.terragrunt-cache/old/main.tf': 'stale',
    });
    const fetcher = new SourceFetcher({ env: process.env });
    const work = await prepareWorkingDir(moduleAt(path.join(root, 'live/vpc'), `${root}//modules/vpc`), opts(fetcher));
    const copy = path.dirname(path.dirname(work));
    expect(tree(copy)).toEqual([
      '.terragrunt-source-version', 'live/db/terragrunt.hcl', 'live/vpc/extra.tfvars', 'live/vpc/terragrunt.hcl',
      'modules/vpc/extra.tfvars', 'modules/vpc/main.tf', 'modules/vpc/terragrunt.hcl',
    ]);
    // A second module with the same root: the repository is hashed once for the run.
    await prepareWorkingDir(moduleAt(path.join(root, 'live/db'), `${root}//modules/vpc`), opts(fetcher));
    expect((fetcher as unknown as { versions: Map<string, string> }).versions.size).toBe(1);
  });

  it('include_in_copy brings hidden files of the source along; exclude_from_copy leaves files out', async () => {
    const root = writeStack({ 'm/main.tf': 'm', 'm/.tflint.hcl': 't', 'm/docs/a.md': 'd', 'live/terragrunt.hcl': '' });
    const cfg = moduleAt(path.join(root, 'live'), '../m');
    cfg.terraform.includeInCopy = ['.tflint.hcl'];
    cfg.terraform.excludeFromCopy = ['docs'];
    const work = await prepareWorkingDir(cfg, opts());
    expect(tree(work)).toEqual(['.terragrunt-source-version', '.tflint.hcl', 'main.tf', 'terragrunt.hcl']);
  });

  it('a //subdir that is not in the source is an error naming it', async () => {
    const root = writeStack({ 'm/main.tf': 'm', 'live/terragrunt.hcl': '' });
    await expect(prepareWorkingDir(moduleAt(path.join(root, 'live'), '../m//nope'), opts())).rejects.toThrow('"nope" does not exist in ../m//nope');
  });
});
