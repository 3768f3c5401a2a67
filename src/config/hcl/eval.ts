// Evaluates HCL expressions to plain JS values with hclsyntax's semantics: implicit conversions for
// operators and templates, type unification in conditionals, lexical key order for objects, and HCL's
// error wording. Every error is an EvalError carrying the range of the offending sub-expression.
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
import { FunctionError, type FunctionContext, type FunctionTable } from '../functions/types.js';
import { formatNumber, HclError, valuesEqual, type Value, type ValueObject } from './values.js';

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
  try {
    return materialize(new Evaluator(scope).eval(expr, null));
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
  return evaluate(expr, { variable: (name) => (hasOwn(vars, name) ? vars[name] : undefined), functions, fnContext });
}

// --- value helpers -----------------------------------------------------------------------------------------

const hasOwnProperty = Object.prototype.hasOwnProperty;
function hasOwn(o: object, k: string): boolean {
  return hasOwnProperty.call(o, k);
}

/**
 * A function table may inherit from another (a per-file table of Terragrunt's functions over the shared
 * Terraform library, without copying it): look names up along the prototype chain, never into
 * Object.prototype.
 */
function lookupFunction(table: FunctionTable, name: string): FunctionTable[string] | undefined {
  for (let o: object | null = table; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    if (hasOwn(o, name)) return (o as FunctionTable)[name];
  }
  return undefined;
}

function functionNames(table: FunctionTable): string[] {
  const names: string[] = [];
  for (const k in table) names.push(k);
  return names;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets a property even when the key is `__proto__`, which plain assignment would treat specially. */
function setProp(o: ValueObject, k: string, v: Value): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Builds an object with keys in lexical order, as HCL presents objects and maps. */
function sortedObject(map: Map<string, Value>): ValueObject {
  const keys = [...map.keys()];
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort(compareKeys);
  const out: ValueObject = {};
  for (const k of keys) setProp(out, k, map.get(k)!);
  return out;
}

function isPlainObject(v: EV): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof LazyObject);
}

function materialize(v: EV): Value {
  if (!(v instanceof LazyObject)) return v;
  const keys = [...v.keys()].sort(compareKeys);
  const out: ValueObject = {};
  for (const k of keys) {
    const x = v.get(k);
    if (x !== undefined) setProp(out, k, materialize(x));
  }
  return out;
}

function typeNameOf(v: EV): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return Array.isArray(v) ? 'tuple' : 'object';
  }
}

const NUMBER_STRING = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INF_STRING = /^[-+]?inf(inity)?$/i;

/** cty's string-to-number conversion, or undefined when the string isn't a number. */
function stringToNumber(s: string): number | undefined {
  if (NUMBER_STRING.test(s)) return Number(s);
  if (INF_STRING.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
  return undefined;
}

/** Conversion failures carry cty's wording ("a number is required" vs "number required"). */
function numberOrMessage(v: Value): number | string {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return stringToNumber(v) ?? 'a number is required';
  return 'number required';
}

function boolOrMessage(v: Value): boolean | string {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    const lower = v.toLowerCase();
    if (lower === 'true' || lower === 'false') return `a bool is required; to convert from string, use lowercase "${lower}"`;
    return 'a bool is required';
  }
  return 'bool required';
}

/** Converts a primitive to string; undefined for null and structural values. */
function primitiveToString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumber(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

function stripPeriod(msg: string): string {
  return msg.endsWith('.') ? msg.slice(0, -1) : msg;
}

// --- type unification for conditionals (cty's convert.Unify, reduced to what JS values can express) -------

type Ty =
  | { k: 'dyn' }
  | { k: 'string' }
  | { k: 'number' }
  | { k: 'bool' }
  | { k: 'tuple'; elems: Ty[] }
  | { k: 'object'; attrs: Map<string, Ty> }
  | { k: 'list'; elem: Ty }
  | { k: 'map'; elem: Ty };

const DYN: Ty = { k: 'dyn' };
const STRING: Ty = { k: 'string' };
const NUMBER: Ty = { k: 'number' };
const BOOL: Ty = { k: 'bool' };

function typeOf(v: Value): Ty {
  if (v === null) return DYN;
  switch (typeof v) {
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOL;
  }
  if (Array.isArray(v)) return { k: 'tuple', elems: v.map(typeOf) };
  const attrs = new Map<string, Ty>();
  for (const k of Object.keys(v).sort(compareKeys)) attrs.set(k, typeOf(v[k]!));
  return { k: 'object', attrs };
}

function tyEquals(a: Ty, b: Ty): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'tuple': {
      const be = (b as typeof a).elems;
      return a.elems.length === be.length && a.elems.every((t, i) => tyEquals(t, be[i]!));
    }
    case 'object': {
      const ba = (b as typeof a).attrs;
      if (a.attrs.size !== ba.size) return false;
      for (const [k, t] of a.attrs) {
        const u = ba.get(k);
        if (u === undefined || !tyEquals(t, u)) return false;
      }
      return true;
    }
    case 'list':
    case 'map':
      return tyEquals(a.elem, (b as typeof a).elem);
    default:
      return true;
  }
}

function friendlyName(t: Ty): string {
  switch (t.k) {
    case 'dyn':
      return 'dynamic';
    case 'list':
      return `list of ${friendlyName(t.elem)}`;
    case 'map':
      return `map of ${friendlyName(t.elem)}`;
    default:
      return t.k;
  }
}

function unify(types: Ty[]): Ty | null {
  if (types.length === 0) return DYN;
  if (types.every((t) => tyEquals(t, types[0]!))) return types[0]!;
  const known = types.filter((t) => t.k !== 'dyn');
  const hasDyn = known.length < types.length;
  if (known.length === 0) return DYN;
  let objects = 0;
  let tuples = 0;
  let prims = 0;
  for (const t of known) {
    if (t.k === 'object') objects++;
    else if (t.k === 'tuple') tuples++;
    else if (t.k === 'string' || t.k === 'number' || t.k === 'bool') prims++;
  }
  if (objects === known.length) return hasDyn ? DYN : unifyObjects(known as Array<Extract<Ty, { k: 'object' }>>);
  if (tuples === known.length) return hasDyn ? DYN : unifyTuples(known as Array<Extract<Ty, { k: 'tuple' }>>);
  if (prims === known.length) {
    if (known.every((t) => t.k === known[0]!.k)) return known[0]!;
    return known.some((t) => t.k === 'string') ? STRING : null;
  }
  return null;
}

function unifyObjects(types: Array<Extract<Ty, { k: 'object' }>>): Ty | null {
  const first = types[0]!.attrs;
  const sameNames = types.every((t) => t.attrs.size === first.size && [...t.attrs.keys()].every((k) => first.has(k)));
  if (sameNames) {
    const attrs = new Map<string, Ty>();
    for (const k of first.keys()) {
      const u = unify(types.map((t) => t.attrs.get(k)!));
      if (u === null) return null;
      attrs.set(k, u);
    }
    return { k: 'object', attrs };
  }
  const all: Ty[] = [];
  for (const t of types) for (const a of t.attrs.values()) all.push(a);
  const elem = all.length === 0 ? DYN : unify(all);
  return elem === null ? null : { k: 'map', elem };
}

function unifyTuples(types: Array<Extract<Ty, { k: 'tuple' }>>): Ty | null {
  const len = types[0]!.elems.length;
  if (types.every((t) => t.elems.length === len)) {
    const elems: Ty[] = [];
    for (let i = 0; i < len; i++) {
      const u = unify(types.map((t) => t.elems[i]!));
      if (u === null) return null;
      elems.push(u);
    }
    return { k: 'tuple', elems };
  }
  const all: Ty[] = [];
  for (const t of types) all.push(...t.elems);
  const elem = all.length === 0 ? DYN : unify(all);
  return elem === null ? null : { k: 'list', elem };
}

/** Converts a value to a unified type; returns a message when an unsafe conversion fails. */
function convertTo(v: Value, t: Ty): { v: Value } | { err: string } {
  if (v === null || t.k === 'dyn') return { v };
  switch (t.k) {
    case 'string': {
      const s = primitiveToString(v);
      return s === undefined ? { err: 'string required' } : { v: s };
    }
    case 'number': {
      const n = numberOrMessage(v);
      return typeof n === 'string' ? { err: n } : { v: n };
    }
    case 'bool': {
      const b = boolOrMessage(v);
      return typeof b === 'string' ? { err: b } : { v: b };
    }
    case 'tuple':
    case 'list': {
      if (!Array.isArray(v)) return { err: `${friendlyName(t)} required` };
      const out: Value[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = convertTo(v[i]!, t.k === 'tuple' ? (t.elems[i] ?? DYN) : t.elem);
        if ('err' in r) return r;
        out.push(r.v);
      }
      return { v: out };
    }
    case 'object':
    case 'map': {
      if (!isPlainObject(v)) return { err: `${friendlyName(t)} required` };
      const out: ValueObject = {};
      for (const k of Object.keys(v)) {
        const r = convertTo(v[k]!, t.k === 'object' ? (t.attrs.get(k) ?? DYN) : t.elem);
        if ('err' in r) return r;
        setProp(out, k, r.v);
      }
      return { v: out };
    }
  }
}

/** hclsyntax's describeConditionalTypeMismatch. */
function describeMismatch(a: Ty, b: Ty): string {
  if (a.k === 'object' && b.k === 'object') {
    for (const name of [...a.attrs.keys()].sort(compareKeys)) {
      const bt = b.attrs.get(name);
      if (bt === undefined) return `The 'true' value includes object attribute "${name}", which is absent in the 'false' value`;
      if (!tyEquals(a.attrs.get(name)!, bt)) {
        return `Type mismatch for object attribute "${name}": ${describeMismatch(a.attrs.get(name)!, bt)}`;
      }
    }
    for (const name of [...b.attrs.keys()].sort(compareKeys)) {
      if (!a.attrs.has(name)) return `The 'false' value includes object attribute "${name}", which is absent in the 'true' value`;
    }
  } else if (a.k === 'tuple' && b.k === 'tuple') {
    if (a.elems.length !== b.elems.length) {
      return `The 'true' tuple has length ${a.elems.length}, but the 'false' tuple has length ${b.elems.length}`;
    }
    for (let i = 0; i < a.elems.length; i++) {
      if (!tyEquals(a.elems[i]!, b.elems[i]!)) return `Type mismatch for tuple element ${i}: ${describeMismatch(a.elems[i]!, b.elems[i]!)}`;
    }
  }
  const an = friendlyName(a);
  const bn = friendlyName(b);
  if (an === bn) {
    return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
  }
  return `The 'true' value is ${an}, but the 'false' value is ${bn}`;
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

/** Whether a for-expression's condition mentions its own loop variables (cached per node). */
const conditionUsesLoopVars = new WeakMap<ForExpr, boolean>();

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
    if (typeof v === 'object') {
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
      const n = numberOrMessage(key);
      const prefix = 'The given key does not identify an element in this collection value';
      if (typeof n === 'string') return fail(range, 'Invalid index', `${prefix}: ${n}.`);
      if (!Number.isInteger(n)) {
        return fail(range, 'Invalid index', `${prefix}: indexing a sequence requires a whole number, but the given index has a fractional part.`);
      }
      if (n < 0) return fail(range, 'Invalid index', `${prefix}: a negative number is not a valid index for a sequence.`);
      if (n >= coll.length) {
        // HCL only explains the off-by-one case (index == length).
        const why = n === coll.length ? ': the given index is greater than or equal to the length of the collection' : '';
        return fail(range, 'Invalid index', `${prefix}${why}.`);
      }
      return coll[n]!;
    }
    if (coll instanceof LazyObject || typeof coll === 'object') {
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
    return out;
  }

  private templateIf(e: TemplateIfExpr, frame: Frame | null): string {
    const cond = this.condition(e.condition, frame);
    if (cond) return this.template(e.then, frame);
    return e.else ? this.template(e.else, frame) : '';
  }

  private templateFor(e: TemplateForExpr, frame: Frame | null): string {
    const entries = this.iterate(e.collection, frame);
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
    let a: number;
    let b: number;
    if (typeof l === 'number') a = l;
    else if (l === null) a = NaN;
    else {
      const n = numberOrMessage(l);
      if (typeof n === 'string') return fail(e.left.range, 'Invalid operand', `Unsuitable value for left operand: ${n}.`);
      a = n;
    }
    if (typeof r === 'number') b = r;
    else if (r === null) b = NaN;
    else {
      const n = numberOrMessage(r);
      if (typeof n === 'string') return fail(e.right.range, 'Invalid operand', `Unsuitable value for right operand: ${n}.`);
      b = n;
    }
    if (l === null || r === null) return fail(e.range, 'Operation failed', 'Error during operation: argument must not be null.');
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        // As in cty: x/0 is ±infinity (terraform prints +Inf); only 0/0 and inf/inf fail.
        if ((a === 0 && b === 0) || (!Number.isFinite(a) && !Number.isFinite(b))) {
          return fail(e.range, 'Operation failed', "Error during operation: can't divide zero by zero or infinity by infinity.");
        }
        return a / b;
      case '%':
        // cty returns the dividend for modulo by zero.
        if (b === 0) return a;
        return a % b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      default:
        return a >= b;
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
      return -n;
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

  /** The elements of a for-expression's collection: lists by index, objects by key in lexical order. */
  private iterate(collExpr: Expr, frame: Frame | null): { keys: EV[]; values: EV[] } {
    const coll = this.eval(collExpr, frame);
    if (coll === null) {
      return fail(collExpr.range, 'Iteration over null value', "A null value cannot be used as the collection in a 'for' expression.");
    }
    if (Array.isArray(coll)) return { keys: coll.map((_, i) => i), values: coll };
    if (coll instanceof LazyObject) {
      const keys: EV[] = [];
      const values: EV[] = [];
      for (const k of [...coll.keys()].sort(compareKeys)) {
        const v = coll.get(k);
        if (v === undefined) continue;
        keys.push(k);
        values.push(v);
      }
      return { keys, values };
    }
    if (typeof coll === 'object') {
      const ks = Object.keys(coll).sort(compareKeys);
      return { keys: ks, values: ks.map((k) => coll[k]!) };
    }
    return fail(
      collExpr.range,
      'Iteration over non-iterable value',
      `A value of type ${typeNameOf(coll)} cannot be used as the collection in a 'for' expression.`,
    );
  }

  private forExpr(e: ForExpr, frame: Frame | null): EV {
    const { keys, values } = this.iterate(e.collection, frame);
    const cond = e.condition;
    if (cond !== undefined && !usesLoopVars(e)) {
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
    if (fn === undefined) return unknownFunction(e, functionNames(functions));

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
    const argRanges: Range[] = argExprs.map((a) => a.range);
    if (expanded) for (let i = 0; i < expanded.length; i++) argRanges.push(e.args[e.args.length - 1]!.range);
    const argc = argRanges.length;

    const params = fn.params;
    const required = params.length - (fn.optional ?? 0);
    if (argc < required) {
      const qual = fn.variadic !== undefined || (fn.optional ?? 0) > 0 ? ' at least' : '';
      const closeParen: Range = {
        filename: e.range.filename,
        start: { ...e.range.end, column: Math.max(1, e.range.end.column - 1), offset: Math.max(0, e.range.end.offset - 1) },
        end: e.range.end,
      };
      return fail(
        closeParen,
        'Not enough function arguments',
        `Function "${e.name}" expects${qual} ${required} argument(s). Missing value for "${params[argc]}".`,
      );
    }
    if (fn.variadic === undefined && argc > params.length) {
      return fail(argRanges[params.length]!, 'Too many function arguments', `Function "${e.name}" expects only ${params.length} argument(s).`);
    }

    const args: Value[] = new Array(argc);
    for (let i = 0; i < argExprs.length; i++) args[i] = materialize(this.eval(argExprs[i]!, frame));
    if (expanded) for (let i = 0; i < expanded.length; i++) args[argExprs.length + i] = expanded[i]!;

    try {
      return fn.impl(args, this.scope.fnContext);
    } catch (x) {
      if (x instanceof EvalError) throw x;
      const msg = stripPeriod(x instanceof Error ? x.message : String(x));
      if (x instanceof FunctionError) {
        // Terraform words an error about one argument by the parameter's name.
        if (x.argIndex !== undefined && x.argIndex >= 0 && x.argIndex < argc) {
          const param = params[x.argIndex] ?? fn.variadic ?? `argument ${x.argIndex + 1}`;
          return fail(argRanges[x.argIndex]!, 'Invalid function argument', `Invalid value for "${param}" parameter: ${msg}.`);
        }
        return fail(e.range, 'Error in function call', `Call to function "${e.name}" failed: ${msg}.`);
      }
      if (x instanceof HclError) return fail(e.range, 'Invalid function argument', `Call to function "${e.name}" failed: ${msg}.`);
      if (x instanceof Error && !(x instanceof RangeError)) {
        return fail(e.range, 'Error in function call', `Call to function "${e.name}" failed: ${msg}.`);
      }
      throw x;
    }
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

function samePrimitiveType(a: Value, b: Value): boolean {
  const ta = typeof a;
  return ta !== 'object' && ta === typeof b;
}

function unsupportedAttribute(name: string, keys: string[], range: Range): never {
  const s = nameSuggestion(name, keys);
  return fail(range, 'Unsupported attribute', `This object does not have an attribute named "${name}".${s ? ` Did you mean "${s}"?` : ''}`);
}

function unknownFunction(e: FunctionCallExpr, available: string[]): never {
  const sep = e.name.lastIndexOf('::');
  if (sep !== -1) {
    const ns = e.name.slice(0, sep + 2);
    const short = e.name.slice(sep + 2);
    const inNs = available.filter((n) => n.startsWith(ns)).map((n) => n.slice(ns.length));
    if (inNs.length === 0) return fail(e.nameRange, 'Call to unknown function', `There are no functions in namespace "${ns}".`);
    const s = nameSuggestion(short, inNs);
    return fail(e.nameRange, 'Call to unknown function', `There is no function named "${short}" in namespace ${ns}.${s ? ` Did you mean ${ns}${s}?` : ''}`);
  }
  const s = nameSuggestion(e.name, [...available, 'try', 'can']);
  return fail(e.nameRange, 'Call to unknown function', `There is no function named "${e.name}".${s ? ` Did you mean "${s}"?` : ''}`);
}

function usesLoopVars(e: ForExpr): boolean {
  let r = conditionUsesLoopVars.get(e);
  if (r === undefined) {
    const roots = referencedRoots(e.condition!);
    r = roots.has(e.valVar) || (e.keyVar !== undefined && roots.has(e.keyVar));
    conditionUsesLoopVars.set(e, r);
  }
  return r;
}

// --- static analysis -------------------------------------------------------------------------------------

/**
 * Calls `visit` for every sub-expression, with the set of names bound by enclosing for-expressions and
 * template for-directives (so references to loop variables can be told from root variables).
 */
export function walkExpr(expr: Expr, visit: (e: Expr, bound: ReadonlySet<string>) => void, bound: ReadonlySet<string> = EMPTY): void {
  visit(expr, bound);
  switch (expr.kind) {
    case 'literal':
    case 'splatItem':
      return;
    case 'scopeTraversal':
      for (const s of expr.traversal) if (s.kind === 'index') walkExpr(s.key, visit, bound);
      return;
    case 'relativeTraversal':
      walkExpr(expr.source, visit, bound);
      for (const s of expr.traversal) if (s.kind === 'index') walkExpr(s.key, visit, bound);
      return;
    case 'template':
      for (const p of expr.parts) walkExpr(p, visit, bound);
      return;
    case 'templateWrap':
      walkExpr(expr.wrapped, visit, bound);
      return;
    case 'paren':
      walkExpr(expr.inner, visit, bound);
      return;
    case 'index':
      walkExpr(expr.collection, visit, bound);
      walkExpr(expr.key, visit, bound);
      return;
    case 'splat':
      walkExpr(expr.source, visit, bound);
      walkExpr(expr.each, visit, bound);
      return;
    case 'call':
      for (const a of expr.args) walkExpr(a, visit, bound);
      return;
    case 'conditional':
      walkExpr(expr.condition, visit, bound);
      walkExpr(expr.trueResult, visit, bound);
      walkExpr(expr.falseResult, visit, bound);
      return;
    case 'binary':
      walkExpr(expr.left, visit, bound);
      walkExpr(expr.right, visit, bound);
      return;
    case 'unary':
      walkExpr(expr.operand, visit, bound);
      return;
    case 'tuple':
      for (const i of expr.items) walkExpr(i, visit, bound);
      return;
    case 'object':
      for (const i of expr.items) {
        walkExpr(i.key, visit, bound);
        walkExpr(i.value, visit, bound);
      }
      return;
    case 'for': {
      walkExpr(expr.collection, visit, bound);
      const inner = withNames(bound, expr.keyVar, expr.valVar);
      if (expr.keyExpr) walkExpr(expr.keyExpr, visit, inner);
      walkExpr(expr.valExpr, visit, inner);
      if (expr.condition) walkExpr(expr.condition, visit, inner);
      return;
    }
    case 'templateIf':
      walkExpr(expr.condition, visit, bound);
      walkExpr(expr.then, visit, bound);
      if (expr.else) walkExpr(expr.else, visit, bound);
      return;
    case 'templateFor':
      walkExpr(expr.collection, visit, bound);
      walkExpr(expr.body, visit, withNames(bound, expr.keyVar, expr.valVar));
      return;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function withNames(bound: ReadonlySet<string>, a: string | undefined, b: string): ReadonlySet<string> {
  const s = new Set(bound);
  if (a !== undefined) s.add(a);
  s.add(b);
  return s;
}

/** Root variable names the expression refers to, excluding for-expression variables. */
export function referencedRoots(expr: Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(expr, (e, bound) => {
    if (e.kind === 'scopeTraversal' && !bound.has(e.root)) out.add(e.root);
  });
  return out;
}

/**
 * The static prefix of every reference to a root variable, e.g. ['dependency','vpc','outputs','id'].
 * Literal index keys are included as strings (`x[0]` gives ['x','0']); dynamic parts end the prefix.
 */
export function referencedTraversals(expr: Expr): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  walkExpr(expr, (e, bound) => {
    if (e.kind !== 'scopeTraversal' || bound.has(e.root)) return;
    const path = [e.root];
    for (const s of e.traversal) {
      if (s.kind === 'attr') path.push(s.name);
      else if (s.kind === 'legacyIndex') path.push(String(s.index));
      else if (s.key.kind === 'literal' && s.key.value !== null) {
        path.push(typeof s.key.value === 'number' ? formatNumber(s.key.value) : String(s.key.value));
      } else break;
    }
    const id = path.join('\u0000');
    if (!seen.has(id)) {
      seen.add(id);
      out.push(path);
    }
  });
  return out;
}

/** Names of all functions called anywhere inside the expression (including try and can). */
export function findFunctionCalls(expr: Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(expr, (e) => {
    if (e.kind === 'call') out.add(e.name);
  });
  return out;
}
