// IAM ListAccountAliases for get_aws_account_alias(), signed with the credentials given (a module's assumed
// role) or tgo's own chain. As Terragrunt: the first alias, or "" when the account has none; a failed call is
// an error, not "".

import { iamClient } from './aws-clients.js';
import { withRetries, type AwsCredentials } from './sts.js';

export async function accountAlias(env: NodeJS.ProcessEnv, credentials?: AwsCredentials): Promise<string> {
  const { sdk, client } = await iamClient(env, credentials);
  try {
    const out = await withRetries(() => client.send(new sdk.ListAccountAliasesCommand({})), 3, 250);
    return out.AccountAliases?.[0] ?? '';
  } catch (e) {
    throw new Error(`get_aws_account_alias(): IAM ListAccountAliases failed: ${(e as { name?: string }).name ?? 'Error'}: ${(e as Error).message}`);
  } finally {
    client.destroy();
  }
}
