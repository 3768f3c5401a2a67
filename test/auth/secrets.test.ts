import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../../src/auth/secrets.js';

describe('SecretRegistry', () => {
  it('masks every occurrence of a registered secret', () => {
    const s = new SecretRegistry();
    s.add('wJalrXUtnFEMI/K7MDENG', undefined, 'short');
    expect(s.redact('key=wJalrXUtnFEMI/K7MDENG and again wJalrXUtnFEMI/K7MDENG')).toBe('key=*** and again ***');
    expect(s.redact('a short word')).toBe('a short word'); // under 8 characters: not registered
  });
  it('masks a one-time code only where it stands alone', () => {
    const s = new SecretRegistry();
    s.addCode('123456');
    expect(s.redact('MFA code 123456 accepted')).toBe('MFA code *** accepted');
    expect(s.redact('id 91234567 and 123456789')).toBe('id 91234567 and 123456789');
  });
});
