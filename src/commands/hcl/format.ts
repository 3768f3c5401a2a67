import { hclFmt } from '../../cli/fmt-command.js';
import { helpFlags, TgoCommand } from '../../cli/base-command.js';
import { HCL_FMT_FLAGS } from '../../cli/flags.js';

export default class HclFormat extends TgoCommand {
  static override aliases = ['hcl:fmt'];
  static override hiddenAliases = ['hclfmt'];
  static override summary = 'Rewrite every *.hcl file under the working directory in canonical HCL style (as terragrunt hcl fmt).';
  static override description = 'Skips .terragrunt-cache, .terraform and .git. A file that does not parse is reported with its line and left alone. Classic name: hclfmt.';
  static override examples = ['<%= config.bin %> hcl fmt', '<%= config.bin %> hcl fmt --check --diff', 'cat root.hcl | <%= config.bin %> hcl fmt --stdin'];
  static override baseFlags = helpFlags(undefined, HCL_FMT_FLAGS);

  async run(): Promise<void> {
    this.finish(hclFmt(this.argv));
  }
}
