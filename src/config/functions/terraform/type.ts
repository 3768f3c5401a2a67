// Type conversion functions. Each passes null through (tostring(null) is a null string) and words its
// errors as HCL's conversion does; lists, sets and maps need their elements unified to a single type.

import type { FunctionTable } from '../../hcl/functions.js';
import { def, fail, isNumber, isObject, numToStr, stringToNumber, setOf, sortedObject, typeName, unifyValues, type Value } from './util.js';

export const typeFunctions: FunctionTable = {
  tostring: def({
    params: ['v'],
    allowNull: ['v'],
    impl(args) {
      const v = args[0]!;
      if (v === null || typeof v === 'string') return v;
      if (isNumber(v)) return numToStr(v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return fail(`cannot convert ${typeName(v)} to string`, 0);
    },
  }),

  tonumber: def({
    params: ['v'],
    allowNull: ['v'],
    impl(args) {
      const v = args[0]!;
      if (v === null || isNumber(v)) return v;
      if (typeof v === 'string') {
        const n = stringToNumber(v);
        if (n === undefined) {
          fail(`cannot convert ${JSON.stringify(v)} to number; given string must be a decimal representation of a number`, 0);
        }
        return n;
      }
      return fail(`cannot convert ${typeName(v)} to number`, 0);
    },
  }),

  tobool: def({
    params: ['v'],
    allowNull: ['v'],
    impl(args) {
      const v = args[0]!;
      if (v === null || typeof v === 'boolean') return v;
      // cty's string-to-bool conversion also takes "1" and "0" (its message names only true and false).
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      if (typeof v === 'string') {
        fail(`cannot convert ${JSON.stringify(v)} to bool; only the strings "true" or "false" are allowed`, 0);
      }
      return fail(`cannot convert ${typeName(v)} to bool`, 0);
    },
  }),

  tolist: def({
    params: ['v'],
    allowNull: ['v'],
    impl(args) {
      const v = args[0]!;
      if (v === null) return null;
      const list = Array.isArray(v) ? unifyValues(v) : undefined;
      return list ?? fail(`cannot convert ${typeName(v)} to list of any single type`, 0);
    },
  }),

  // Sorted and de-duplicated: strings lexically, numbers numerically.
  toset: def({
    params: ['v'],
    allowNull: ['v'],
    impl(args) {
      const v = args[0]!;
      if (v === null) return null;
      const list = Array.isArray(v) ? unifyValues(v) : undefined;
      if (!list) fail(`cannot convert ${typeName(v)} to set of any single type`, 0);
      return setOf(list);
    },
  }),

  tomap: def({
    params: ['v'],
    allowNull: ['v'],
    impl(args) {
      const v = args[0]!;
      if (v === null) return null;
      if (!isObject(v)) fail(`cannot convert ${typeName(v)} to map of any single type`, 0);
      const keys = Object.keys(v);
      const vals = unifyValues(keys.map((k) => v[k]!));
      if (!vals) fail('cannot convert object to map of any single type', 0);
      return sortedObject(keys.map((k, i): [string, Value] => [k, vals[i]!]));
    },
  }),

  // tgo's values carry no marks: Terragrunt drops them (UnmarkDeep) before inputs reach terraform, and
  // nothing in tgo prints a value it would have to hide. So sensitive() and nonsensitive() give the value
  // back, and issensitive() cannot tell (it says false, as for any value never marked).
  sensitive: def({ params: ['value'], allowNull: ['value'], impl: (args) => args[0]! }),
  nonsensitive: def({ params: ['value'], allowNull: ['value'], impl: (args) => args[0]! }),
  issensitive: def({ params: ['value'], allowNull: ['value'], impl: () => false }),
};
