// error_hook on_errors patterns: checked when the config loads (a bad one names its file and line) and matched
// when terraform fails. Both go through here so the RE2 engine stays config's own.

import { compileRe2, re2Test } from './functions/terraform/re2.js';

/** An on_errors pattern as Terragrunt matches it (Go's regexp.MatchString: RE2, unanchored). Throws on a bad pattern. */
export function compileOnError(pattern: string): (text: string) => boolean {
  const compiled = compileRe2(pattern);
  return (text) => re2Test(compiled, text);
}
