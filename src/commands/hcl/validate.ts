import { hclValidate } from '../../cli/validate-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';
import { FLAGS, HCL_VALIDATE_FLAGS } from '../../cli/flags.js';

export default class HclValidate extends TgoCommand {
  static override hiddenAliases = ['hclvalidate', 'validate-inputs'];
  static override summary = 'Parse and evaluate every unit under the working directory and list every error, with file and line.';
  static override description = 'With --inputs (the classic validate-inputs), also compare each unit\'s inputs with the variable blocks of its '
    + 'terraform module: required variables with no value fail; inputs no variable declares are reported (and fail with --strict). Classic names: hclvalidate, validate-inputs.';
  static override examples = ['<%= config.bin %> hcl validate', '<%= config.bin %> hcl validate --inputs --strict'];
  static override baseFlags = helpFlags(['HCL', 'GLOBAL', 'IAM'], [...HCL_VALIDATE_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await hclValidate(this.argv));
  }
}
