import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultProfileCredentials, findCredentialOverrides, overrideWarning } from '../../src/auth/hygiene.js';

function dirWith(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'tgo-hygiene-'));
  for (const [n, t] of Object.entries(files)) writeFileSync(path.join(d, n), t);
  return d;
}

describe('terraform code that overrides tgo\'s credentials', () => {
  it('finds profile, static keys and assume_role in the AWS provider and the S3 backend, with file:line', () => {
    const d = dirWith({
      'provider.tf': `provider "aws" {
  region  = "us-east-1"
  profile = "prod"
}
provider "aws" {
  alias      = "keys"
  access_key = "AKIA..."
  secret_key = var.secret
  assume_role {
    role_arn = "arn:aws:iam::1:role/x"
  }
}
provider "google" {
  credentials = "x"
}
`,
      'backend.tf': `terraform {
  backend "s3" {
    bucket      = "b"
    assume_role = { role_arn = "arn:aws:iam::1:role/state" }
  }
}
`,
      'main.tf': 'resource "terraform_data" "x" {}\n',
      'notes.txt': 'provider "aws" { profile = "x" }',
    });
    const found = findCredentialOverrides(d);
    expect(found).toEqual([
      { block: 'backend "s3"', setting: 'assume_role', where: 'backend.tf:4' },
      { block: 'provider "aws"', setting: 'profile', where: 'provider.tf:3' },
      { block: 'provider "aws"', setting: 'access_key', where: 'provider.tf:7' },
      { block: 'provider "aws"', setting: 'secret_key', where: 'provider.tf:8' },
      { block: 'provider "aws"', setting: 'assume_role', where: 'provider.tf:9' },
    ]);
    expect(overrideWarning(found[1]!, 'the role credentials tgo injects')).toBe('provider "aws" sets profile (provider.tf:3): it overrides the role credentials tgo injects');
    expect(overrideWarning(found[0]!, 'the credentials tgo serves')).toMatch(/^backend "s3" sets assume_role \(backend\.tf:4\): terraform assumes that role itself on top of the credentials tgo serves/);
  });

  it('clean code, unparsable code and a missing dir find nothing; remote_state settings are found', () => {
    expect(findCredentialOverrides(dirWith({ 'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n' }))).toEqual([]);
    expect(findCredentialOverrides(dirWith({ 'main.tf': 'provider "aws" {{{ profile' }))).toEqual([]);
    expect(findCredentialOverrides('/nonexistent')).toEqual([]);
    expect(findCredentialOverrides(dirWith({}), { backend: 's3', config: { bucket: 'b', profile: 'p', role_arn: 'arn' } })).toEqual([
      { block: 'remote_state (s3)', setting: 'profile', where: 'terragrunt.hcl' },
      { block: 'remote_state (s3)', setting: 'role_arn', where: 'terragrunt.hcl' },
    ]);
  });
});

describe('a default profile that would beat the credential server', () => {
  it('finds credentials in [default] of the shared files, not in other profiles', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'tgo-home-'));
    mkdirSync(path.join(home, '.aws'));
    writeFileSync(path.join(home, '.aws', 'credentials'), '[dev]\naws_access_key_id = AKIA1\n\n[default]\nregion = x\naws_access_key_id = AKIA2\naws_secret_access_key = s\n');
    writeFileSync(path.join(home, '.aws', 'config'), '[profile default]\ncredential_process = get-creds\n[profile ci]\nrole_arn = arn\n');
    expect(defaultProfileCredentials({}, home)).toEqual([
      `${home}/.aws/credentials [default] (aws_access_key_id)`,
      `${home}/.aws/config [default] (credential_process)`,
    ]);
    writeFileSync(path.join(home, 'creds'), '[default]\nregion = eu-west-1\n');
    expect(defaultProfileCredentials({ AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'creds'), AWS_CONFIG_FILE: path.join(home, 'none') }, home)).toEqual([]);
  });
});
