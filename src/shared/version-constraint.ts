// HashiCorp's version constraint syntax (">= 1.5, < 2.0", "~> 1.11"): used by terraform_version_constraint and by
// the constraint_check() HCL function alike.

type Version = [number, number, number];

function parse(v: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function cmp(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** True when `version` satisfies every comma-separated clause of `constraint`. Throws on a malformed constraint. */
export function satisfies(version: string, constraint: string): boolean {
  const v = parse(version);
  if (!v) throw new Error(`cannot read version "${version}"`);
  return constraint.split(',').map((c) => c.trim()).filter(Boolean).every((clause) => {
    const m = /^(=|!=|>=|<=|>|<|~>)?\s*(v?\d+(?:\.\d+){0,2}.*)$/.exec(clause);
    const want = m && parse(m[2]!);
    if (!m || !want) throw new Error(`invalid version constraint "${clause}"`);
    const c = cmp(v, want);
    switch (m[1] ?? '=') {
      case '=': return c === 0;
      case '!=': return c !== 0;
      case '>': return c > 0;
      case '<': return c < 0;
      case '>=': return c >= 0;
      case '<=': return c <= 0;
      default: {
        // ~> 1.2.3 allows >= 1.2.3, < 1.3; ~> 1.2 allows >= 1.2, < 2.0 (the last given part may grow).
        const parts = m[2]!.replace(/^v/, '').split('.').length;
        const upper: Version = parts >= 3 ? [want[0], want[1] + 1, 0] : [want[0] + 1, 0, 0];
        return c >= 0 && cmp(v, upper) < 0;
      }
    }
  });
}
