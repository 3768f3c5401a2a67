// Every credential source tgo knows, in the order they are asked within their stage. A new way of getting
// credentials (SSO, a vault, a CI token exchange) is one file in this directory and one line here.

import type { SourceFactory } from '../source.js';
import { assumeRoleSource } from './assume-role.js';
import { authCommandSource } from './auth-command.js';
import { webIdentitySource } from './web-identity.js';

export const CREDENTIAL_SOURCES: readonly SourceFactory[] = [
  authCommandSource,
  webIdentitySource,
  assumeRoleSource,
];
