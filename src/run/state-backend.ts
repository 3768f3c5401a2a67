// A module's state backend: bootstrap (Terragrunt's `backend bootstrap`, and its automatic bootstrap before init with
// --backend-bootstrap): the S3 bucket and DynamoDB lock table of `remote_state { backend = "s3" }`, made with
// the module's own credentials. disable_init skips it; the skip_bucket_* settings and disable_bucket_update are
// honoured. Modules that share a bucket and table bootstrap them once per run.

import type { ValueObject } from '../config/hcl/values.js';
import type { ModuleConfig } from '../config/types.js';
import { bootstrapS3Backend, deleteS3State, type S3BackendSettings } from '../auth/s3-backend.js';
import { singleFlight } from '../shared/single-flight.js';
import type { RunSession } from './session.js';

const DEFAULT_LOG_PREFIX = 'TFStateLogs/';

/** The settings a bootstrap needs, from the s3 backend's config (and the AWS_* endpoint variables). */
export function s3BackendSettings(config: ValueObject, env: NodeJS.ProcessEnv, disableBucketUpdate = false): S3BackendSettings {
  const str = (k: string): string | undefined => (typeof config[k] === 'string' && config[k] !== '' ? (config[k] as string) : undefined);
  const bool = (k: string): boolean => config[k] === true || config[k] === 'true';
  const tags = (k: string): Record<string, string> => {
    const v = config[k];
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([a, b]) => [a, String(b)])) : {};
  };
  const bucket = str('bucket');
  if (!bucket) throw new Error('remote_state: the s3 backend has no bucket');
  const endpoints = (config.endpoints && typeof config.endpoints === 'object' && !Array.isArray(config.endpoints) ? config.endpoints : {}) as ValueObject;
  const ep = (service: 's3' | 'dynamodb', legacy: string) => {
    const own = endpoints[service] ?? config[legacy];
    if (typeof own === 'string' && own !== '') return own;
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
    return env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL || undefined;
  };
  const logBucket = str('accesslogging_bucket_name');
  return {
    bucket,
    region: str('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    s3Endpoint: ep('s3', 'endpoint'),
    dynamodbEndpoint: ep('dynamodb', 'dynamodb_endpoint'),
    pathStyle: bool('use_path_style') || bool('force_path_style'),
    lockTable: str('dynamodb_table') ?? str('lock_table'),
    bucketTags: tags('s3_bucket_tags'),
    tableTags: tags('dynamodb_table_tags'),
    skipVersioning: bool('skip_bucket_versioning'),
    skipEncryption: bool('skip_bucket_ssencryption'),
    skipPublicAccessBlocking: bool('skip_bucket_public_access_blocking'),
    skipEnforcedTls: bool('skip_bucket_enforced_tls'),
    sseAlgorithm: str('bucket_sse_algorithm') ?? 'aws:kms',
    kmsKeyId: str('bucket_sse_kms_key_id') ?? str('kms_key_id'),
    accessLogging: logBucket ? { bucket: logBucket, prefix: str('accesslogging_target_prefix') ?? DEFAULT_LOG_PREFIX } : undefined,
    enableLockTableEncryption: bool('enable_lock_table_ssencryption'),
    disableBucketUpdate: disableBucketUpdate || bool('disable_bucket_update'),
  };
}

export class StateBackends {
  private readonly once = singleFlight<string, string[]>();

  constructor(private readonly session: RunSession) {}

  /** Whether the module has a backend tgo bootstraps (s3, init not disabled). */
  static applies(cfg: ModuleConfig): boolean {
    return cfg.remoteState?.backend === 's3' && !cfg.remoteState.disableInit;
  }

  /** Bootstrap the module's backend with its credentials; the changes made (none when it was ready). */
  async bootstrap(cfg: ModuleConfig): Promise<string[]> {
    const rs = cfg.remoteState!;
    const s = s3BackendSettings(rs.config, this.session.baseEnv, this.session.opts.disableBucketUpdate);
    const id = this.session.id(cfg.dir);
    return this.once(`${s.s3Endpoint ?? ''}|${s.bucket}|${s.lockTable ?? ''}`, async () => {
      const credentials = await this.session.awsCredentials(cfg.dir, 'to bootstrap its backend');
      const changes = await bootstrapS3Backend(s, this.session.baseEnv, credentials);
      for (const message of changes) this.session.emit({ type: 'log', level: 'info', module: id, message });
      if (changes.length === 0) this.session.emit({ type: 'log', level: 'debug', module: id, message: `backend s3://${s.bucket} is ready: nothing to change` });
      return changes;
    });
  }

  /** Delete the module's state object and lock item (each after a yes; --non-interactive answers yes, as Terragrunt). */
  async deleteState(cfg: ModuleConfig, force: boolean): Promise<string[]> {
    const rs = cfg.remoteState!;
    const key = rs.config.key;
    if (typeof key !== 'string' || key === '') throw new Error('remote_state: the s3 backend has no key');
    const s = s3BackendSettings(rs.config, this.session.baseEnv);
    const id = this.session.id(cfg.dir);
    const credentials = await this.session.awsCredentials(cfg.dir, 'to delete its state');
    const confirm = async (message: string) => this.session.opts.nonInteractive || this.session.ask({ type: 'confirm', message });
    const deleted = await deleteS3State(s, { key }, this.session.baseEnv, credentials, confirm, force);
    for (const message of deleted) this.session.emit({ type: 'log', level: 'info', module: id, message });
    return deleted;
  }
}
