// The module's role by AssumeRole, signed with (in this order) the MFA session of its device, the
// credentials a base source gave the module, or tgo's own default chain.

import { assumeRoleRequest } from '../role.js';
import { describeSource } from '../../shared/provenance.js';
import type { SourceFactory } from '../source.js';

export const assumeRoleSource: SourceFactory = (ctx) => ({
  name: 'AssumeRole',
  stage: 'role',
  async forModule(_module, role, base) {
    if (!role || role.webIdentityToken) return undefined;
    const request = async (renewBase: boolean) => {
      const req = assumeRoleRequest(role);
      // An MFA code is single-use: the role is assumed with the device's one MFA session per run.
      if (role.mfaSerial) req.signWith = await ctx.mfa.session(role.mfaSerial.value, role.mfaSerial);
      else if (base) req.signWith = renewBase && base.renew ? (await base.renew()).credentials : base.credentials;
      return req;
    };
    const issued = await ctx.broker.assume(await request(false));
    const via = role.mfaSerial ? `AssumeRole with the MFA session of ${role.mfaSerial.value}`
      : base ? `AssumeRole with ${base.signer} credentials` : 'AssumeRole';
    return {
      session: {
        credentials: issued.credentials,
        facts: { roleArn: role.roleArn.value, source: describeSource(role.roleArn.source), sessionName: role.sessionName.value, cacheHit: issued.cacheHit, via },
        renew: async (o) => ctx.broker.assume(await request(true), o),
        signer: `role ${role.roleArn.value}`,
      },
    };
  },
});
