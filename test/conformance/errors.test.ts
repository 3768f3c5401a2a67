/**
 * Retries and ignored errors as Terragrunt runs them (RunWithErrorHandling in internal/runner/run/options.go,
 * AttemptErrorRecovery in internal/errorconfig/types.go, the default rule in pkg/options/auto_retry_options.go):
 * TestTFRetryError, TestTFRetryFailError, TestTFIgnoreError, TestTFIgnoreSignal, TestTFIgnoreNegativePattern and
 * TestTFNoAutoRetryFlag (test/integration_errors_tf_test.go), plus the classic retryable_errors /
 * retry_max_attempts / retry_sleep_interval_sec attributes and the default retryable errors. The real terraform
 * applies a terraform_data whose local-exec fails until its Nth run (a counter file beside the module).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, run, terraformRan } from './support.js';

/** A module whose apply fails with `message` on stderr until its `succeed_on`-th attempt (never, with 0). */
const FLAKY = `variable "succeed_on" {
  type = number
}
variable "message" {
  type = string
}
resource "terraform_data" "flaky" {
  provisioner "local-exec" {
    command = <<-EOT
      n=$(cat "${'$'}{abspath(path.root)}/attempts" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${'$'}{abspath(path.root)}/attempts"
      if [ ${'$'}{var.succeed_on} -eq 0 ] || [ $n -lt ${'$'}{var.succeed_on} ]; then echo "${'$'}{var.message}" >&2; exit 1; fi
    EOT
  }
}
output "done" {
  value = "applied"
}
`;

function unit(hcl: string, succeedOn: number, message = 'Error: transient failure example1'): string {
  const root = fixture({ 'app/main.tf': FLAKY, 'app/terragrunt.hcl': `inputs = {\n  succeed_on = ${succeedOn}\n  message    = "${message}"\n}\n${hcl}` });
  return path.join(root, 'app');
}
const attempts = (dir: string) => (existsSync(path.join(dir, 'attempts')) ? Number(readFileSync(path.join(dir, 'attempts'), 'utf8').trim()) : 0);
const retryBlock = (name: string, pattern: string, max: number) =>
  `errors {\n  retry "${name}" {\n    retryable_errors   = ["${pattern}"]\n    max_attempts       = ${max}\n    sleep_interval_sec = 0\n  }\n}\n`;
const ignoreBlocks = `errors {
  ignore "example1" {
    ignorable_errors = [".*example1.*"]
    message          = "Ignoring error example1"
    signals = {
      failed  = false
      message = "Failed example1"
    }
  }
  ignore "example2" {
    ignorable_errors = [".*example2.*"]
    message          = "Ignoring error example2"
  }
}
`;

describe('errors { retry }', () => {
  it('a matching failure is run again until it succeeds (TestTFRetryError)', async () => {
    const dir = unit(`${retryBlock('script_errors', '.*transient failure.*', 3)}\n`, 3);
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Encountered retryable error: script_errors');
    expect(r.stderr).toContain('Attempt 1 of 3. Waiting 0 second(s) before retrying...');
    expect(r.stderr).toContain('Attempt 2 of 3.');
    expect(attempts(dir)).toBe(3);
    expect(r.stdout).toMatch(/Apply complete/);
  });

  it('after max_attempts it fails with Terragrunt\'s message (TestTFRetryFailError)', async () => {
    const dir = unit(retryBlock('script_errors', '.*transient failure.*', 3), 0);
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Encountered retryable error: script_errors');
    expect(r.stderr).toContain('max retry attempts (3) reached for error: terraform apply exited with code 1');
    expect(attempts(dir)).toBe(3);
  });

  it('a failure no rule matches is not retried; the errors block replaces the default rule', async () => {
    // "TLS handshake timeout" is a default retryable error, but this module's errors block has its own rules.
    const dir = unit(retryBlock('other', '.*something else.*', 3), 0, 'Error installing provider: TLS handshake timeout');
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Encountered retryable error');
    expect(attempts(dir)).toBe(1);
  });

  it('--no-auto-retry and TG_NO_AUTO_RETRY run it once (TestTFNoAutoRetryFlag)', async () => {
    for (const how of [{ args: ['--no-auto-retry'], env: {} }, { args: [], env: { TG_NO_AUTO_RETRY: 'true' } }]) {
      const dir = unit(retryBlock('script_errors', '.*transient failure.*', 3), 2);
      const r = await run(['apply', '-auto-approve', ...how.args], dir, how.env);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('Encountered retryable error');
      expect(attempts(dir)).toBe(1);
    }
  });

  it('a pattern RE2 refuses is a configuration error naming the file and line; nothing runs', async () => {
    const dir = unit(retryBlock('bad', '(?=lookahead)', 3), 1);
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^ERROR terragrunt\.hcl:7: errors\.retry\.bad\.retryable_errors: invalid retry pattern "\(\?=lookahead\)" in block "bad": error parsing regexp/m);
    expect(terraformRan(r)).toBe(false);
    expect(attempts(dir)).toBe(0);
  });
});

describe('the default rule and the classic attributes', () => {
  it('Terragrunt\'s default retryable errors are retried with no configuration (3 attempts, 5 s apart)', async () => {
    const dir = unit('', 2, 'Error installing provider: TLS handshake timeout');
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Encountered retryable error: default');
    expect(r.stderr).toContain('Attempt 1 of 3. Waiting 5 second(s) before retrying...');
    expect(attempts(dir)).toBe(2);
  });

  it('retryable_errors replaces the default list; retry_max_attempts and retry_sleep_interval_sec set the rest', async () => {
    const classic = 'retryable_errors         = [".*transient failure.*"]\nretry_max_attempts       = 2\nretry_sleep_interval_sec = 0\n';
    const ok = unit(classic, 2);
    const r = await run(['apply', '-auto-approve'], ok);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Attempt 1 of 2. Waiting 0 second(s) before retrying...');
    expect(attempts(ok)).toBe(2);

    const notListed = unit(classic, 2, 'Error installing provider: TLS handshake timeout');
    expect((await run(['apply', '-auto-approve'], notListed)).code).toBe(1);
    expect(attempts(notListed)).toBe(1);
  });
});

describe('errors { ignore }', () => {
  it('a matching failure is a success with Terragrunt\'s warning and the signals file (TestTFIgnoreError, TestTFIgnoreSignal)', async () => {
    const dir = unit(ignoreBlocks, 0);
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Ignoring error, reason: Ignoring error example1');
    expect(r.stderr).not.toContain('Ignoring error example2');
    expect(JSON.parse(readFileSync(path.join(dir, 'error-signals.json'), 'utf8'))).toEqual({ failed: false, message: 'Failed example1' });
    expect(attempts(dir)).toBe(1);
  });

  it('a negated pattern that matches first says no (TestTFIgnoreNegativePattern)', async () => {
    const dir = unit('errors {\n  ignore "all_but_example1" {\n    ignorable_errors = ["!.*example1.*", ".*"]\n    message = "ignored"\n  }\n}\n', 0);
    const r = await run(['apply', '-auto-approve'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Ignoring error');
  });
});

describe('in a run-all and its report', () => {
  it('a retried module and an ignored one succeed; the report gives Terragrunt\'s reasons with the block names', async () => {
    const root = fixture({
      'retried/main.tf': FLAKY,
      'retried/terragrunt.hcl': `inputs = {\n  succeed_on = 2\n  message    = "Error: transient failure"\n}\n${retryBlock('script_errors', '.*transient failure.*', 3)}`,
      'ignored/main.tf': FLAKY,
      'ignored/terragrunt.hcl': `inputs = {\n  succeed_on = 0\n  message    = "Error: example1 broke"\n}\n${ignoreBlocks}`,
    });
    const r = await run(['run-all', 'apply', '--terragrunt-non-interactive', '--report-file', 'report.json'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[retried\] Encountered retryable error: script_errors/);
    expect(r.stderr).toMatch(/retried\s+succeeded\s+\S+\s+retry succeeded \(script_errors, 2 attempts\)/);
    const rows = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as { Name: string; Result: string; Reason?: string; Cause?: string }[];
    expect(rows.map(({ Name, Result, Reason, Cause }) => ({ Name, Result, Reason, Cause })).sort((a, b) => a.Name.localeCompare(b.Name))).toEqual([
      { Name: 'ignored', Result: 'succeeded', Reason: 'error ignored', Cause: 'example1' },
      { Name: 'retried', Result: 'succeeded', Reason: 'retry succeeded', Cause: 'script_errors' },
    ]);
  });
});
