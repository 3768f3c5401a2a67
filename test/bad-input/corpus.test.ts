/**
 * The bad-input corpus: tiny stacks that are wrong in one way each. For every case, through the real CLI:
 * a non-zero exit, exactly one error line, asserted whole (the file, the line where one exists, the attribute
 * and the problem), no stack trace, and not a single terraform process started (the fake terraform records
 * every start).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeFakeTerraform, type FakeTerraform } from '../support/fake-terraform.js';
import { baseEnv, tgo } from '../support/tgo.js';
import { moduleHcl, writeStack } from '../support/stack.js';

let tf: FakeTerraform;
beforeAll(async () => {
  tf = await makeFakeTerraform();
});

interface Case {
  files: Record<string, string>;
  /** Defaults to run-all apply --terragrunt-non-interactive. */
  args?: string[];
  env?: Record<string, string>;
  /** The whole error line after "ERROR " (file, line, attribute and problem), with the stack's dir as <root>. */
  error: string;
}

const ROLE = 'iam_role = "arn:aws:iam::111111111111:role/deploy"\n';
const ok = { 'ok/terragrunt.hcl': '' }; // a good module next to the bad one: it must not run either

const cases: Record<string, Case> = {
  // HCL syntax
  'attribute without a value': { files: { ...ok, 'bad/terragrunt.hcl': 'inputs = {\n  x =\n}\n' }, error: 'bad/terragrunt.hcl:2,6: Invalid expression: Expected the start of an expression, but found an invalid expression token.' },
  'unclosed block': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = 1\n' }, error: 'bad/terragrunt.hcl:1,8: Unclosed configuration block: There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.' },
  'unclosed string': { files: { ...ok, 'bad/terragrunt.hcl': 'iam_role = "arn:aws\n' }, error: 'bad/terragrunt.hcl:1,20: Invalid multi-line string: Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.' },
  'unterminated heredoc': { files: { ...ok, 'bad/terragrunt.hcl': 'inputs = {\n  doc = <<EOT\nhello\n}\n' }, error: 'bad/terragrunt.hcl:5,1: Unterminated template string: No closing marker was found for the string. A heredoc ends with a line containing only "EOT", followed by a newline.' },
  'unclosed interpolation': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = "x-${local.b"\n}\n' }, error: 'bad/terragrunt.hcl:2,20: Invalid multi-line string: Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.'},
  'invalid character': { files: { ...ok, 'bad/terragrunt.hcl': 'inputs = {\n  a = @\n}\n' }, error: 'bad/terragrunt.hcl:2,7: Invalid character: This character is not used within the language.' },
  'block label without a body': { files: { ...ok, 'bad/terragrunt.hcl': 'iam_role "arn:aws:iam::1:role/x"\n' }, error: 'bad/terragrunt.hcl:1,33: Invalid block definition: A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.' },
  'if directive without endif': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = "%{ if true }yes"\n}\n' }, error: 'bad/terragrunt.hcl:2,23: Unexpected end of template: The if directive at <root>/bad/terragrunt.hcl:2,8-20 is missing its corresponding endif directive.' },
  'attribute set twice': { files: { ...ok, 'bad/terragrunt.hcl': 'skip = false\nskip = true\n' }, error: 'bad/terragrunt.hcl:2,1: Attribute redefined: The argument "skip" was already set at <root>/bad/terragrunt.hcl:1,1-5. Each argument may be set only once.' },
  'unterminated comment': { files: { ...ok, 'bad/terragrunt.hcl': '/* a comment\nskip = true\n' }, error: 'bad/terragrunt.hcl:1,1: Unterminated comment: There is no closing "*/" for this comment before the end of the file.' },
  // Evaluation
  'unknown function': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  role = fromat("x")\n}\n' }, error: 'bad/terragrunt.hcl:2,10: locals.role: Call to unknown function: There is no function named "fromat". Did you mean "format"?' },
  'unknown variable': { files: { ...ok, 'bad/terragrunt.hcl': 'inputs = {\n  a = var.region\n}\n' }, error: 'bad/terragrunt.hcl:2,7: inputs: Unknown variable: There is no variable named "var".' },
  'unknown local': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = 1\n}\ninputs = {\n  b = local.aa\n}\n' }, error: 'bad/terragrunt.hcl:5,12: inputs: Unsupported attribute: This object does not have an attribute named "aa". Did you mean "a"?' },
  'wrong argument type': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = upper(["x"])\n}\n' }, error: 'bad/terragrunt.hcl:2,13: locals.a: Invalid function argument: Invalid value for "str" parameter: string required.' },
  'too few arguments': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = substr("abc")\n}\n' }, error: 'bad/terragrunt.hcl:2,19: locals.a: Not enough function arguments: Function "substr" expects 3 argument(s). Missing value for "offset".' },
  'operator on wrong types': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = "abc" + 1\n}\n' }, error: 'bad/terragrunt.hcl:2,7: locals.a: Invalid operand: Unsuitable value for left operand: a number is required.' },
  'locals cycle': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\n' }, error: 'bad/terragrunt.hcl:2: locals.a: cycle in locals: a -> b -> c -> a' },
  'local referring to itself': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = "${local.a}-x"\n}\n' }, error: 'bad/terragrunt.hcl:2: locals.a: cycle in locals: a -> a' },
  'local defined twice': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n' }, error: 'bad/terragrunt.hcl:5: locals.a: local "a" is defined twice (also at line 2)' },
  'missing include file': { files: { ...ok, 'bad/terragrunt.hcl': 'include "root" {\n  path = "../nope.hcl"\n}\n' }, error: 'bad/terragrunt.hcl:1: include.root: nope.hcl does not exist' },
  'include not found in parent folders': { files: { ...ok, 'bad/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root-nope.hcl")\n}\n' }, error: 'bad/terragrunt.hcl:2,10: include.root.path: Error in function call: Call to function "find_in_parent_folders" failed: could not find a root-nope.hcl in any of the parent folders of <root>/bad/terragrunt.hcl.' },
  'include path is not a string': { files: { ...ok, 'bad/terragrunt.hcl': 'include "root" {\n  path = ["a"]\n}\n' }, error: 'bad/terragrunt.hcl:2: include.root.path: path must be a non-empty string' },
  'nested include': { files: { ...ok, 'root.hcl': 'include "more" {\n  path = "more.hcl"\n}\n', 'more.hcl': '', 'bad/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n' },
    error: 'root.hcl:1: include: an included file cannot include another file (only one level of include is allowed; it is included from bad/terragrunt.hcl)' },
  'read_terragrunt_config of a missing file': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  acct = read_terragrunt_config("account.hcl")\n}\n' }, error: 'bad/terragrunt.hcl:2,34: locals.acct: Invalid function argument: Invalid value for "config_path" parameter: <root>/bad/account.hcl does not exist.' },
  'read_terragrunt_config of a broken file': { files: { ...ok, 'bad/account.hcl': 'locals {\n  id = \n}\n', 'bad/terragrunt.hcl': 'locals {\n  acct = read_terragrunt_config("account.hcl")\n}\n' }, error: 'bad/account.hcl:2,8: Invalid expression: Expected the start of an expression, but found an invalid expression token.' },
  'read_tfvars_file of a missing file': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  v = read_tfvars_file("nope.tfvars")\n}\n' }, error: 'bad/terragrunt.hcl:2,25: locals.v: Invalid function argument: Invalid value for "path" parameter: <root>/bad/nope.tfvars does not exist.' },
  'get_env without default': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  r = get_env("TGO_TEST_SURELY_UNSET")\n}\n' }, error: 'bad/terragrunt.hcl:2,16: locals.r: Invalid function argument: Invalid value for "name" parameter: environment variable "TGO_TEST_SURELY_UNSET" is not set and no default was given.' },
  'run_cmd failing': { files: { ...ok, 'bad/terragrunt.hcl': 'locals {\n  v = run_cmd("false")\n}\n' }, error: 'bad/terragrunt.hcl:2,7: locals.v: Error in function call: Call to function "run_cmd" failed: run_cmd("false") failed: exit code 1.' },
  // Structure
  'unknown attribute': { files: { ...ok, 'bad/terragrunt.hcl': 'iam_rol = "x"\n' }, error: 'bad/terragrunt.hcl:1,1: Unsupported argument: an argument named "iam_rol" is not expected here. Did you mean "iam_role"?' },
  'unknown block type': { files: { ...ok, 'bad/terragrunt.hcl': 'dependancy "vpc" {\n  config_path = "../vpc"\n}\n' }, error: 'bad/terragrunt.hcl:1,1: Unsupported block type: blocks of type "dependancy" are not expected here. Did you mean "dependency"?' },
  'missing required attribute': { files: { ...ok, 'bad/terragrunt.hcl': 'dependency "vpc" {\n  mock_outputs = {}\n}\n' }, error: 'bad/terragrunt.hcl:1: dependency.vpc: Missing required argument: the argument "config_path" is required.' },
  'duplicate dependency label': { files: { ...ok, 'bad/terragrunt.hcl': 'dependency "x" {\n  config_path = "../ok"\n}\ndependency "x" {\n  config_path = "../ok"\n}\n' }, error: 'bad/terragrunt.hcl:4: Duplicate dependency "x": a block with this label is already defined at line 1.' },
  'inputs not an object': { files: { ...ok, 'bad/terragrunt.hcl': 'inputs = "a"\n' }, error: 'bad/terragrunt.hcl:1: inputs: must be an object, got string "a"' },
  'invalid merge_strategy': { files: { ...ok, 'root.hcl': '', 'bad/terragrunt.hcl': 'include "r" {\n  path = "../root.hcl"\n  merge_strategy = "deeper"\n}\n' }, error: 'bad/terragrunt.hcl:3: include.r.merge_strategy: merge_strategy must be "no_merge", "shallow" or "deep", got "deeper"' },
  'invalid if_exists': { files: { ...ok, 'bad/terragrunt.hcl': 'generate "p" {\n  path = "p.tf"\n  if_exists = "sometimes"\n  contents = ""\n}\n' }, error: 'bad/terragrunt.hcl:3: generate.p.if_exists: must be one of "overwrite", "overwrite_terragrunt", "skip", "error", got "sometimes"' },
  'iam_role reading a dependency': { files: { ...ok, 'bad/terragrunt.hcl': 'dependency "r" {\n  config_path = "../ok"\n}\niam_role = dependency.r.outputs.arn\n' }, error: 'bad/terragrunt.hcl:4: iam_role: iam_role cannot read dependency outputs: it is evaluated before dependencies are known (as in Terragrunt)' },
  // Dependencies
  'dependency that does not exist': { files: { ...ok, 'bad/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../vpc"\n}\n' }, error: 'bad/terragrunt.hcl:1: dependency.vpc.config_path: vpc does not exist' },
  'dependency without terragrunt.hcl': { files: { ...ok, 'vpc/main.tf': '', 'bad/terragrunt.hcl': 'dependency "vpc" {\n  config_path = "../vpc"\n}\n' }, error: 'bad/terragrunt.hcl:1: dependency.vpc.config_path: vpc has no terragrunt.hcl or terragrunt.hcl.json' },
  'dependencies.paths that do not exist': { files: { ...ok, 'bad/terragrunt.hcl': moduleHcl(['../gone']) }, error: 'bad/terragrunt.hcl: dependencies.paths: gone does not exist' },
  'two-module dependency cycle': { files: { ...ok, 'a/terragrunt.hcl': moduleHcl(['../b']), 'b/terragrunt.hcl': moduleHcl(['../a']) }, error: 'Found a dependency cycle between modules: a -> b -> a' },
  'three-module dependency cycle': { files: { 'a/terragrunt.hcl': moduleHcl(['../b']), 'b/terragrunt.hcl': 'dependency "c" {\n  config_path = "../c"\n}\n', 'c/terragrunt.hcl': moduleHcl(['../a']) },
    error: 'Found a dependency cycle between modules: a -> b -> c -> a' },
  // Roles
  'role ARN that is not a role': { files: { ...ok, 'bad/terragrunt.hcl': 'iam_role = "arn:aws:iam::111111111111:user/bob"\n' }, error: 'bad/terragrunt.hcl:1: invalid IAM role ARN "arn:aws:iam::111111111111:user/bob": expected arn:aws:iam::<account-id>:role/<role-name>' },
  'role ARN from the flag that is not an ARN': { files: ok, args: ['run-all', 'plan', '--terragrunt-iam-role', 'deploy'], error: '--terragrunt-iam-role: invalid IAM role ARN "deploy": expected arn:aws:iam::<account-id>:role/<role-name>' },
  'duration out of range': { files: { ...ok, 'bad/terragrunt.hcl': `${ROLE}iam_assume_role_duration = 60\n` }, error: 'bad/terragrunt.hcl:2: iam_assume_role_duration must be between 900 and 43200 seconds, got 60' },
  'duration not a number (env)': { files: ok, args: ['run-all', 'plan', '--iam-assume-role', 'arn:aws:iam::111111111111:role/x'], env: { TERRAGRUNT_IAM_ASSUME_ROLE_DURATION: '1h' },
    error: 'TERRAGRUNT_IAM_ASSUME_ROLE_DURATION: iam_assume_role_duration must be a whole number of seconds, got "1h"' },
  'session name with spaces (flag)': { files: { ...ok, 'bad/terragrunt.hcl': ROLE }, args: ['run-all', 'plan', '--terragrunt-iam-assume-role-session-name', 'my session'],
    error: '--terragrunt-iam-assume-role-session-name: invalid session name "my session": 2-64 characters of letters, digits and + = , . @ - _' },
  'session name too long': { files: { ...ok, 'bad/terragrunt.hcl': `${ROLE}iam_assume_role_session_name = "${'s'.repeat(65)}"\n` }, error: `bad/terragrunt.hcl:2: invalid session name "${'s'.repeat(65)}": 2-64 characters of letters, digits and + = , . @ - _` },
  'web identity token file missing': { files: { ...ok, 'bad/terragrunt.hcl': `${ROLE}iam_web_identity_token = "/run/secrets/nope/token"\n` }, error: 'bad/terragrunt.hcl:2: web identity token file /run/secrets/nope/token does not exist' },
  'web identity token file empty': { files: { ...ok, 'token': '', 'bad/terragrunt.hcl': `${ROLE}iam_web_identity_token = "\${get_terragrunt_dir()}/../token"\n` }, error: 'bad/terragrunt.hcl:2: web identity token file <root>/bad/../token is empty' },
  // Command line
  'parallelism not a number': { files: ok, args: ['run-all', 'plan', '--terragrunt-parallelism', 'lots'], error: '--terragrunt-parallelism expects a whole number, got "lots".' },
  'parallelism zero': { files: ok, args: ['run-all', 'plan', '--parallelism=0'], error: '--parallelism must be at least 1, got 0' },
  'unknown log level': { files: ok, args: ['run-all', 'plan', '--terragrunt-log-level', 'chatty'], error: '--terragrunt-log-level must be one of error, warn, info, debug, got "chatty"' },
  'flag without its value': { files: ok, args: ['run-all', 'plan', '--terragrunt-iam-role'], error: 'Flag --terragrunt-iam-role needs a value.' },
  'unknown run-all command': { files: ok, args: ['run-all', 'aplly'], error: 'Unknown terraform command "aplly". Did you mean "apply"?' },
  'run-all without a command': { files: ok, args: ['run-all'], error: 'Missing run-all command argument (example: tgo run-all plan).' },
  'refused run-all command': { files: ok, args: ['run-all', 'taint', 'aws_s3_bucket.b'], error: 'taint with run-all is disabled: it marks one resource in one state. Run it in the one module instead.' },
  'empty directory': { files: { 'notes.txt': '' }, args: ['run-all', 'plan'], error: '<root>: no terragrunt.hcl or terragrunt.hcl.json found in <root> or below: nothing to run' },
  'single module: no terragrunt.hcl here': { files: { 'notes.txt': '' }, args: ['plan'], error: 'terragrunt.hcl: file does not exist' },
  // A directory where the file should be: unreadable even for root (CI runs as root, so chmod 000 would not do).
  'unreadable config file': { files: { 'bad/terragrunt.hcl/x': '' }, args: ['plan', '--terragrunt-working-dir', 'bad'], error: 'terragrunt.hcl: cannot read file: EISDIR: illegal operation on a directory, read' },
};

describe.concurrent('bad input', () => {
  it.each(Object.entries(cases))('%s', async (_name, c) => {
    const root = writeStack(c.files);
    mkdirSync(path.join(root, '.records'), { recursive: true });
    const args = c.args ?? ['run-all', 'apply', '--terragrunt-non-interactive'];
    const r = await tgo([...args, '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv(c.env ?? {}) });
    expect(r.code, r.stderr).not.toBe(0);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('ERROR'));
    expect(errors, r.stderr).toHaveLength(1);
    expect(errors[0]!.split(root).join('<root>')).toBe(`ERROR ${c.error}`);
    expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    expect(tf.records().filter((x) => x.cwd.startsWith(root))).toEqual([]);
  });

  it('--terragrunt-log-level debug adds the stack trace', async () => {
    const root = writeStack({ 'a/terragrunt.hcl': 'locals {\n  a = nope()\n}\n' });
    const r = await tgo(['run-all', 'plan', '--terragrunt-log-level', 'debug', '--terragrunt-tfpath', tf.path], { cwd: root, env: baseEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\s+at .*\.js:\d+:\d+\)?$/m);
  });
});
