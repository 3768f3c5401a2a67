// HashiCorp's go-version semantics, which Terraform and Terragrunt use for version constraints: a constraint is
// comma-separated clauses (">= 1.5, < 2.0"; ">= 1.5 < 2" is malformed), each an operator (=, !=, >, <, >=, <=,
// ~>) and a version; versions have any number of numeric segments (padded to three), an optional -prerelease
// and +metadata. Prereleases only satisfy clauses that name a prerelease of the same base version. Used by
// terraform_version_constraint, terragrunt_version_constraint and constraint_check().

const VERSION = String.raw`v?([0-9]+(?:\.[0-9]+)*?)(?:-([0-9]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*)|(-?[A-Za-z\-~]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*))?(?:\+([0-9A-Za-z\-~]+(?:\.[0-9A-Za-z\-~]+)*))?`;
const VERSION_RE = new RegExp(`^${VERSION}$`);
const CLAUSE_RE = new RegExp(`^\\s*(=|!=|>=|<=|>|<|~>)?\\s*(${VERSION})\\s*$`);

/** A version or a constraint that go-version would not parse. */
export class MalformedVersionError extends Error {}

export interface Version {
  segments: number[];
  /** Segments as written, before padding (~> uses it). */
  given: number;
  prerelease: string;
  original: string;
}

export function parseVersion(v: string): Version {
  const m = VERSION_RE.exec(v.trim());
  if (!m) throw new MalformedVersionError(`Malformed version: ${v}`);
  const written = m[1]!.split('.').map(Number);
  const segments = [...written];
  while (segments.length < 3) segments.push(0);
  return { segments, given: written.length, prerelease: m[2] ?? (m[3] ? m[3].replace(/^-/, '') : ''), original: v.trim() };
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1; // a release is newer than its prereleases
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    if (!nx && x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i] ?? 0;
    const y = b.segments[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

/** go-version's prereleaseCheck: a prerelease satisfies only a clause naming a prerelease of the same base version. */
function prereleaseOk(v: Version, c: Version): boolean {
  if (c.prerelease && v.prerelease) return c.segments.length === v.segments.length && c.segments.every((s, i) => s === v.segments[i]);
  if (!c.prerelease && v.prerelease) return false;
  return true;
}

function pessimistic(v: Version, c: Version): boolean {
  if (!prereleaseOk(v, c) || (c.prerelease && !v.prerelease)) return false;
  if (compareVersions(v, c) < 0) return false;
  // The segments before the last written one must be equal, so the last may grow ("~> 1.2" allows 1.9, not 2.0);
  // then go-version compares the last padded segment.
  if (c.segments.length > v.segments.length) return false;
  for (let i = 0; i < c.given - 1; i++) if (v.segments[i] !== c.segments[i]) return false;
  const last = c.segments.length - 1;
  return c.segments[last]! <= v.segments[last]!;
}

type Check = (v: Version) => boolean;

/** Parses a constraint (throws MalformedVersionError with go-version's "Malformed constraint: …" for a bad one). */
export function parseConstraint(constraint: string): Check {
  const clauses = constraint.split(',').map((clause): Check => {
    const m = CLAUSE_RE.exec(clause);
    if (!m) throw new MalformedVersionError(`Malformed constraint: ${clause.trim() || constraint}`);
    const c = parseVersion(m[2]!);
    switch (m[1] ?? '=') {
      case '=': return (v) => compareVersions(v, c) === 0;
      case '!=': return (v) => compareVersions(v, c) !== 0;
      case '>': return (v) => prereleaseOk(v, c) && compareVersions(v, c) > 0;
      case '<': return (v) => prereleaseOk(v, c) && compareVersions(v, c) < 0;
      case '>=': return (v) => prereleaseOk(v, c) && compareVersions(v, c) >= 0;
      case '<=': return (v) => prereleaseOk(v, c) && compareVersions(v, c) <= 0;
      default: return (v) => pessimistic(v, c);
    }
  });
  return (v) => clauses.every((check) => check(v));
}

/** True when `version` satisfies every clause of `constraint`. Throws MalformedVersionError on bad input. */
export function satisfies(version: string, constraint: string): boolean {
  return parseConstraint(constraint)(parseVersion(version));
}
