// The module's role by AssumeRoleWithWebIdentity: the OIDC token is the credential, so nothing signs the call.

import { assumeRoleRequest } from '../role.js';
import { describeSource } from '../../shared/provenance.js';
import type { SourceFactory } from '../source.js';

export const webIdentitySource: SourceFactory = (ctx) => ({
  name: 'AssumeRoleWithWebIdentity',
  stage: 'role',
  async forModule(_module, role) {
    if (!role?.webIdentityToken) return undefined;
    const req = assumeRoleRequest(role);
    const issued = await ctx.broker.assume(req);
    return {
      session: {
        credentials: issued.credentials,
        facts: { roleArn: role.roleArn.value, source: describeSource(role.roleArn.source), sessionName: role.sessionName.value, cacheHit: issued.cacheHit, via: 'AssumeRoleWithWebIdentity' },
        renew: (o) => ctx.broker.assume(req, o),
        signer: `role ${role.roleArn.value}`,
      },
    };
  },
});
