// Evaluates HCL expressions to plain JS values with hclsyntax's semantics: implicit conversions for
// operators and templates (hcl/convert.ts), type unification in conditionals, code point key order for
// objects, and HCL's error wording. Every error is an EvalError carrying the range of the offending sub-expression.
// Root variables come from the caller's scope; `local`-style roots may be LazyObjects whose attributes are
// computed only when traversed.
import type {
  BinaryOpExpr,
  ConditionalExpr,
  Expr,
  ForExpr,
  FunctionCallExpr,
  ObjectExpr,
  Range,
  TemplateExpr,
  TemplateForExpr,
  TemplateIfExpr,
  Traverser,
} from './ast.js';
import { EvalError, formatRange, nameSuggestion } from './errors.js';
import { parseTemplate } from './parser.js';
import { conditionUsesLoopVars, startRange, walkExpr } from './analysis.js';
import { boolOrMessage, convertTo, describeMismatch, numberOrMessage, primitiveToString, typeOf, tyEquals, unify, type Ty } from './convert.js';
import { checkArity, FunctionError, invoke, lookupFunction, unknownFunction, type FunctionContext, type FunctionTable } from './functions.js';
import * as num from './numbers.js';
import type { Num } from './numbers.js';
import { compareStrings, hasOwn, nfc, setProp, sortedObject, typeName, valuesEqual, type Value, type ValueObject } from './values.js';

export interface EvalScope {
  /** Root variable lookup (`local`, `include`, `dependency`, `path`, …). Return undefined if unknown. */
  variable(name: string): Value | LazyObject | undefined;
  functions: FunctionTable;
  fnContext: FunctionContext;
}

/**
 * An object whose attributes are computed on demand: traversing `.x` calls get('x') only, while using the
 * whole object as a value materialises every key. get may itself return a LazyObject (nested laziness).
 */
export class LazyObject {
  constructor(
    readonly get: (key: string) => Value | LazyObject | undefined,
    readonly keys: () => string[],
  ) {}
}

/** A value during evaluation: lazy objects stay lazy until something needs the whole value. */
type EV = Value | LazyObject;

/** Evaluates an expression; throws EvalError on any evaluation problem. */
export function evaluate(expr: Expr, scope: EvalScope): Value {
  return materialize(evaluateLazy(expr, scope));
}

/**
 * Evaluates an expression keeping a LazyObject result lazy (a local holding read_terragrunt_config's value: its
 * parts are computed, or found unknown, only when something reads them).
 */
export function evaluateLazy(expr: Expr, scope: EvalScope): Value | LazyObject {
  try {
    return new Evaluator(scope).eval(expr, null);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new EvalError(expr.range, 'Expression too complex', 'The expression is nested too deeply to evaluate.');
    }
    throw e;
  }
}

/**
 * Parses and renders a bare template (templatefile contents) with only `vars` as variables: a convenience
 * for implementing FunctionContext.renderTemplate.
 */
export function renderTemplate(
  source: string,
  filename: string,
  vars: Record<string, Value>,
  functions: FunctionTable,
  fnContext: FunctionContext,
): Value {
  const expr = parseTemplate(source, filename);
  // Like terraform, every reference is checked before anything is evaluated (a branch not taken too), and a
  // missing one is an error about the vars argument, naming where the template uses it.
  walkExpr(expr, (e, bound) => {
    if (e.kind === 'scopeTraversal' && !bound.has(e.root) && !hasOwn(vars, e.root)) {
      throw new FunctionError(`vars map does not contain key ${JSON.stringify(e.root)}, referenced at ${formatRange(e.rootRange)}`, 1);
    }
  });
  return evaluate(expr, { variable: (name) => (hasOwn(vars, name) ? vars[name] : undefined), functions, fnContext });
}

// --- lazy values -------------------------------------------------------------------------------------------

/** A lazy value made whole (every key computed). */
export function materialize(v: EV): Value {
  if (!(v instanceof LazyObject)) return v;
  const keys = [...v.keys()].sort(compareStrings);
  const out: ValueObject = {};
  for (const k of keys) {
    const x = v.get(k);
    if (x !== undefined) setProp(out, k, materialize(x));
  }
  return out;
}

function typeNameOf(v: EV): string {
  return v instanceof LazyObject ? 'object' : typeName(v);
}

// --- the evaluator -----------------------------------------------------------------------------------------

/** For-loop variables: one frame per iteration, chained to the enclosing ones. */
interface Frame {
  valVar: string;
  val: EV;
  keyVar: string | undefined;
  key: EV;
  parent: Frame | null;
}

function fail(range: Range, summary: string, detail: string): never {
  throw new EvalError(range, summary, detail);
}


class Evaluator {
  private readonly splatItems: EV[] = [];

  constructor(private readonly scope: EvalScope) {}

  eval(e: Expr, frame: Frame | null): EV {
    switch (e.kind) {
      case 'literal':
        return e.value;
      case 'scopeTraversal': {
        let v = this.lookup(e.root, e.rootRange, frame);
        for (const step of e.traversal) v = this.step(v, step, frame);
        return v;
      }
      case 'relativeTraversal': {
        let v = this.eval(e.source, frame);
        for (const step of e.traversal) v = this.step(v, step, frame);
        return v;
      }
      case 'template':
        return this.template(e, frame);
      case 'templateWrap':
        return this.eval(e.wrapped, frame);
      case 'paren':
        return this.eval(e.inner, frame);
      case 'index': {
        const coll = this.eval(e.collection, frame);
        const key = materialize(this.eval(e.key, frame));
        const bracket: Range = { filename: e.range.filename, start: e.collection.range.end, end: e.range.end };
        return this.index(coll, key, bracket);
      }
      case 'splat':
        return this.splat(e.source, e.each, frame);
      case 'splatItem': {
        const n = this.splatItems.length;
        return n > 0 ? this.splatItems[n - 1]! : null;
      }
      case 'call':
        return this.call(e, frame);
      case 'conditional':
        return this.conditional(e, frame);
      case 'binary':
        return this.binary(e, frame);
      case 'unary':
        return this.unary(e.op, e.operand, e.range, frame);
      case 'tuple': {
        const out: Value[] = new Array(e.items.length);
        for (let i = 0; i < e.items.length; i++) out[i] = materialize(this.eval(e.items[i]!, frame));
        return out;
      }
      case 'object':
        return this.object(e, frame);
      case 'for':
        return this.forExpr(e, frame);
      case 'templateIf':
        return this.templateIf(e, frame);
      case 'templateFor':
        return this.templateFor(e, frame);
    }
  }

  // --- variables and traversal ---

  private lookup(name: string, range: Range, frame: Frame | null): EV {
    for (let f = frame; f !== null; f = f.parent) {
      if (f.valVar === name) return f.val;
      if (f.keyVar === name) return f.key;
    }
    const v = this.scope.variable(name);
    if (v === undefined || typeof v === 'function') return fail(range, 'Unknown variable', `There is no variable named "${name}".`);
    return v;
  }

  private step(v: EV, step: Traverser, frame: Frame | null): EV {
    switch (step.kind) {
      case 'attr':
        return this.getAttr(v, step.name, step.range);
      case 'index':
        return this.index(v, materialize(this.eval(step.key, frame)), step.range);
      case 'legacyIndex':
        return this.index(v, step.index, step.range);
    }
  }

  private getAttr(v: EV, name: string, range: Range): EV {
    if (v instanceof LazyObject) {
      const r = v.get(name);
      if (r === undefined) return unsupportedAttribute(name, v.keys(), range);
      return r;
    }
    if (v === null) return fail(range, 'Attempt to get attribute from null value', 'This value is null, so it does not have any attributes.');
    if (typeof v === 'object' && !(v instanceof num.BigFloat)) {
      if (Array.isArray(v)) return fail(range, 'Unsupported attribute', 'This value does not have any attributes.');
      if (hasOwn(v, name)) return v[name]!;
      return unsupportedAttribute(name, Object.keys(v), range);
    }
    return fail(range, 'Unsupported attribute', `Can't access attributes on a primitive-typed value (${typeNameOf(v)}).`);
  }

  private index(coll: EV, key: Value, range: Range): EV {
    if (coll === null) return fail(range, 'Attempt to index null value', 'This value is null, so it does not have any indices.');
    if (key === null) return fail(range, 'Invalid index', "Can't use a null value as an indexing key.");
    if (Array.isArray(coll)) {
      const key_ = numberOrMessage(key);
      const prefix = 'The given key does not identify an element in this collection value';
      if (typeof key_ === 'string') return fail(range, 'Invalid index', `${prefix}: ${key_}.`);
      if (!num.isWhole(key_)) {
        return fail(range, 'Invalid index', `${prefix}: indexing a sequence requires a whole number, but the given index has a fractional part.`);
      }
      const n = num.toDouble(key_);
      if (n < 0) return fail(range, 'Invalid index', `${prefix}: a negative number is not a valid index for a sequence.`);
      if (n >= coll.length) {
        // HCL only explains the off-by-one case (index == length).
        const why = coll.length === 0 ? ': the collection has no elements'
          : n === coll.length ? ': the given index is greater than or equal to the length of the collection' : '';
        return fail(range, 'Invalid index', `${prefix}${why}.`);
      }
      return coll[n]!;
    }
    if (coll instanceof LazyObject || (typeof coll === 'object' && !(coll instanceof num.BigFloat))) {
      const k = primitiveToString(key);
      if (k === undefined) {
        return fail(range, 'Invalid index', 'The given key does not identify an element in this collection value: string required.');
      }
      const r = coll instanceof LazyObject ? coll.get(k) : hasOwn(coll, k) ? coll[k] : undefined;
      if (r === undefined) return fail(range, 'Invalid index', 'The given key does not identify an element in this collection value.');
      return r;
    }
    return fail(range, 'Invalid index', 'This value does not have any indices.');
  }

  private splat(sourceExpr: Expr, each: Expr, frame: Frame | null): EV {
    const source = this.eval(sourceExpr, frame);
    if (source === null) return [];
    // A non-list value is treated as a one-element list.
    const items: EV[] = Array.isArray(source) ? source : [source];
    const out: Value[] = new Array(items.length);
    const stack = this.splatItems;
    for (let i = 0; i < items.length; i++) {
      stack.push(items[i]!);
      try {
        out[i] = materialize(this.eval(each, frame));
      } finally {
        stack.pop();
      }
    }
    return out;
  }

  // --- templates ---

  private template(e: TemplateExpr, frame: Frame | null): string {
    let out = '';
    for (const p of e.parts) {
      if (p.kind === 'literal' && typeof p.value === 'string') {
        out += p.value;
        continue;
      }
      const v = materialize(this.eval(p, frame));
      if (v === null) {
        fail(p.range, 'Invalid template interpolation value', 'The expression result is null. Cannot include a null value in a string template.');
      }
      const s = primitiveToString(v);
      if (s === undefined) {
        fail(p.range, 'Invalid template interpolation value', 'Cannot include the given value in a string template: string required.');
      }
      out += s;
    }
    // Joined parts may not be NFC even when each is ("e" then "\u0301"); cty normalises the result.
    return nfc(out);
  }

  private templateIf(e: TemplateIfExpr, frame: Frame | null): string {
    const cond = this.condition(e.condition, frame);
    if (cond) return this.template(e.then, frame);
    return e.else ? this.template(e.else, frame) : '';
  }

  private templateFor(e: TemplateForExpr, frame: Frame | null): string {
    const entries = this.iterate(e.collection, frame, e.keyVar !== undefined);
    let out = '';
    for (let i = 0; i < entries.keys.length; i++) {
      const f: Frame = { valVar: e.valVar, val: entries.values[i]!, keyVar: e.keyVar, key: entries.keys[i]!, parent: frame };
      out += this.template(e.body, f);
    }
    return out;
  }

  // --- operators ---

  /** A conditional's condition: must be (convertible to) a bool and not null. */
  private condition(expr: Expr, frame: Frame | null): boolean {
    const c = materialize(this.eval(expr, frame));
    if (c === null) return fail(expr.range, 'Null condition', 'The condition value is null. Conditions must either be true or false.');
    const b = boolOrMessage(c);
    if (typeof b === 'string') return fail(expr.range, 'Incorrect condition type', 'The condition expression must be of type bool.');
    return b;
  }

  /**
   * Like hclsyntax, both results are evaluated (their types decide the result type, e.g. `c ? 1 : "x"` is a
   * string either way); an error in the result that isn't chosen is ignored.
   */
  private conditional(e: ConditionalExpr, frame: Frame | null): EV {
    let tv: Value = null;
    let fv: Value = null;
    let terr: EvalError | undefined;
    let ferr: EvalError | undefined;
    try {
      tv = materialize(this.eval(e.trueResult, frame));
    } catch (x) {
      if (!(x instanceof EvalError)) throw x;
      terr = x;
    }
    try {
      fv = materialize(this.eval(e.falseResult, frame));
    } catch (x) {
      if (!(x instanceof EvalError)) throw x;
      ferr = x;
    }
    let target: Ty | undefined;
    if (terr === undefined && ferr === undefined && tv !== null && fv !== null && !samePrimitiveType(tv, fv)) {
      const tt = typeOf(tv);
      const ft = typeOf(fv);
      if (!tyEquals(tt, ft)) {
        const u = unify([tt, ft]);
        if (u === null) {
          fail(
            { filename: e.range.filename, start: e.trueResult.range.start, end: e.falseResult.range.end },
            'Inconsistent conditional result types',
            `The true and false result expressions must have consistent types. ${describeMismatch(tt, ft)}.`,
          );
        }
        target = u;
      }
    }
    const cond = this.condition(e.condition, frame);
    const err = cond ? terr : ferr;
    if (err !== undefined) throw err;
    const v = cond ? tv : fv;
    if (target === undefined) return v;
    const r = convertTo(v, target);
    if ('err' in r) {
      const which = cond ? 'true' : 'false';
      return fail(
        (cond ? e.trueResult : e.falseResult).range,
        'Inconsistent conditional result types',
        `The ${which} result value has the wrong type: ${r.err}.`,
      );
    }
    return r.v;
  }

  private binary(e: BinaryOpExpr, frame: Frame | null): EV {
    const op = e.op;
    if (op === '&&' || op === '||') return this.logical(e, frame);
    const l = materialize(this.eval(e.left, frame));
    const r = materialize(this.eval(e.right, frame));
    if (op === '==') return valuesEqual(l, r);
    if (op === '!=') return !valuesEqual(l, r);
    let a: Num = 0;
    let b: Num = 0;
    if (l !== null) {
      const n = numberOrMessage(l);
      if (typeof n === 'string') return fail(e.left.range, 'Invalid operand', `Unsuitable value for left operand: ${n}.`);
      a = n;
    }
    if (r !== null) {
      const n = numberOrMessage(r);
      if (typeof n === 'string') return fail(e.right.range, 'Invalid operand', `Unsuitable value for right operand: ${n}.`);
      b = n;
    }
    if (l === null || r === null) return fail(e.range, 'Operation failed', 'Error during operation: argument must not be null.');
    try {
      switch (op) {
        case '+':
          return num.add(a, b);
        case '-':
          return num.sub(a, b);
        case '*':
          return num.mul(a, b);
        case '/':
          // As in cty: x/0 is ±infinity; only 0/0 and inf/inf fail.
          return num.div(a, b);
        case '%':
          return num.mod(a, b);
        case '<':
          return num.compare(a, b) < 0;
        case '<=':
          return num.compare(a, b) <= 0;
        case '>':
          return num.compare(a, b) > 0;
        default:
          return num.compare(a, b) >= 0;
      }
    } catch (x) {
      if (!(x instanceof num.NaNError)) throw x;
      return fail(e.range, 'Operation failed', `Error during operation: ${NAN_MESSAGES[op]}.`);
    }
  }

  /**
   * && and || need bools. Both sides are evaluated; as in current hclsyntax, a side that alone decides the
   * result (false for &&, true for ||) wins even if the other side failed to evaluate.
   */
  private logical(e: BinaryOpExpr, frame: Frame | null): EV {
    let l: Value = null;
    let r: Value = null;
    let lerr: EvalError | undefined;
    let rerr: EvalError | undefined;
    try {
      l = materialize(this.eval(e.left, frame));
    } catch (x) {
      if (!(x instanceof EvalError)) throw x;
      lerr = x;
    }
    try {
      r = materialize(this.eval(e.right, frame));
    } catch (x) {
      if (!(x instanceof EvalError)) throw x;
      rerr = x;
    }
    let lb: boolean | null = null;
    let rb: boolean | null = null;
    if (lerr === undefined && l !== null) {
      const b = boolOrMessage(l);
      if (typeof b === 'string') return fail(e.left.range, 'Invalid operand', `Unsuitable value for left operand: ${b}.`);
      lb = b;
    }
    if (rerr === undefined && r !== null) {
      const b = boolOrMessage(r);
      if (typeof b === 'string') return fail(e.right.range, 'Invalid operand', `Unsuitable value for right operand: ${b}.`);
      rb = b;
    }
    const decisive = e.op === '||';
    if (lb === decisive || rb === decisive) return decisive;
    if (lerr !== undefined) throw lerr;
    if (rerr !== undefined) throw rerr;
    if (lb === null || rb === null) return fail(e.range, 'Operation failed', 'Error during operation: argument must not be null.');
    return !decisive;
  }

  private unary(op: '!' | '-', operand: Expr, range: Range, frame: Frame | null): EV {
    const v = materialize(this.eval(operand, frame));
    if (op === '-') {
      if (typeof v === 'number') return -v;
      if (v === null) return fail(range, 'Operation failed', 'Error during operation: argument must not be null.');
      const n = numberOrMessage(v);
      if (typeof n === 'string') return fail(operand.range, 'Invalid operand', `Unsuitable value for unary operand: ${n}.`);
      return num.negate(n);
    }
    if (typeof v === 'boolean') return !v;
    if (v === null) return fail(range, 'Operation failed', 'Error during operation: argument must not be null.');
    const b = boolOrMessage(v);
    if (typeof b === 'string') return fail(operand.range, 'Invalid operand', `Unsuitable value for unary operand: ${b}.`);
    return !b;
  }

  // --- collections ---

  private object(e: ObjectExpr, frame: Frame | null): ValueObject {
    const map = new Map<string, Value>();
    for (const item of e.items) {
      let key: string;
      if (item.keyIsBareName && item.key.kind === 'literal' && typeof item.key.value === 'string') {
        key = item.key.value;
      } else {
        const ke = item.key;
        if (ke.kind === 'scopeTraversal' && ke.traversal.length > 0) {
          fail(
            ke.range,
            'Ambiguous attribute key',
            "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
          );
        }
        const kv = materialize(this.eval(ke, frame));
        if (kv === null) fail(item.value.range, 'Null value as key', "Can't use a null value as a key.");
        const ks = primitiveToString(kv);
        if (ks === undefined) fail(ke.range, 'Incorrect key type', "Can't use this value as a key: string required.");
        key = ks;
      }
      map.set(key, materialize(this.eval(item.value, frame)));
    }
    return sortedObject(map);
  }

  /**
   * The elements of a for-expression's collection: lists by index (cty's 64-bit counts, made only when the
   * loop names a key), objects by key in lexical order.
   */
  private iterate(collExpr: Expr, frame: Frame | null, withKeys: boolean): { keys: EV[]; values: EV[] } {
    const coll = this.eval(collExpr, frame);
    if (coll === null) {
      return fail(collExpr.range, 'Iteration over null value', "A null value cannot be used as the collection in a 'for' expression.");
    }
    if (Array.isArray(coll)) return { keys: withKeys ? coll.map((_, i) => num.intVal(i)) : coll.map(() => null), values: coll };
    if (coll instanceof LazyObject) {
      const keys: EV[] = [];
      const values: EV[] = [];
      for (const k of [...coll.keys()].sort(compareStrings)) {
        const v = coll.get(k);
        if (v === undefined) continue;
        keys.push(k);
        values.push(v);
      }
      return { keys, values };
    }
    if (typeof coll === 'object' && !(coll instanceof num.BigFloat)) {
      const ks = Object.keys(coll).sort(compareStrings);
      return { keys: ks, values: ks.map((k) => coll[k]!) };
    }
    return fail(
      collExpr.range,
      'Iteration over non-iterable value',
      `A value of type ${typeNameOf(coll)} cannot be used as the collection in a 'for' expression.`,
    );
  }

  private forExpr(e: ForExpr, frame: Frame | null): EV {
    const { keys, values } = this.iterate(e.collection, frame, e.keyVar !== undefined);
    const cond = e.condition;
    if (cond !== undefined && !conditionUsesLoopVars(e)) {
      // hclsyntax checks a condition that doesn't depend on the loop variables once, up front.
      const c = materialize(this.eval(cond, frame));
      if (c === null) fail(cond.range, 'Condition is null', "The value of the 'if' clause must not be null.");
      const b = boolOrMessage(c);
      if (typeof b === 'string') fail(cond.range, "Invalid 'for' condition", `The 'if' clause value is invalid: ${b}.`);
    }
    const tuple: Value[] = [];
    const obj = new Map<string, Value>();
    const groups = new Map<string, Value[]>();
    for (let i = 0; i < keys.length; i++) {
      const f: Frame = { valVar: e.valVar, val: values[i]!, keyVar: e.keyVar, key: keys[i]!, parent: frame };
      if (cond !== undefined) {
        const c = materialize(this.eval(cond, f));
        if (c === null) fail(cond.range, "Invalid 'for' condition", "The value of the 'if' clause must not be null.");
        const b = boolOrMessage(c);
        if (typeof b === 'string') fail(cond.range, "Invalid 'for' condition", `The 'if' clause value is invalid: ${b}.`);
        if (!b) continue;
      }
      if (e.keyExpr === undefined) {
        tuple.push(materialize(this.eval(e.valExpr, f)));
        continue;
      }
      const kv = materialize(this.eval(e.keyExpr, f));
      if (kv === null) fail(e.keyExpr.range, 'Invalid object key', "Key expression in 'for' expression must not produce a null value.");
      const k = primitiveToString(kv);
      if (k === undefined) fail(e.keyExpr.range, 'Invalid object key', 'The key expression produced an invalid result: string required.');
      const v = materialize(this.eval(e.valExpr, f));
      if (e.grouping) {
        const g = groups.get(k);
        if (g) g.push(v);
        else groups.set(k, [v]);
      } else {
        if (obj.has(k)) {
          fail(
            e.keyExpr.range,
            'Duplicate object key',
            `Two different items produced the key "${k}" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
          );
        }
        obj.set(k, v);
      }
    }
    if (e.keyExpr === undefined) return tuple;
    return sortedObject(e.grouping ? (groups as Map<string, Value>) : obj);
  }

  // --- function calls ---

  private call(e: FunctionCallExpr, frame: Frame | null): EV {
    if (e.name === 'try') return this.tryCall(e, frame);
    if (e.name === 'can') return this.canCall(e, frame);
    const functions = this.scope.functions;
    const fn = lookupFunction(functions, e.name);
    if (fn === undefined) return unknownFunction(e, functions);

    // Expand a final `list...` argument into one argument per element.
    let argExprs = e.args;
    let expanded: Value[] | undefined;
    if (e.expandFinal && argExprs.length > 0) {
      const last = argExprs[argExprs.length - 1]!;
      const lv = materialize(this.eval(last, frame));
      if (lv === null) fail(last.range, 'Invalid expanding argument value', 'The expanding argument (indicated by ...) must not be null.');
      if (!Array.isArray(lv)) {
        fail(last.range, 'Invalid expanding argument value', 'The expanding argument (indicated by ...) must be of a tuple, list, or set type.');
      }
      expanded = lv;
      argExprs = argExprs.slice(0, -1);
    }
    const argRanges: Range[] = argExprs.map(startRange);
    if (expanded) for (let i = 0; i < expanded.length; i++) argRanges.push(e.args[e.args.length - 1]!.range);
    const argc = argRanges.length;

    checkArity(e, fn, argRanges);
    const args: Value[] = new Array(argc);
    for (let i = 0; i < argExprs.length; i++) args[i] = materialize(this.eval(argExprs[i]!, frame));
    if (expanded) for (let i = 0; i < expanded.length; i++) args[argExprs.length + i] = expanded[i]!;
    return invoke(e, fn, args, argRanges, this.scope.fnContext);
  }

  /** try(a, b, …): the first argument that evaluates without error; arguments are evaluated lazily. */
  private tryCall(e: FunctionCallExpr, frame: Frame | null): EV {
    if (e.args.length === 0) {
      return fail(e.range, 'Error in function call', 'Call to function "try" failed: at least one argument is required.');
    }
    const errors: EvalError[] = [];
    for (const arg of e.args) {
      try {
        return materialize(this.eval(arg, frame));
      } catch (x) {
        if (!(x instanceof EvalError)) throw x;
        errors.push(x);
      }
    }
    let msg = 'no expression succeeded:\n';
    for (const err of errors) msg += `- ${err.summary} (at ${formatRange(err.range)})\n  ${err.detail}\n`;
    msg += '\nAt least one expression must produce a successful result';
    return fail(e.range, 'Error in function call', `Call to function "try" failed: ${msg}.`);
  }

  /** can(expr): whether expr evaluates without error. */
  private canCall(e: FunctionCallExpr, frame: Frame | null): EV {
    if (e.args.length === 0) {
      const closeParen: Range = { filename: e.range.filename, start: e.range.end, end: e.range.end };
      return fail(closeParen, 'Not enough function arguments', 'Function "can" expects 1 argument(s). Missing value for "expression".');
    }
    if (e.args.length > 1) return fail(e.args[1]!.range, 'Too many function arguments', 'Function "can" expects only 1 argument(s).');
    try {
      materialize(this.eval(e.args[0]!, frame));
      return true;
    } catch (x) {
      if (!(x instanceof EvalError)) throw x;
      return false;
    }
  }
}

/** cty's words where Go's big.Float would produce NaN. */
const NAN_MESSAGES: Record<string, string> = {
  '+': "can't compute sum of opposing infinities",
  '-': "can't subtract infinity from itself",
  '*': "can't multiply zero by infinity",
  '/': "can't divide zero by zero or infinity by infinity",
  '%': "can't use modulo with zero and infinity",
};

function samePrimitiveType(a: Value, b: Value): boolean {
  const ta = typeof a;
  return ta !== 'object' && ta === typeof b;
}

function unsupportedAttribute(name: string, keys: string[], range: Range): never {
  const s = nameSuggestion(name, keys);
  return fail(range, 'Unsupported attribute', `This object does not have an attribute named "${name}".${s ? ` Did you mean "${s}"?` : ''}`);
}
