// Evaluator tests. The big table's expected values and error messages were produced by running each
// expression through the real `terraform console` (Terraform 1.11.4, as `jsonencode(<expr>)`), so they pin
// HCL's semantics rather than our own guesses.
import { describe, expect, it } from 'vitest';
import { findFunctionCalls, referencedRoots, referencedTraversals } from '../../../src/config/hcl/analysis.js';
import { evaluate, LazyObject, renderTemplate } from '../../../src/config/hcl/eval.js';
import { EvalError } from '../../../src/config/hcl/errors.js';
import { parseConfig, parseExpression } from '../../../src/config/hcl/parser.js';
import { FunctionError, type FunctionTable } from '../../../src/config/hcl/functions.js';
import { HclError, type Value } from '../../../src/config/hcl/values.js';
import { lazyOver, stubFunctions, testLocals, testScope } from './helpers.js';

type Expected = Value | { error: string; detail: string };

/** Evaluates `src` as a standalone expression with the test scope. */
function ev(src: string, scope = testScope()): Value {
  return evaluate(parseExpression(src, 'expr.hcl'), scope);
}

function evalError(src: string, scope = testScope()): EvalError {
  try {
    const v = ev(src, scope);
    throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    return e;
  }
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

// [expression, expected value or error], from terraform console.
const TERRAFORM_TABLE: Array<[string, Expected]> = [
  ["1 + 2 * 3", 7],
  ["(1 + 2) * 3", 9],
  ["10 - 4 - 3", 3],
  ["2 * 3 % 4", 2],
  ["7 / 2", 3.5],
  ["-7 % 3", -1],
  ["5.5 % 2", 1.5],
  ["5 % 0", 5],
  ["1e3", 1000],
  ["0.5 + 0.25", 0.75],
  ["-(3)", -3],
  ["- 2 * 3", -6],
  ["!true", false],
  ["!false || true", true],
  ["!\"false\"", true],
  ["\"5\" + 1", 6],
  ["\"1.5\" * 2", 3],
  ["\"1e2\" + 0", 100],
  ["-\"5\"", -5],
  ["1 < 2", true],
  ["2 <= 2", true],
  ["3 > \"10\"", false],
  ["\"3\" >= 3", true],
  ["1 + 2 > 2 && 3 < 4", true],
  ["true || false && false", true],
  ["(true || false) && false", false],
  ["false == false != true", false],
  ["1 == 1.0", true],
  ["\"1\" == 1", false],
  ["null == null", true],
  ["null != \"x\"", true],
  ["[1, \"a\"] == [1, \"a\"]", true],
  ["{a = 1, b = [2]} == {b = [2], a = 1}", true],
  ["[1] == [2]", false],
  ["\"true\" && true", true],
  ["\"1\" || false", true],
  ["true ? \"a\" : \"b\"", "a"],
  ["false ? \"a\" : \"b\"", "b"],
  ["\"true\" ? 1 : 2", 1],
  ["1 > 2 ? \"gt\" : \"le\"", "le"],
  ["true ? 1 : \"a\"", "1"],
  ["false ? 1 : \"a\"", "a"],
  ["true ? null : \"x\"", null],
  ["false ? null : \"x\"", "x"],
  ["true ? [1, 2] : []", [1,2]],
  ["false ? {a = 1, b = \"x\"} : {}", {}],
  ["true ? {a = 1} : {a = \"x\"}", {"a":"1"}],
  ["true ? [1, \"a\"] : [\"b\", 2]", ["1","a"]],
  ["false ? 1 : [1][5]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value." }],
  ["true ? 1 : [1][5]", 1],
  ["\"hello\"", "hello"],
  ["\"a\\tb\\n\\\"q\\\"\\\\\"", "a\tb\n\"q\"\\"],
  ["\"\\u00e9\\U0001F600\"", "é😀"],
  ["\"$${x} %%{y}\"", "${x} %{y}"],
  ["\"a${1 + 1}b\"", "a2b"],
  ["\"${true} ${1.5} ${\"s\"}\"", "true 1.5 s"],
  ["\"${[1, 2]}\"", [1,2]],
  ["\"${ {a = 1} }\"", {"a":1}],
  ["\"${null}\"", null],
  ["\"x${\"y${\"z\"}\"}\"", "xyz"],
  ["\"%{ if true }yes%{ else }no%{ endif }\"", "yes"],
  ["\"%{ if false }yes%{ endif }\"", ""],
  ["\"%{ if \"true\" }ok%{ endif }\"", "ok"],
  ["\"%{ for x in [\"a\", \"b\"] }${x};%{ endfor }\"", "a;b;"],
  ["\"%{ for i, x in [\"a\", \"b\"] }${i}=${x} %{ endfor }\"", "0=a 1=b "],
  ["\"%{ for k, v in {b = 2, a = 1} }${k}${v}%{ endfor }\"", "a1b2"],
  ["\"a  ${~ \"b\" ~}  c\"", "abc"],
  ["\"x %{~ if true ~} y %{~ endif ~} z\"", "xyz"],
  ["[]", []],
  ["[1, 2, 3,]", [1,2,3]],
  ["[1, [2, [3]]]", [1,[2,[3]]]],
  ["{}", {}],
  ["{a = 1, \"b c\" = 2, c: 3}", {"a":1,"b c":2,"c":3}],
  ["{a = 1, a = 2}", {"a":2}],
  ["{(1 + 1) = \"two\"}", {"2":"two"}],
  ["{true = 1, null = 2, false = 3}", {"false":3,"null":2,"true":1}],
  ["{z = 1, a = 2, m = 3}", {"a":2,"m":3,"z":1}],
  ["{\"${1 + 2}\" = 3}", {"3":3}],
  ["[1, 2, 3][1]", 2],
  ["[1, 2, 3][\"2\"]", 3],
  ["[1, 2][0.0]", 1],
  ["{a = {b = [10, 20]}}.a.b[1]", 20],
  ["{a = {b = [10, 20]}}[\"a\"][\"b\"][0]", 10],
  ["[[1, 2], [3]][0].1", 2],
  ["{a = 1}.a", 1],
  ["[{a = 1}, {a = 2}][*].a", [1,2]],
  ["[{a = 1}, {a = 2}].*.a", [1,2]],
  ["{a = 1}[*].a", [1]],
  ["\"x\"[*]", ["x"]],
  ["null[*]", []],
  ["[[1, 2], [3, 4]][*][0]", [1,3]],
  ["[{a = {b = 1}}, {a = {b = 2}}][*].a.b", [1,2]],
  ["[for x in [1, 2, 3] : x * x]", [1,4,9]],
  ["[for i, x in [\"a\", \"b\"] : \"${i}:${x}\"]", ["0:a","1:b"]],
  ["[for x in [1, 2, 3, 4] : x if x % 2 == 0]", [2,4]],
  ["[for k, v in {b = 2, a = 1} : \"${k}=${v}\"]", ["a=1","b=2"]],
  ["{for x in [\"a\", \"b\"] : x => upper(x)}", {"a":"A","b":"B"}],
  ["{for k, v in {a = 1, b = 2} : v => k}", {"1":"a","2":"b"}],
  ["{for s in [\"ab\", \"ac\", \"bd\"] : substr(s, 0, 1) => s...}", {"a":["ab","ac"],"b":["bd"]}],
  ["{for x in [3, 1, 2] : tostring(x) => x}", {"1":1,"2":2,"3":3}],
  ["[for x in [] : x]", []],
  ["[for x in [1, 2] : [for y in [10, 20] : x + y]]", [[11,21],[12,22]]],
  ["{for k, v in {a = 1} : k => v if v > 5}", {}],
  ["[for x in [\"a\"] : x if true]", ["a"]],
  ["try([1][3], \"fallback\")", "fallback"],
  ["try({}.a, null, \"x\")", null],
  ["try(\"first\", \"second\")", "first"],
  ["can([1][0])", true],
  ["can([1][3])", false],
  ["can(null.x)", false],
  ["try(1 / 0 > 0, false)", true],
  ["[1, 2][2]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection." }],
  ["[1, 2][-1]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence." }],
  ["[1, 2][1.5]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value: indexing a sequence requires a whole number, but the given index has a fractional part." }],
  ["[1, 2][\"a\"]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value: a number is required." }],
  ["[1][true]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value: number required." }],
  ["{a = 1}[\"b\"]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value." }],
  ["{a = 1}[[1]]", { error: "Invalid index", detail: "The given key does not identify an element in this collection value: string required." }],
  ["\"abc\"[0]", { error: "Invalid index", detail: "This value does not have any indices." }],
  ["null.a", { error: "Attempt to get attribute from null value", detail: "This value is null, so it does not have any attributes." }],
  ["\"abc\".a", { error: "Unsupported attribute", detail: "Can't access attributes on a primitive-typed value (string)." }],
  ["true.a", { error: "Unsupported attribute", detail: "Can't access attributes on a primitive-typed value (bool)." }],
  ["[{a = 1}].a", { error: "Unsupported attribute", detail: "This value does not have any attributes." }],
  ["null[0]", { error: "Attempt to index null value", detail: "This value is null, so it does not have any indices." }],
  ["[1][null]", { error: "Invalid index", detail: "Can't use a null value as an indexing key." }],
  ["{a = 1}.b", { error: "Unsupported attribute", detail: "This object does not have an attribute named \"b\"." }],
  ["\"a\" + 1", { error: "Invalid operand", detail: "Unsuitable value for left operand: a number is required." }],
  ["true + 1", { error: "Invalid operand", detail: "Unsuitable value for left operand: number required." }],
  ["[1] + 1", { error: "Invalid operand", detail: "Unsuitable value for left operand: number required." }],
  ["null + 1", { error: "Operation failed", detail: "Error during operation: argument must not be null." }],
  ["1 + null", { error: "Operation failed", detail: "Error during operation: argument must not be null." }],
  ["0 / 0", { error: "Operation failed", detail: "Error during operation: can't divide zero by zero or infinity by infinity." }],
  ["-true", { error: "Invalid operand", detail: "Unsuitable value for unary operand: number required." }],
  ["!1", { error: "Invalid operand", detail: "Unsuitable value for unary operand: bool required." }],
  ["!null", { error: "Operation failed", detail: "Error during operation: argument must not be null." }],
  ["\"yes\" && true", { error: "Invalid operand", detail: "Unsuitable value for left operand: a bool is required." }],
  ["1 && true", { error: "Invalid operand", detail: "Unsuitable value for left operand: bool required." }],
  ["\"TRUE\" || false", { error: "Invalid operand", detail: "Unsuitable value for left operand: a bool is required; to convert from string, use lowercase \"true\"." }],
  ["null && true", { error: "Operation failed", detail: "Error during operation: argument must not be null." }],
  ["null ? 1 : 2", { error: "Null condition", detail: "The condition value is null. Conditions must either be true or false." }],
  ["\"x\" ? 1 : 2", { error: "Incorrect condition type", detail: "The condition expression must be of type bool." }],
  ["true ? [1] : {}", { error: "Inconsistent conditional result types", detail: "The true and false result expressions must have consistent types. The 'true' value is tuple, but the 'false' value is object." }],
  ["false ? 1 : true", { error: "Inconsistent conditional result types", detail: "The true and false result expressions must have consistent types. The 'true' value is number, but the 'false' value is bool." }],
  ["true ? [1, true] : []", { error: "Inconsistent conditional result types", detail: "The true and false result expressions must have consistent types. The 'true' tuple has length 2, but the 'false' tuple has length 0." }],
  ["true ? {a = 1, b = true} : {}", { error: "Inconsistent conditional result types", detail: "The true and false result expressions must have consistent types. The 'true' value includes object attribute \"a\", which is absent in the 'false' value." }],
  ["true ? [1] : [[1]]", { error: "Inconsistent conditional result types", detail: "The true and false result expressions must have consistent types. Type mismatch for tuple element 0: The 'true' value is number, but the 'false' value is tuple." }],
  ["\"a${null}\"", { error: "Invalid template interpolation value", detail: "The expression result is null. Cannot include a null value in a string template." }],
  ["\"a${[1]}\"", { error: "Invalid template interpolation value", detail: "Cannot include the given value in a string template: string required." }],
  ["\"a${ {} }\"", { error: "Invalid template interpolation value", detail: "Cannot include the given value in a string template: string required." }],
  ["\"%{ if \"x\" }a%{ endif }\"", { error: "Incorrect condition type", detail: "The condition expression must be of type bool." }],
  ["\"%{ if null }a%{ endif }\"", { error: "Null condition", detail: "The condition value is null. Conditions must either be true or false." }],
  ["[for x in null : x]", { error: "Iteration over null value", detail: "A null value cannot be used as the collection in a 'for' expression." }],
  ["[for x in \"abc\" : x]", { error: "Iteration over non-iterable value", detail: "A value of type string cannot be used as the collection in a 'for' expression." }],
  ["[for x in [1, 2] : x if x]", { error: "Invalid 'for' condition", detail: "The 'if' clause value is invalid: bool required." }],
  ["[for x in [1, 2] : x if null]", { error: "Condition is null", detail: "The value of the 'if' clause must not be null." }],
  ["{for x in [1, null] : x => 1}", { error: "Invalid object key", detail: "Key expression in 'for' expression must not produce a null value." }],
  ["{for x in [\"a\"] : [x] => 1}", { error: "Invalid object key", detail: "The key expression produced an invalid result: string required." }],
  ["{for x in [\"a\", \"b\", \"a\"] : x => 1}", { error: "Duplicate object key", detail: "Two different items produced the key \"a\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key." }],
  ["{(null) = 1}", { error: "Null value as key", detail: "Can't use a null value as a key." }],
  ["{([1]) = 1}", { error: "Incorrect key type", detail: "Can't use this value as a key: string required." }],
  ["try()", { error: "Error in function call", detail: "Call to function \"try\" failed: at least one argument is required." }],
];

describe('evaluation matches terraform console', () => {
  it.each(TERRAFORM_TABLE)('%s', (src, expected) => {
    if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && 'error' in expected && 'detail' in expected) {
      const e = evalError(src);
      expect(e.summary).toBe(expected.error);
      expect(normalize(e.detail)).toBe(expected.detail);
    } else {
      expect(ev(src)).toEqual(expected);
    }
  });
});

describe('HCL semantics beyond what terraform console shows', () => {
  it('reports ambiguous dotted object keys, but accepts parenthesised and quoted ones', () => {
    const e = evalError('{local.env = 1}');
    expect(e.summary).toBe('Ambiguous attribute key');
    expect(ev('{(local.env) = 1, "local.env" = 2}')).toEqual({ prod: 1, 'local.env': 2 });
  });

  it('formats a failed try() like HCL, listing each failure with its range', () => {
    const e = evalError('try([1][3], {}.x)');
    expect(e.summary).toBe('Error in function call');
    expect(normalize(e.detail)).toBe(
      'Call to function "try" failed: no expression succeeded: - Invalid index (at expr.hcl:1,8-11) The given key does not identify an element in this collection value. - Unsupported attribute (at expr.hcl:1,15-17) This object does not have an attribute named "x". At least one expression must produce a successful result.',
    );
  });

  it('short-circuits && and || on a deciding operand even when the other side fails (hclsyntax v2.24)', () => {
    expect(ev('true || [][0]')).toBe(true);
    expect(ev('[][0] || true')).toBe(true);
    expect(ev('false && null.x')).toBe(false);
    expect(evalError('false || [][0]').summary).toBe('Invalid index');
    expect(evalError('true && null.x').summary).toBe('Attempt to get attribute from null value');
  });

  it('divides by zero to infinity, as cty does, and renders it like terraform', () => {
    expect(ev('1 / 0')).toBe(Infinity);
    expect(ev('-1 / 0')).toBe(-Infinity);
    expect(ev('"x${1 / 0}"')).toBe('x+Inf');
  });

  it('ignores an error in the conditional branch that is not taken, but evaluates both branches', () => {
    let calls = 0;
    const count: FunctionTable = { ...stubFunctions, tick: { params: [], impl: () => ++calls } };
    const scope = { ...testScope(), functions: count };
    expect(ev('local.nothing == null ? "none" : local.nothing.x', scope)).toBe('none');
    expect(ev('true ? tick() : tick()', scope)).toBe(1);
    expect(calls).toBe(2);
  });

  it('unifies conditional result types structurally (numbers become strings next to strings)', () => {
    expect(ev('true ? {a = 1, b = "x"} : {}')).toEqual({ a: '1', b: 'x' });
    expect(ev('true ? [true] : ["x", "y"]')).toEqual(['true']);
    expect(ev('true ? local.azs : []')).toEqual(testLocals.azs);
  });

  it('treats keys as strings and sorts object keys lexically', () => {
    expect(Object.keys(ev('{b = 1, a = 2, "b1" = 3, "a10" = 4, "a9" = 5}') as object)).toEqual(['a', 'a10', 'a9', 'b', 'b1']);
    // JS always enumerates integer-like keys first, in numeric order (terraform would order "10" before "9").
    expect(Object.keys(ev('{b = 1, "10" = 3, "9" = 4}') as object)).toEqual(['9', '10', 'b']);
    expect(Object.keys(ev('{for k in ["z", "y", "x"] : k => k}') as object)).toEqual(['x', 'y', 'z']);
  });

  it('is not confused by keys that are Object.prototype names', () => {
    expect(ev('{__proto__ = 1, constructor = 2}')).toEqual(JSON.parse('{"__proto__":1,"constructor":2}'));
    expect(evalError('{a = 1}.constructor').summary).toBe('Unsupported attribute');
    expect(evalError('{a = 1}["toString"]').summary).toBe('Invalid index');
    expect(evalError('constructor').summary).toBe('Unknown variable');
    expect(evalError('toString(1)').summary).toBe('Call to unknown function');
  });
});

describe('variables and lazy objects', () => {
  it('reads only the traversed keys of a lazy object', () => {
    const reads: string[] = [];
    const scope = testScope({ local: lazyOver({ a: 1, b: 2, c: 3 }, reads) });
    expect(ev('local.b + local["c"]', scope)).toBe(5);
    expect(reads).toEqual(['b', 'c']);
  });

  it('materialises all keys when the whole lazy object is used as a value', () => {
    const reads: string[] = [];
    const scope = testScope({ local: lazyOver({ b: 2, a: 1 }, reads) });
    expect(ev('local', scope)).toEqual({ a: 1, b: 2 });
    expect(reads.sort()).toEqual(['a', 'b']);
  });

  it('supports nested lazy objects (e.g. dependency.<name>.outputs)', () => {
    const reads: string[] = [];
    const vpc = new LazyObject(
      (k) => {
        reads.push(k);
        return k === 'outputs' ? { vpc_id: 'vpc-9' } : undefined;
      },
      () => ['outputs'],
    );
    const scope = testScope({ dependency: new LazyObject((k) => (k === 'vpc' ? vpc : undefined), () => ['vpc']) });
    expect(ev('dependency.vpc.outputs.vpc_id', scope)).toBe('vpc-9');
    expect(ev('[for k, v in dependency : k]', scope)).toEqual(['vpc']);
    expect(reads).toEqual(['outputs']); // iterating `dependency` doesn't touch vpc's outputs
  });

  it('suggests a close attribute name of a lazy object', () => {
    const e = evalError('local.regoin');
    expect(e.summary).toBe('Unsupported attribute');
    expect(e.detail).toBe('This object does not have an attribute named "regoin". Did you mean "region"?');
    expect(e.range.start).toEqual({ line: 1, column: 6, offset: 5 });
  });

  it('reports unknown root variables at the variable', () => {
    const e = evalError('1 + foo.bar');
    expect(e.summary).toBe('Unknown variable');
    expect(e.detail).toBe('There is no variable named "foo".');
    expect(e.range.start.column).toBe(5);
    expect(e.range.end.column).toBe(8);
  });

  it('scopes for-expression variables, shadowing roots only inside the for', () => {
    expect(ev('[for local in [1, 2] : local * 10]')).toEqual([10, 20]);
    expect(ev('{for k, v in local.tags : k => "${local.env}-${v}"}')).toEqual({ Env: 'prod-prod', Owner: 'prod-platform' });
    expect(evalError('[for x in [1] : x + y]').detail).toBe('There is no variable named "y".');
  });

  it('splats over lazy values and nested lists', () => {
    expect(ev('local.instances[*].name')).toEqual(['a', 'b']);
    expect(ev('local.instances.*.size')).toEqual(['small', 'large']);
    expect(ev('local.nothing[*]')).toEqual([]);
    expect(ev('dependency.vpc[*].outputs.vpc_id')).toEqual(['vpc-123']);
  });
});

describe('function calls', () => {
  const fns: FunctionTable = {
    ...stubFunctions,
    pair: { params: ['first', 'second'], impl: ([a, b]) => [a!, b!] },
    opt: { params: ['a', 'b'], optional: 1, impl: (args) => args.length },
    boom: {
      params: ['a', 'b'],
      impl: () => {
        throw new FunctionError('b must be positive.', 1);
      },
    },
    strict: {
      params: ['s'],
      impl: () => {
        throw new HclError('Invalid value: a string is required, but got tuple.');
      },
    },
    buggy: {
      params: [],
      impl: () => {
        throw new TypeError('x is undefined');
      },
    },
  };
  const scope = { ...testScope(), functions: fns };

  it('calls functions with evaluated arguments and expands a final list with ...', () => {
    expect(ev('pair("a", 1 + 1)', scope)).toEqual(['a', 2]);
    expect(ev('pair(["x", "y"]...)', scope)).toEqual(['x', 'y']);
    expect(ev('join("-", local.azs, ["z"])', scope)).toBe('eu-west-1a-eu-west-1b-eu-west-1c-z');
    expect(ev('opt(1)', scope)).toBe(1);
    expect(ev('opt(1, 2)', scope)).toBe(2);
  });

  it('checks arity like HCL', () => {
    let e = evalError('pair("a")', scope);
    expect(e.summary).toBe('Not enough function arguments');
    expect(e.detail).toBe('Function "pair" expects 2 argument(s). Missing value for "second".');
    e = evalError('pair(1, 2, 3)', scope);
    expect(e.summary).toBe('Too many function arguments');
    expect(e.detail).toBe('Function "pair" expects only 2 argument(s).');
    expect(e.range.start.column).toBe(12);
    e = evalError('join()', scope);
    expect(e.detail).toBe('Function "join" expects at least 1 argument(s). Missing value for "separator".');
    e = evalError('pair([1, 2, 3]...)', scope);
    expect(e.summary).toBe('Too many function arguments');
  });

  it('rejects bad expansion arguments', () => {
    expect(evalError('pair(null...)', scope).detail).toBe('The expanding argument (indicated by ...) must not be null.');
    expect(evalError('pair("ab"...)', scope).detail).toBe('The expanding argument (indicated by ...) must be of a tuple, list, or set type.');
  });

  it('suggests close function names for unknown functions', () => {
    const e = evalError('fromat("%s", 1)', scope);
    expect(e.summary).toBe('Call to unknown function');
    expect(e.detail).toBe('There is no function named "fromat". Did you mean "format"?');
    expect(evalError('nosuchthing(1)', scope).detail).toBe('There is no function named "nosuchthing".');
    expect(evalError('provider::aws::arn_parse("x")', scope).detail).toBe('There are no functions in namespace "provider::aws::".');
  });

  it('words a FunctionError about one argument as Terraform does, at that argument', () => {
    const e = evalError('boom(1,\n  -2)', scope);
    expect(e.summary).toBe('Invalid function argument');
    expect(e.detail).toBe('Invalid value for "b" parameter: b must be positive.');
    expect(e.range.start).toEqual({ line: 2, column: 3, offset: 10 });
  });

  it('turns HclError into "Invalid function argument" and other exceptions into call errors', () => {
    const e = evalError('strict([1])', scope);
    expect(e.summary).toBe('Invalid function argument');
    expect(e.detail).toBe('Call to function "strict" failed: Invalid value: a string is required, but got tuple.');
    expect(evalError('buggy()', scope).detail).toBe('Call to function "buggy" failed: x is undefined.');
  });

  it('evaluates try() and can() arguments lazily', () => {
    let calls = 0;
    const s = { ...scope, functions: { ...fns, tick: { params: [], impl: () => ++calls } } };
    expect(ev('try("ok", tick())', s)).toBe('ok');
    expect(ev('try(fail("no"), tick(), tick())', s)).toBe(1);
    expect(calls).toBe(1);
    expect(ev('can(fail("x"))', s)).toBe(false);
    expect(evalError('can()', s).detail).toBe('Function "can" expects 1 argument(s). Missing value for "expression".');
    expect(evalError('can(1, 2)', s).summary).toBe('Too many function arguments');
  });
});

describe('error positions', () => {
  it('points into templates and heredocs at the right line and column of the file', () => {
    const body = parseConfig(
      ['locals {', '  a = "x-${local.nope}"', '  b = <<-EOT', '    line one', '      ${upper(local.azs)} two', '    EOT', '}', ''].join('\n'),
      'cfg.hcl',
    );
    const [a, b] = body.blocks[0]!.body.attributes;
    let e: unknown;
    try {
      evaluate(a!.expr, testScope());
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(EvalError);
    expect((e as EvalError).message).toBe('cfg.hcl:2,17: Unsupported attribute; This object does not have an attribute named "nope". Did you mean "name"?');
    try {
      evaluate(b!.expr, testScope());
      e = undefined;
    } catch (x) {
      e = x;
    }
    expect((e as EvalError).range.start).toMatchObject({ line: 5, column: 9 });
    expect((e as EvalError).summary).toBe('Invalid function argument');
  });

  it('offsets positions of a standalone expression by its start position', () => {
    const expr = parseExpression('[\n  1,\n  x]', 'vars.hcl', { line: 10, column: 5, offset: 200 });
    try {
      evaluate(expr, testScope());
      expect.unreachable();
    } catch (e) {
      expect((e as EvalError).range.start).toEqual({ line: 12, column: 3, offset: 209 });
      expect((e as EvalError).message).toBe('vars.hcl:12,3: Unknown variable; There is no variable named "x".');
    }
    expect(expr.range.start).toEqual({ line: 10, column: 5, offset: 200 });
  });
});

describe('static analysis', () => {
  const expr = parseExpression(
    '{ a = dependency.vpc.outputs.vpc_id, b = [for k, v in local.tags : "${k}${v}${local.env}"], c = local.m[local.k], d = include.root.locals["project"], e = format("%s", try(upper(x.y[0]), "d")), f = [for v in local.l : v.name if v != null][*].a }',
    'a.hcl',
  );

  it('lists referenced root variables, excluding for-expression variables', () => {
    expect([...referencedRoots(expr)].sort()).toEqual(['dependency', 'include', 'local', 'x']);
  });

  it('lists the static prefix of every traversal', () => {
    expect(referencedTraversals(expr)).toEqual([
      ['dependency', 'vpc', 'outputs', 'vpc_id'],
      ['local', 'tags'],
      ['local', 'env'],
      ['local', 'm'],
      ['local', 'k'],
      ['include', 'root', 'locals', 'project'],
      ['x', 'y', '0'],
      ['local', 'l'],
    ]);
  });

  it('finds the functions called anywhere inside', () => {
    expect([...findFunctionCalls(expr)].sort()).toEqual(['format', 'try', 'upper']);
  });

  it('treats template for-directive variables as local too', () => {
    const t = parseExpression('"%{ for k, v in local.m }${k}${v}${other}%{ endfor }"', 't.hcl');
    expect([...referencedRoots(t)].sort()).toEqual(['local', 'other']);
  });
});

describe('renderTemplate', () => {
  it('renders a bare template with only the given variables', () => {
    const out = renderTemplate('Hello ${name}!\n%{ for s in items ~}\n- ${upper(s)}\n%{ endfor ~}\n', 't.tpl', { name: 'World', items: ['a', 'b'] }, stubFunctions, {
      baseDir: '.',
      renderTemplate: () => null,
    });
    expect(out).toBe('Hello World!\n- A\n- B\n');
    // As terraform: every reference is checked first (a branch not taken too), as an error about "vars".
    const missing = (src: string) => {
      try {
        renderTemplate(src, 't.tpl', { a: 1 }, stubFunctions, { baseDir: '.', renderTemplate: () => null });
      } catch (e) {
        return { message: (e as Error).message, argIndex: (e as { argIndex?: number }).argIndex };
      }
      return undefined;
    };
    expect(missing('${local.x}')).toEqual({ message: 'vars map does not contain key "local", referenced at t.tpl:1,3-8', argIndex: 1 });
    expect(missing('%{ if a == 1 }${a}%{ else }${b}%{ endif }')).toEqual({ message: 'vars map does not contain key "b", referenced at t.tpl:1,30-31', argIndex: 1 });
    expect(missing('%{ for b in [a] }${b}%{ endfor }')).toBeUndefined();
  });
});
