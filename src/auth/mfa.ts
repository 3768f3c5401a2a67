// MFA for role assumption. An MFA code is single-use, so tgo never sends it with each AssumeRole: it trades
// the code for one MFA session (GetSessionToken) per device per run and assumes every role signed with that
// session. The code comes from --iam-mfa-token / TGO_IAM_MFA_TOKEN, else one question per device to the
// run's host (the CLI asks on the terminal), asked before anything runs; with neither, the run stops before
// it starts.

import { describeSource, type Sourced } from '../shared/provenance.js';
import type { SecretRegistry } from './secrets.js';
import { UsageError } from '../errors.js';
import type { CredentialBroker } from './credentials.js';
import type { RoleSpec } from './role.js';
import type { AwsCredentials } from './sts.js';

/** Asks for the current code of a device; undefined when nobody can answer. */
export type MfaPrompt = (serial: string) => Promise<string | undefined>;

/** How long the MFA session lives: the whole run must be able to re-assume roles from it (STS max is 36 h). */
export const MFA_SESSION_SECONDS = 12 * 3600;

const CODE = /^\d{6}$/;

/** Distinct MFA devices the run's roles need, each with the source that named it first. */
export function mfaSerials(roles: Iterable<RoleSpec | undefined>): Map<string, Sourced<string>> {
  const out = new Map<string, Sourced<string>>();
  for (const r of roles) if (r?.mfaSerial && !r.webIdentityToken && !out.has(r.mfaSerial.value)) out.set(r.mfaSerial.value, r.mfaSerial);
  return out;
}

export class MfaSessions {
  constructor(
    private readonly broker: CredentialBroker,
    private readonly o: { token?: string; prompt?: MfaPrompt; durationSeconds?: number; secrets?: SecretRegistry },
  ) {}

  /**
   * Check that every device can get a code, then open every MFA session, before any module starts: the
   * prompt must not appear in the middle of module output, and a wrong code must stop the run, not a module.
   */
  async prepare(serials: Map<string, Sourced<string>>): Promise<void> {
    if (serials.size === 0) return;
    if (this.o.token !== undefined) {
      if (!CODE.test(this.o.token.trim())) throw new UsageError('--iam-mfa-token / TGO_IAM_MFA_TOKEN must be the 6-digit code your MFA device shows.');
      if (serials.size > 1) {
        throw new UsageError(`--iam-mfa-token / TGO_IAM_MFA_TOKEN gives one code, but the roles need ${serials.size} MFA devices `
          + `(${[...serials.values()].map((s) => `${s.value} from ${describeSource(s.source)}`).join(', ')}); leave it out to be asked for each.`);
      }
    } else if (!this.o.prompt) {
      const [first] = serials.values();
      throw noOneToAsk(first!.value, first);
    }
    for (const [serial, src] of serials) await this.session(serial, src);
  }

  /** The MFA session for a device (opened once per run). */
  session(serial: string, setBy?: Sourced<string>): Promise<AwsCredentials> {
    return this.broker.mfaSession(serial, async () => {
      const code = this.o.token !== undefined ? this.o.token.trim() : await this.o.prompt?.(serial);
      if (code === undefined) throw noOneToAsk(serial, setBy);
      this.o.secrets?.addCode(code);
      if (!CODE.test(code)) throw new UsageError(`The MFA code for ${serial} must be 6 digits.`);
      return code;
    }, this.o.durationSeconds ?? MFA_SESSION_SECONDS);
  }
}

function noOneToAsk(serial: string, setBy?: Sourced<string>): UsageError {
  return new UsageError(`MFA device ${serial}${setBy ? ` (set by ${describeSource(setBy.source)})` : ''} needs a code and there is no terminal to ask on: `
    + 'pass --iam-mfa-token or set TGO_IAM_MFA_TOKEN.');
}
