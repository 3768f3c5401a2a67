// Every credential value tgo handles is registered here, and everything tgo prints passes through
// redact(): a secret that terraform (or a hook, or an error message) echoes shows up as ***.

export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private readonly codes = new Set<string>();

  add(...values: (string | undefined)[]): void {
    // Very short values would redact ordinary words; real secrets are long.
    for (const v of values) if (v && v.length >= 8) this.secrets.add(v);
  }

  /** A short one-time code (MFA): masked only where it stands alone, so digits inside other numbers survive. */
  addCode(code: string | undefined): void {
    if (code && /^\w{4,}$/.test(code)) this.codes.add(code);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join('***');
    for (const c of this.codes) if (out.includes(c)) out = out.replace(new RegExp(`(?<![\\w])${c}(?![\\w])`, 'g'), '***');
    return out;
  }

  get size(): number {
    return this.secrets.size;
  }
}
