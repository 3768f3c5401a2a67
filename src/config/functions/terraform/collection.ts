// Collection functions. Our lists, sets and tuples are all arrays and maps/objects are plain objects, so
// where Terraform's result depends on the static type we follow what a literal in a config produces: tuples
// and objects. Where a function takes a list or set "of any single type", mixed primitives are unified to
// strings first, as cty does (distinct([1, "1"]) is ["1"]); set results are sorted as Terraform orders sets.

import type { FunctionTable } from '../../hcl/functions.js';
import * as num from '../../hcl/numbers.js';
import {
  compareStrings,
  def,
  fail,
  graphemes,
  isObject,
  numToStr,
  setProp,
  setOf,
  sortedObject,
  toBool,
  toInt,
  toList,
  toNum,
  toObject,
  toStr,
  toStrList,
  typeName,
  unifyValues,
  unifyOrFail,
  valuesEqual,
  type Value,
  type ValueObject,
} from './util.js';

const ANY_LIST = 'list of any single type required';
const ANY_SET = 'set of any single type required';

/** Type name as cty prints it in "all arguments must be lists or tuples; got X" (our sets look like tuples). */
const ctyTypeName = (v: Value) => typeName(v);

/** The elements of several set arguments, unified to one element type across all of them. */
function setArgs(args: Value[]): Value[][] {
  const lists = args.map((a, i) => toList(a, i, ANY_SET));
  const flat = unifyValues(lists.flat());
  if (!flat) fail('given sets must all have compatible element types');
  const out: Value[][] = [];
  let k = 0;
  for (const l of lists) {
    out.push(flat.slice(k, k + l.length));
    k += l.length;
  }
  return out;
}

/** Deep flatten of nested sequences; objects and nulls are kept as elements. */
function flattenInto(list: Value[], out: Value[]): void {
  for (const v of list) {
    if (Array.isArray(v)) flattenInto(v, out);
    else out.push(v);
  }
}

export const collectionFunctions: FunctionTable = {
  concat: def({
    params: [],
    variadic: 'seqs',
    impl(args) {
      if (args.length === 0) fail('at least one argument is required');
      const out: Value[] = [];
      args.forEach((a, i) => {
        if (!Array.isArray(a)) fail(`all arguments must be lists or tuples; got ${ctyTypeName(a)}`, i);
        out.push(...a);
      });
      return out;
    },
  }),

  // Shallow: a later argument's key replaces the whole earlier value. Null arguments are skipped.
  merge: def({
    params: [],
    variadic: 'maps',
    allowNull: ['maps'],
    impl(args) {
      const out: [string, Value][] = [];
      const index = new Map<string, number>();
      for (const a of args) {
        if (a === null) continue;
        if (!isObject(a)) fail(`arguments must be maps or objects, got "${typeName(a)}"`);
        for (const [k, v] of Object.entries(a)) {
          const at = index.get(k);
          if (at === undefined) {
            index.set(k, out.length);
            out.push([k, v]);
          } else out[at] = [k, v];
        }
      }
      return sortedObject(out);
    },
  }),

  lookup: def({
    params: ['inputMap', 'key', 'default'],
    optional: 1,
    allowNull: ['default'],
    impl(args) {
      const map = toObject(args[0]!, 0, 'lookup() requires a map as the first argument');
      const key = toStr(args[1]!, 1);
      if (Object.prototype.hasOwnProperty.call(map, key)) return map[key]!;
      if (args.length > 2) return args[2]!;
      return fail(`the given object has no attribute "${key}"`, 0);
    },
  }),

  keys: def({
    params: ['inputMap'],
    impl: (args) => Object.keys(toObject(args[0]!, 0, 'must have map or object type')).sort(compareStrings),
  }),

  // In key order, so values(m)[i] belongs to keys(m)[i].
  values: def({
    params: ['mapping'],
    impl(args) {
      const arg = args[0]!;
      const map = isObject(arg) ? arg : fail('values() requires a map as the first argument');
      return Object.keys(map)
        .sort(compareStrings)
        .map((k) => map[k]!);
    },
  }),

  length: def({
    params: ['value'],
    impl(args) {
      const v = args[0]!;
      // A count is a 64-bit number in cty (length(a) / length(b) keeps 20 digits).
      if (typeof v === 'string') return num.intVal(graphemes(v).length);
      if (Array.isArray(v)) return num.intVal(v.length);
      if (isObject(v)) return num.intVal(Object.keys(v).length);
      return fail('argument must be a string, a collection type, or a structural type');
    },
  }),

  // Wraps around: element(["a","b"], 3) is "b". Terraform 1.11 panics on a negative index; we refuse it.
  element: def({
    params: ['list', 'index'],
    impl(args) {
      const list = args[0]!;
      if (!Array.isArray(list)) fail(`cannot read elements from ${typeName(list)}`);
      const index = toInt(args[1]!, 1, 'invalid index: ');
      if (list.length === 0) fail('cannot use element function with an empty list');
      if (index < 0) fail('cannot use element function with a negative index');
      return list[index % list.length]!;
    },
  }),

  index: def({
    params: ['list', 'value'],
    impl(args) {
      const list = args[0]!;
      if (!Array.isArray(list)) fail('argument must be a list or tuple');
      if (list.length === 0) fail('cannot search an empty list');
      const at = list.findIndex((v) => valuesEqual(v, args[1]!));
      return at >= 0 ? num.intVal(at) : fail('item not found');
    },
  }),

  // No conversion: contains([1, 2], "1") is false.
  contains: def({
    params: ['list', 'value'],
    impl(args) {
      const list = args[0]!;
      if (!Array.isArray(list)) fail('argument must be list, tuple, or set');
      return list.some((v) => valuesEqual(v, args[1]!));
    },
  }),

  distinct: def({
    params: ['list'],
    impl(args) {
      const list = unifyOrFail(toList(args[0]!, 0, ANY_LIST), ANY_LIST, 0);
      const out: Value[] = [];
      for (const v of list) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
      return out;
    },
  }),

  flatten: def({
    params: ['list'],
    impl(args) {
      if (!Array.isArray(args[0])) fail('can only flatten lists, sets and tuples');
      const out: Value[] = [];
      flattenInto(args[0], out);
      return out;
    },
  }),

  slice: def({
    params: ['list', 'start_index', 'end_index'],
    impl(args) {
      const list = toList(args[0]!, 0, 'must be a list or tuple value');
      const start = toInt(args[1]!, 1, 'invalid start index: ', true);
      const end = toInt(args[2]!, 2, 'invalid end index: ', true);
      if (start < 0) fail('start index must not be less than zero', 1);
      if (end > list.length) fail('end index must not be greater than the length of the list', 2);
      if (start > end) fail('start index must not be greater than end index', 1);
      return list.slice(start, end);
    },
  }),

  // Always lexical on strings: sort([3, 1, 20]) is ["1", "20", "3"].
  sort: def({
    params: ['list'],
    impl(args) {
      const list = toStrList(args[0]!, 0);
      list.forEach((s, i) => {
        if (s === null) fail(`given list element ${i} is null; a null string cannot be sorted`);
      });
      return (list as string[]).slice().sort(compareStrings);
    },
  }),

  reverse: def({
    params: ['list'],
    impl(args) {
      const list = args[0]!;
      if (!Array.isArray(list)) fail(`can only reverse list or tuple values, not ${typeName(list)}`, 0);
      return list.slice().reverse();
    },
  }),

  range: def({
    params: [],
    variadic: 'params',
    impl(args) {
      if (args.length < 1 || args.length > 3) fail('must have one, two, or three arguments');
      // cty's RangeFunc: a missing start or step is a 64-bit count, and each value is the previous plus step.
      const nums = args.map((a, i) => toNum(a, i));
      const unit = (down: boolean) => num.intVal(down ? -1 : 1);
      let start: num.Num = num.intVal(0);
      let end: num.Num;
      let step: num.Num;
      if (nums.length === 1) {
        end = nums[0]!;
        step = unit(num.compare(end, 0) < 0);
      } else {
        start = nums[0]!;
        end = nums[1]!;
        step = nums.length === 3 ? nums[2]! : unit(num.compare(end, start) < 0);
      }
      const down = num.compare(step, 0) < 0;
      if (down && num.compare(end, start) > 0) fail('end must be less than start when step is negative', 1);
      if (!down && num.compare(end, start) < 0) fail('end must be greater than start when step is positive', 1);
      const out: Value[] = [];
      for (let n = start; ; n = num.add(n, step)) {
        const c = num.compare(n, end);
        if (down ? c <= 0 : c >= 0) break;
        // A zero step also ends here: Terraform's zero check never fires (it compares big.Float pointers).
        if (out.length >= 1024) {
          fail('more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
        }
        out.push(n);
      }
      return out;
    },
  }),

  zipmap: def({
    params: ['keys', 'values'],
    impl(args) {
      const keys = toStrList(args[0]!, 0);
      const values = toList(args[1]!, 1, 'list or tuple required');
      if (keys.length !== values.length) {
        fail(`number of keys (${keys.length}) does not match number of values (${values.length})`);
      }
      const out: [string, Value][] = [];
      keys.forEach((k, i) => {
        if (k === null) fail('keys list has null value', 0);
        const at = out.findIndex(([x]) => x === k);
        if (at >= 0) out[at] = [k, values[i]!];
        else out.push([k, values[i]!]);
      });
      return sortedObject(out);
    },
  }),

  // Arguments are unified first, so coalesce(1, "a") is "1"; an empty list is not "empty" here.
  coalesce: def({
    params: [],
    variadic: 'vals',
    allowNull: ['vals'],
    impl(args) {
      const vals = args.length === 0 ? undefined : unifyValues(args);
      if (!vals) fail('all arguments must have the same type');
      for (const v of vals) if (v !== null && v !== '') return v;
      return fail('no non-null, non-empty-string arguments');
    },
  }),

  coalescelist: def({
    params: [],
    variadic: 'vals',
    allowNull: ['vals'],
    impl(args) {
      if (args.length === 0) fail('at least one argument is required');
      for (const a of args) if (!Array.isArray(a)) fail('coalescelist arguments must be lists or tuples');
      for (const a of args) if ((a as Value[]).length > 0) return a;
      return fail('no non-null arguments');
    },
  }),

  // Removes nulls and empty strings; the result is a list of strings.
  compact: def({
    params: ['list'],
    impl: (args) => toStrList(args[0]!, 0).filter((s): s is string => s !== null && s !== ''),
  }),

  one: def({
    params: ['list'],
    impl(args) {
      const list = args[0]!;
      if (!Array.isArray(list) || list.length > 1) {
        fail('must be a list, set, or tuple value with either zero or one elements', 0);
      }
      return list.length === 0 ? null : list[0]!;
    },
  }),

  setproduct: def({
    params: [],
    variadic: 'sets',
    impl(args) {
      if (args.length < 2) fail('at least two arguments are required');
      const sets = args.map((a, i) => toList(a, i, 'a set or a list is required'));
      let out: Value[][] = [[]];
      for (const s of sets) out = out.flatMap((prefix) => s.map((v) => [...prefix, v]));
      return out;
    },
  }),

  setunion: def({
    params: ['first_set'],
    variadic: 'other_sets',
    impl: (args) => setOf(setArgs(args).flat()),
  }),

  setintersection: def({
    params: ['first_set'],
    variadic: 'other_sets',
    impl(args) {
      const [first, ...others] = setArgs(args);
      return setOf(first!.filter((v) => others.every((o) => o.some((x) => valuesEqual(x, v)))));
    },
  }),

  setsubtract: def({
    params: ['a', 'b'],
    impl(args) {
      const [a, b] = setArgs(args);
      return setOf(a!.filter((v) => !b!.some((x) => valuesEqual(x, v))));
    },
  }),

  // {a = ["1", "2"], b = ["2"]} → {"1" = ["a"], "2" = ["a", "b"]}; lists follow the source keys' order.
  transpose: def({
    params: ['values'],
    impl(args) {
      const map = toObject(args[0]!, 0, 'map of list of string required');
      const out: ValueObject = {};
      for (const k of Object.keys(map).sort(compareStrings)) {
        for (const v of toStrList(map[k]!, 0, `element "${k}": list of string required`)) {
          if (v === null) fail(`element "${k}": list of string required`, 0);
          const cur = Object.prototype.hasOwnProperty.call(out, v) ? (out[v] as Value[]) : [];
          if (cur.length === 0) setProp(out, v, cur);
          cur.push(k);
        }
      }
      return sortedObject(Object.entries(out));
    },
  }),

  // The values whose key (at the same index) is in the search set; keys and search set are unified first.
  matchkeys: def({
    params: ['values', 'keys', 'searchset'],
    impl(args) {
      const values = toList(args[0]!, 0, 'list of any single type required');
      const keys = toList(args[1]!, 1, 'list of any single type required');
      const search = toList(args[2]!, 2, 'list of any single type required');
      if (values.length !== keys.length) fail('length of keys and values should be equal');
      const both = unifyOrFail([...keys, ...search], 'keys and searchset must be of the same type');
      const k = both.slice(0, keys.length);
      const sset = both.slice(keys.length);
      return values.filter((_, i) => sset.some((x) => valuesEqual(x, k[i]!)));
    },
  }),

  // A size of 0 returns the whole list as one chunk.
  chunklist: def({
    params: ['list', 'size'],
    impl(args) {
      const list = unifyOrFail(toList(args[0]!, 0, ANY_LIST), ANY_LIST, 0);
      const size = toInt(args[1]!, 1);
      if (size < 0) fail('the size argument must be positive');
      if (list.length === 0) return [];
      if (size === 0) return [list];
      const out: Value[] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    },
  }),

  // A null element counts as false for alltrue and is skipped by anytrue.
  alltrue: def({
    params: ['list'],
    impl(args) {
      const list = toList(args[0]!, 0, 'list of bool required');
      let all = true;
      list.forEach((v, i) => {
        if (v === null) {
          all = false;
          return;
        }
        try {
          if (!toBool(v, 0)) all = false;
        } catch {
          fail(`element ${i}: bool required`, 0);
        }
      });
      return all;
    },
  }),

  anytrue: def({
    params: ['list'],
    impl(args) {
      const list = toList(args[0]!, 0, 'list of bool required');
      let any = false;
      list.forEach((v, i) => {
        if (v === null) return;
        try {
          if (toBool(v, 0)) any = true;
        } catch {
          fail(`element ${i}: bool required`, 0);
        }
      });
      return any;
    },
  }),

  sum: def({
    params: ['list'],
    impl(args) {
      const bad = 'argument must be list, set, or tuple of number values';
      const list = toList(args[0]!, 0, bad);
      if (list.length === 0) fail('cannot sum an empty list', 0);
      let total: num.Num | undefined;
      for (const v of list) {
        let n: num.Num;
        if (num.isNum(v)) n = v;
        else if (typeof v === 'string') {
          const parsed = num.parseNumber(v);
          if (parsed === undefined) return fail(bad, 0);
          n = parsed;
        } else return fail(bad, 0);
        try {
          total = total === undefined ? n : num.add(total, n);
        } catch (e) {
          if (e instanceof num.NaNError) fail("can't compute sum of opposing infinities");
          throw e;
        }
      }
      return total!;
    },
  }),
};
