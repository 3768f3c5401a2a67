// Functions that need the evaluator around them: templatestring (which looks at its argument's expression,
// not only its value), and the value-preserving sensitive family and plantimestamp. Expectations are what
// terraform 1.11.4 prints for the same expression (`terraform console`, or a local value where the function
// needs one).
import { describe, expect, it } from 'vitest';
import { terraformFunctions } from '../../../src/config/functions/terraform/index.js';
import { EvalError } from '../../../src/config/hcl/errors.js';
import { evaluate, renderTemplate } from '../../../src/config/hcl/eval.js';
import type { FunctionContext } from '../../../src/config/hcl/functions.js';
import { parseExpression } from '../../../src/config/hcl/parser.js';
import type { Value } from '../../../src/config/hcl/values.js';

const locals: Record<string, Value> = {
  greeting: 'Hello, ${name}!',
  loop: '%{ for x in xs }[${x}]%{ endfor }',
  templates: { a: '${upper(name)}' },
  number: 5,
  bad: '${',
};

function run(src: string): Value {
  const fnContext: FunctionContext = {
    baseDir: process.cwd(),
    renderTemplate: (source, filename, vars) => renderTemplate(source, filename, vars, terraformFunctions, fnContext),
  };
  return evaluate(parseExpression(src, 'test.hcl'), {
    variable: (name) => (name === 'local' ? locals : undefined),
    functions: terraformFunctions,
    fnContext,
  });
}

function error(src: string): string {
  try {
    run(src);
  } catch (e) {
    if (e instanceof EvalError) return e.detail;
    throw e;
  }
  throw new Error(`${src} did not fail`);
}

describe('templatestring', () => {
  it('renders a template held elsewhere with the given variables and the function library', () => {
    expect(run('templatestring(local.greeting, { name = "Alex" })')).toBe('Hello, Alex!');
    expect(run('templatestring(local.loop, { xs = [1, "b", true] })')).toBe('[1][b][true]');
    expect(run('templatestring(local.templates["a"], { name = "x" })')).toBe('X');
  });

  it('refuses an inline template, with terraform\'s messages', () => {
    // terraform console (with the template in a local): templatestring("${local.greeting}", {}) …
    expect(error('templatestring("${local.greeting}", {})')).toBe(
      'Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to treat the inner expression as template syntax, write the reference expression directly without any template interpolation syntax.',
    );
    expect(error('templatestring("Hello $${name}", {name = "x"})')).toBe(
      'Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead.',
    );
    expect(error('templatestring("a ${local.number}", {})')).toBe(
      'Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to render an inline template, consider using a plain template string expression.',
    );
    expect(error('templatestring(lower(local.greeting), {})')).toBe(
      'Invalid value for "template" parameter: invalid template expression: must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax.',
    );
  });

  it('wants a string template and a map of identifiers', () => {
    expect(error('templatestring(local.number, {})')).toBe('Invalid value for "template" parameter: invalid template value: a string is required.');
    expect(error('templatestring(local.greeting, "x")')).toBe('Invalid value for "vars" parameter: invalid vars value: must be a map.');
    expect(error('templatestring(local.greeting, { "a b" = 1 })')).toBe(
      'Invalid value for "vars" parameter: invalid template variable name "a b": must start with a letter, followed by zero or more letters, digits, and underscores.',
    );
  });
});

describe('sensitive, nonsensitive, issensitive', () => {
  it('pass the value through unchanged', () => {
    // terraform console: nonsensitive(sensitive([1, 2])) → [1, 2]; issensitive(1) → false
    expect(run('nonsensitive(sensitive([1, 2]))')).toEqual([1, 2]);
    expect(run('sensitive({ a = "x" }).a')).toBe('x');
    expect(run('nonsensitive(1)')).toBe(1);
    expect(run('issensitive("plain")')).toBe(false);
    expect(run('sensitive(null)')).toBe(null);
  });
});

describe('plantimestamp', () => {
  it('is one RFC 3339 UTC time for the whole run', () => {
    const a = run('plantimestamp()');
    expect(a).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(run('plantimestamp()')).toBe(a);
  });
});
