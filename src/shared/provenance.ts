// Where a value came from, kept as data (not a string) from the CLI and the configuration to the messages and
// render-json: the flag as typed, the environment variable, the file and line, or tgo's default.

export type Provenance =
  /** `name`: the flag as it was typed, e.g. `--terragrunt-iam-role`. */
  | { kind: 'flag'; name: string }
  /** `name`: the variable, e.g. `TG_IAM_ASSUME_ROLE`. */
  | { kind: 'env'; name: string }
  /**
   * `name`: the attribute; `file`: the file as tgo shows it (relative to the working directory);
   * `included`: written in a file the module includes rather than in its own.
   */
  | { kind: 'file'; name: string; file: string; line?: number; included?: boolean }
  /** `name`: what has the default (e.g. `iam_assume_role_duration`). */
  | { kind: 'default'; name: string };

/** A value and where it was set. */
export interface Sourced<T> {
  value: T;
  source: Provenance;
}

/** As messages and render-json show it: `--terragrunt-iam-role`, `TG_…`, `included root.hcl:7`, `default`. */
export function describeSource(p: Provenance): string {
  switch (p.kind) {
    case 'flag':
    case 'env':
      return p.name;
    case 'file':
      return `${p.included ? 'included ' : ''}${p.file}${p.line ? `:${p.line}` : ''}`;
    case 'default':
      return 'default';
  }
}

/** Set on the command line or in the environment (rather than in a file or by default). */
export function fromCommandLine(p: Provenance): p is Extract<Provenance, { kind: 'flag' | 'env' }> {
  return p.kind === 'flag' || p.kind === 'env';
}
