// --auth-provider-cmd as a base source: the command's credentials (or the role it names, assumed with tgo's
// own chain) are what the module starts from, and its `envs` go into the module's environment.

import { UsageError } from '../../errors.js';
import { AuthProvider, type AuthProviderRole } from '../auth-provider-cmd.js';
import { DEFAULT_DURATION, ROLE_ARN } from '../../config/role-params.js';
import type { CredentialSource, SourceFactory } from '../source.js';
import type { AssumeRoleRequest } from '../sts.js';

const NAME = 'auth-provider-cmd';

export const authCommandSource: SourceFactory = (ctx) => {
  const cmd = ctx.options.authProviderCmd;
  if (!cmd) return undefined;
  // The command's stderr is logged under the module it ran for.
  const ids = new Map<string, string>();
  const provider = new AuthProvider(cmd, {
    env: ctx.options.env,
    secrets: ctx.secrets,
    onStderr: (dir, line) => ctx.log('debug', `auth provider command: ${line}`, ids.get(dir) ?? dir),
  });
  const request = (role: AuthProviderRole): AssumeRoleRequest => {
    if (!ROLE_ARN.test(role.roleArn)) throw new UsageError(`auth provider command ${cmd}: awsRole.roleARN "${role.roleArn}" is not an IAM role ARN`);
    return {
      roleArn: role.roleArn,
      sessionName: role.sessionName ?? ctx.sessionName,
      durationSeconds: role.durationSeconds ?? DEFAULT_DURATION,
      webIdentityToken: role.webIdentityToken,
    };
  };
  const source: CredentialSource = {
    name: NAME,
    stage: 'base',
    async forModule(module) {
      ids.set(module.dir, module.id);
      const r = await provider.forModule(module.dir);
      if (r.credentials) {
        // Static keys: they cannot be renewed, so the credential server never serves them.
        const facts = { roleArn: '(static credentials)', source: NAME, sessionName: '(none)', cacheHit: false, via: `${NAME} awsCredentials` };
        return { env: r.envs, session: { credentials: r.credentials, facts, signer: `${NAME} awsCredentials` } };
      }
      if (r.role) {
        const req = request(r.role);
        const issued = await ctx.broker.assume(req);
        const via = `${NAME} awsRole (${req.webIdentityToken ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'})`;
        return {
          env: r.envs,
          session: {
            credentials: issued.credentials,
            facts: { roleArn: req.roleArn, source: NAME, sessionName: req.sessionName, cacheHit: issued.cacheHit, via },
            renew: (o) => ctx.broker.assume(req, o),
            signer: `${NAME} awsRole`,
          },
        };
      }
      return { env: r.envs };
    },
  };
  return source;
};
