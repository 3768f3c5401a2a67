import { TgoCommand } from '../cli/base-command.js';

export default class Version extends TgoCommand {
  static override summary = 'Print tgo\'s version (also -v, --version). `tgo run version` is terraform\'s.';

  async run(): Promise<void> {
    process.stdout.write(`${this.config.userAgent}\n`);
  }
}
