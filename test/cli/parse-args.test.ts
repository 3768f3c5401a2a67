import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.js';
import { runOptions } from '../../src/cli/options.js';
import { routeArgv } from '../../src/cli/route.js';
import { UsageError } from '../../src/errors.js';

const ARN = 'arn:aws:iam::111111111111:role/cli';

describe('parseArgs: tgo flags anywhere, terraform args untouched and in order', () => {
  it('takes the seed example verbatim: flag before the command', () => {
    const p = parseArgs(['--terragrunt-iam-role', 'arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME', 'apply'], {});
    expect(p.rest).toEqual(['apply']);
    expect(p.flags.get('iamRole')).toEqual({ value: 'arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME', source: { kind: 'flag', name: '--terragrunt-iam-role' } });
  });

  it('removes flags between and after terraform args, keeping the rest in order', () => {
    const p = parseArgs(['plan', '-out=tf.plan', '--terragrunt-iam-role', ARN, '-lock=false', '-var', 'a=b', '--terragrunt-non-interactive'], {});
    expect(p.rest).toEqual(['plan', '-out=tf.plan', '-lock=false', '-var', 'a=b']);
    expect(p.flags.get('iamRole')?.value).toBe(ARN);
    expect(p.flags.get('nonInteractive')?.value).toBe(true);
  });

  it('accepts current names and --flag=value', () => {
    const p = parseArgs(['apply', `--iam-assume-role=${ARN}`, '--iam-assume-role-duration=1800', '--parallelism', '3'], {});
    expect(p.flags.get('iamRole')).toEqual({ value: ARN, source: { kind: 'flag', name: '--iam-assume-role' } });
    expect(p.flags.get('iamDuration')?.value).toBe('1800');
    expect(p.flags.get('parallelism')?.value).toBe(3);
    expect(p.rest).toEqual(['apply']);
  });

  it('accepts classic names with a single dash, but leaves terraform single-dash flags alone', () => {
    const p = parseArgs(['apply', '-terragrunt-iam-role', ARN, '-parallelism=4'], {});
    expect(p.flags.get('iamRole')?.value).toBe(ARN);
    expect(p.flags.has('parallelism')).toBe(false);
    expect(p.rest).toEqual(['apply', '-parallelism=4']);
  });

  it('stops reading tgo flags after a bare --', () => {
    const p = parseArgs(['plan', '--', '-var', 'x=--terragrunt-iam-role'], {});
    expect(p.rest).toEqual(['plan', '-var', 'x=--terragrunt-iam-role']);
    expect(p.flags.has('iamRole')).toBe(false);
  });

  it('flag beats TG_ env which beats TERRAGRUNT_ env', () => {
    const env = { TG_IAM_ASSUME_ROLE: 'arn:aws:iam::1:role/tg', TERRAGRUNT_IAM_ROLE: 'arn:aws:iam::1:role/classic' };
    expect(parseArgs(['apply'], env).flags.get('iamRole')).toEqual({ value: 'arn:aws:iam::1:role/tg', source: { kind: 'env', name: 'TG_IAM_ASSUME_ROLE' } });
    expect(parseArgs(['apply'], { TERRAGRUNT_IAM_ROLE: 'x' }).flags.get('iamRole')?.source).toEqual({ kind: 'env', name: 'TERRAGRUNT_IAM_ROLE' });
    expect(parseArgs(['apply', '--terragrunt-iam-role', ARN], env).flags.get('iamRole')).toEqual({ value: ARN, source: { kind: 'flag', name: '--terragrunt-iam-role' } });
  });

  it('rejects bad values with a message naming the flag', () => {
    expect(() => parseArgs(['--terragrunt-parallelism', 'many', 'plan'], {})).toThrow(/--terragrunt-parallelism expects a whole number, got "many"/);
    expect(() => parseArgs(['plan', '--terragrunt-iam-role'], {})).toThrow(UsageError);
    expect(() => parseArgs(['plan'], { TG_NON_INTERACTIVE: 'maybe' })).toThrow(/TG_NON_INTERACTIVE expects true or false/);
  });
});

describe('runOptions', () => {
  it('builds typed options: unlimited parallelism by default, TF_INPUT=false means non-interactive', () => {
    const o = runOptions(['apply', '-auto-approve'], { TF_INPUT: 'false' }, '/tmp', true);
    expect(o.command).toBe('apply');
    expect(o.args).toEqual(['-auto-approve']);
    expect(o.parallelism).toBe(Number.POSITIVE_INFINITY);
    expect(o.nonInteractive).toBe(true);
    expect(o.workingDir).toBe('/tmp');
    expect(o.all).toBe(true);
  });
  it('rejects parallelism 0 and unknown log levels', () => {
    expect(() => runOptions(['plan', '--parallelism', '0'], {}, '/', true)).toThrow(/at least 1/);
    expect(() => runOptions(['plan', '--log-level', 'loud'], {}, '/', true)).toThrow(/--log-level must be one of/);
  });
  it('resolves --terragrunt-working-dir against the current directory', () => {
    expect(runOptions(['plan', '--terragrunt-working-dir', 'live/prod'], {}, '/repo', false).workingDir).toBe('/repo/live/prod');
  });
});

describe('routeArgv: the command id goes first for oclif', () => {
  it('routes terraform commands to the hidden terraform command, keeping argv order', () => {
    expect(routeArgv(['--terragrunt-iam-role', ARN, 'apply'])).toEqual(['terraform', '--terragrunt-iam-role', ARN, 'apply']);
    expect(routeArgv(['plan', '-out=x'])).toEqual(['terraform', 'plan', '-out=x']);
  });
  it('moves tgo commands to the front even after flags with values', () => {
    expect(routeArgv(['--terragrunt-working-dir', 'live', 'run-all', 'plan'])).toEqual(['run-all', '--terragrunt-working-dir', 'live', 'plan']);
    expect(routeArgv(['run', '--all', 'apply'])).toEqual(['run', '--all', 'apply']);
  });
  it('does not mistake a flag value for the command', () => {
    expect(routeArgv(['--terragrunt-tfpath', 'run-all', 'plan'])).toEqual(['terraform', '--terragrunt-tfpath', 'run-all', 'plan']);
  });
  it('maps the legacy *-all commands to run-all', () => {
    expect(routeArgv(['apply-all', '--terragrunt-non-interactive'])).toEqual(['run-all', 'apply', '--terragrunt-non-interactive']);
  });
  it('leaves help and version alone', () => {
    expect(routeArgv(['--help'])).toEqual(['--help']);
    expect(routeArgv([])).toEqual([]);
  });
});
