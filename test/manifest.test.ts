// oclif.manifest.json is committed (it makes start-up and help cheaper); it must match the commands as built.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Plugin } from '@oclif/core/config';
import { REPO } from './support/tgo.js';

describe('oclif.manifest.json', () => {
  it('is current: regenerate with `npm run manifest` after changing a command or a flag', async () => {
    const committed = JSON.parse(readFileSync(path.join(REPO, 'oclif.manifest.json'), 'utf8'));
    const plugin = new Plugin({ root: REPO, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true });
    await plugin.load();
    const fresh = JSON.parse(JSON.stringify(plugin.manifest));
    expect(committed.version).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(committed.commands).toEqual(fresh.commands);
  });
});
