// A dependency's outputs straight from its state (issue: one terraform process per module): a local state file,
// or the S3 object read with the dependency's own credentials. Any doubt — another backend, another state
// format, an error — returns undefined and the caller runs `terraform output -json`; either way a debug line
// says which path was taken. State contents (secrets included) are never logged.

import { readFile } from 'node:fs/promises';
import { readS3Object } from '../auth/s3.js';
import type { ValueObject } from '../config/hcl/values.js';
import type { ModuleConfig } from '../config/types.js';
import { errorMessage } from '../errors.js';
import { extraEnv } from '../terraform/args.js';
import { outputsOfState, stateLocation, type StateLocation } from '../terraform/state.js';
import type { RunSession } from './session.js';

/** Where a dependency's state is, as its `terraform output` would find it, or why only terraform can say. */
export function dependencyStateLocation(session: RunSession, cfg: ModuleConfig, workDir: string): StateLocation {
  // terraform output's own -state=PATH and environment (TF_DATA_DIR, TF_WORKSPACE) from extra_arguments count too.
  const extra = cfg.terraform.extraArguments;
  const stateFlag = extra.filter((e) => e.commands.includes('output')).flatMap((e) => e.arguments).findLast((a) => a.startsWith('-state='))?.slice('-state='.length);
  return stateLocation(workDir, cfg.remoteState, { ...session.baseEnv, ...extraEnv(extra, 'output') }, stateFlag);
}

export async function outputsFromState(session: RunSession, cfg: ModuleConfig, workDir: string): Promise<ValueObject | undefined> {
  const id = session.id(cfg.dir);
  const debug = (message: string) => session.emit({ type: 'log', level: 'debug', module: id, message });
  const where = dependencyStateLocation(session, cfg, workDir);
  if (where.kind === 'terraform') {
    debug(`outputs via terraform output -json: ${where.reason}`);
    return undefined;
  }
  let text: string | undefined;
  let shown: string;
  try {
    if (where.kind === 'local') {
      shown = where.file;
      text = await readFile(where.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
    } else {
      shown = `s3://${where.bucket}/${where.key}`;
      const credentials = await session.awsCredentials(cfg.dir, 'to read its state');
      text = await readS3Object(where, session.baseEnv, credentials);
    }
  } catch (e) {
    debug(`outputs via terraform output -json: reading the state failed: ${errorMessage(e)}`);
    return undefined;
  }
  if (text === undefined) {
    debug(`outputs from state: ${shown} does not exist (not applied yet)`);
    return {};
  }
  const read = outputsOfState(text);
  if ('reason' in read) {
    debug(`outputs via terraform output -json: ${shown}: ${read.reason}`);
    return undefined;
  }
  debug(`outputs from state: ${shown}`);
  return read.outputs;
}
