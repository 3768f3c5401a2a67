import { backendDelete } from '../../cli/backend-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';
import { BACKEND_DELETE_FLAGS, FLAGS } from '../../cli/flags.js';

export default class BackendDelete extends TgoCommand {
  static override summary = 'Delete the unit\'s state from its S3 backend (--all: every unit\'s), with its lock table item, after a confirmation for each.';
  static override description = 'Refused when the bucket is not versioned unless --force. --non-interactive answers yes, as in Terragrunt. '
    + 'The calls are made with the unit\'s own role.';
  static override examples = ['<%= config.bin %> backend delete', '<%= config.bin %> backend delete --all --non-interactive'];
  static override baseFlags = helpFlags(['RUN', 'GLOBAL', 'IAM'], [...BACKEND_DELETE_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await backendDelete(this.argv));
  }
}
