// The error taxonomy: each kind maps to a user-facing message and an exit code in the CLI layer.
// Messages are complete sentences a person can act on; stack traces are shown only at debug level.

/** Bad flags or arguments. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem in a configuration file: names the file, the attribute path and the line when known. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly attribute?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(ConfigError.format(file, detail, attribute, line, column));
  }
  static format(file: string, detail: string, attribute?: string, line?: number, column?: number): string {
    const where = line ? `${file}:${line}${column ? `,${column}` : ''}` : file;
    return `${where}: ${attribute ? `${attribute}: ` : ''}${detail}`;
  }
}

/** Several configuration errors found in one pass (every module is validated before anything runs). */
export class ConfigErrors extends Error {
  override name = 'ConfigErrors';
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** STS refused or failed: names the role. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
  constructor(
    message: string,
    readonly roleArn?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The user answered no, or there was nobody to answer. Not a failure when the user said no. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(
    message: string,
    readonly exitCode = 0,
  ) {
    super(message);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
