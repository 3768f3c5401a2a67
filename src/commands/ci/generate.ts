import { ciGenerate } from '../../cli/ci-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';

export default class CiGenerate extends TgoCommand {
  static override summary = 'Write a CI pipeline (GitLab CI, GitHub Actions, Argo Workflows) with one job per module, in dependency order, each assuming its module\'s role from the job\'s web identity token.';
  static override usage = 'ci generate --platform gitlab|github|argo [--pipeline-file FILE] [selection flags] -- <terraform-command> [args...]';
  static override examples = [
    '<%= config.bin %> ci generate --platform gitlab --pipeline-file tgo-pipeline.yml -- plan',
    '<%= config.bin %> ci generate --platform github --pipeline-file .github/workflows/tgo-apply.yml -- apply',
    '<%= config.bin %> ci generate --platform argo --image registry.example.com/tgo:1 --queue-include-units-changed-since origin/main -- apply',
  ];
  static override baseFlags = helpFlags(['CI', 'QUEUE', 'IAM', 'RUN', 'GLOBAL']);

  async run(): Promise<void> {
    this.finish(await ciGenerate(this.argv));
  }
}
