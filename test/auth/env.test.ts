import { describe, expect, it } from 'vitest';
import { injectContainerCredentials, injectCredentials } from '../../src/auth/env.js';

const tgoEnv = () => ({
  PATH: '/bin', AWS_ACCESS_KEY_ID: 'AKIABASE', AWS_SECRET_ACCESS_KEY: 'base', AWS_SESSION_TOKEN: 'base-token',
  AWS_PROFILE: 'dev', AWS_DEFAULT_PROFILE: 'dev', AWS_ROLE_ARN: 'arn', AWS_REGION: 'eu-west-1',
});

describe('module environment', () => {
  it('static injection: role keys in, shadowing variables out, a note for what was dropped', () => {
    const env: Record<string, string> = { ...tgoEnv(), AWS_SECURITY_TOKEN: 'stale-from-an-old-session' };
    const removed = injectCredentials(env, { accessKeyId: 'ASIAROLE', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) });
    expect(removed).toEqual(['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ROLE_ARN', 'AWS_SECURITY_TOKEN']);
    expect(env).toEqual({
      PATH: '/bin', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'ASIAROLE', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't', AWS_SECURITY_TOKEN: 't',
      AWS_CREDENTIAL_EXPIRATION: '1970-01-01T00:00:00.000Z',
    });
    // tgo's own matching AWS_SECURITY_TOKEN is not "stale".
    expect(injectCredentials({ AWS_SESSION_TOKEN: 'x', AWS_SECURITY_TOKEN: 'x' }, { accessKeyId: 'a', secretAccessKey: 'b' })).toEqual([]);
  });

  it('credential server: no static keys at all, only the endpoint and the module token', () => {
    const env: Record<string, string> = { ...tgoEnv(), AWS_SECURITY_TOKEN: 'base-token', AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/x' };
    const removed = injectContainerCredentials(env, { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1/v1/credentials', AWS_CONTAINER_AUTHORIZATION_TOKEN: 'tok' });
    expect(removed).toEqual(['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ROLE_ARN', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']);
    expect(env).toEqual({ PATH: '/bin', AWS_REGION: 'eu-west-1', AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1/v1/credentials', AWS_CONTAINER_AUTHORIZATION_TOKEN: 'tok' });
  });
});
