import { backendBootstrap } from '../../cli/backend-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';
import { FLAGS } from '../../cli/flags.js';

export default class BackendBootstrap extends TgoCommand {
  static override summary = 'Create or update the S3 state bucket and DynamoDB lock table of the unit\'s remote_state (--all: of every unit).';
  static override description = 'Each unit\'s backend is made ready with the unit\'s own role: the bucket with versioning, default encryption, '
    + 'a public access block, a TLS-only bucket policy, access logging when accesslogging_bucket_name is set, and s3_bucket_tags; the lock '
    + 'table (dynamodb_table) with dynamodb_table_tags. The skip_bucket_* settings, disable_bucket_update and disable_init are respected. '
    + 'A backend that is already ready is only read. `run --backend-bootstrap` does the same before terraform init.';
  static override examples = ['<%= config.bin %> backend bootstrap', '<%= config.bin %> backend bootstrap --all'];
  static override baseFlags = helpFlags(['RUN', 'GLOBAL', 'IAM'], FLAGS);

  async run(): Promise<void> {
    this.finish(await backendBootstrap(this.argv));
  }
}
