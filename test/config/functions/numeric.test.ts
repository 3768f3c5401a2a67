// Terraform's numeric functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: min(3, 1.5, 7) → jsonencode: 1.5
  ["min", [3,1.5,7], { value: 1.5 }],
  // terraform console: max(3, 1.5, 7) → jsonencode: 7
  ["max", [3,1.5,7], { value: 7 }],
  // terraform console: max(-1, -5) → jsonencode: -1
  ["max", [-1,-5], { value: -1 }],
  // terraform console: min("3", 2) → jsonencode: 2
  ["min", ["3",2], { value: 2 }],
  // terraform console: max() → Error: Call to function "max" failed: must pass at least one number.
  ["max", [], { error: "Call to function \"max\" failed: must pass at least one number." }],
  // terraform console: max(["a"]) → Error: Invalid value for "numbers" parameter: number required.
  ["max", [["a"]], { error: "Invalid value for \"numbers\" parameter: number required." }],
  // terraform console: max("a") → Error: Invalid value for "numbers" parameter: a number is required.
  ["max", ["a"], { error: "Invalid value for \"numbers\" parameter: a number is required." }],
  // terraform console: max(1, null) → Error: Invalid value for "numbers" parameter: argument must not be null.
  ["max", [1,null], { error: "Invalid value for \"numbers\" parameter: argument must not be null." }],
  // terraform console: abs(-3.5) → jsonencode: 3.5
  ["abs", [-3.5], { value: 3.5 }],
  // terraform console: abs(0) → jsonencode: 0
  ["abs", [0], { value: 0 }],
  // terraform console: abs("-2") → jsonencode: 2
  ["abs", ["-2"], { value: 2 }],
  // terraform console: abs("x") → Error: Invalid value for "num" parameter: a number is required.
  ["abs", ["x"], { error: "Invalid value for \"num\" parameter: a number is required." }],
  // terraform console: abs([1]) → Error: Invalid value for "num" parameter: number required.
  ["abs", [[1]], { error: "Invalid value for \"num\" parameter: number required." }],
  // terraform console: abs(null) → Error: Invalid value for "num" parameter: argument must not be null.
  ["abs", [null], { error: "Invalid value for \"num\" parameter: argument must not be null." }],
  // terraform console: abs(true) → Error: Invalid value for "num" parameter: number required.
  ["abs", [true], { error: "Invalid value for \"num\" parameter: number required." }],
  // terraform console: ceil(1.2) → jsonencode: 2
  ["ceil", [1.2], { value: 2 }],
  // terraform console: ceil(-1.2) → jsonencode: -1
  ["ceil", [-1.2], { value: -1 }],
  // terraform console: ceil(5) → jsonencode: 5
  ["ceil", [5], { value: 5 }],
  // terraform console: floor(-1.2) → jsonencode: -2
  ["floor", [-1.2], { value: -2 }],
  // terraform console: floor(5) → jsonencode: 5
  ["floor", [5], { value: 5 }],
  // terraform console: floor(0.5) → jsonencode: 0
  ["floor", [0.5], { value: 0 }],
  // terraform console: ceil(1e+300) → jsonencode: 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
  ["ceil", [1e+300], { value: 1e+300 }],
  // terraform console: parseint("100", 10) → jsonencode: 100
  ["parseint", ["100",10], { value: 100 }],
  // terraform console: parseint("FF", 16) → jsonencode: 255
  ["parseint", ["FF",16], { value: 255 }],
  // terraform console: parseint("-ff", 16) → jsonencode: -255
  ["parseint", ["-ff",16], { value: -255 }],
  // terraform console: parseint("zz", 36) → jsonencode: 1295
  ["parseint", ["zz",36], { value: 1295 }],
  // terraform console: parseint("Zz", 62) → jsonencode: 3817
  ["parseint", ["Zz",62], { value: 3817 }],
  // terraform console: parseint("1010", 2) → jsonencode: 10
  ["parseint", ["1010",2], { value: 10 }],
  // terraform console: parseint("+5", 10) → jsonencode: 5
  ["parseint", ["+5",10], { value: 5 }],
  // terraform console: parseint("123456789012", 10) → jsonencode: 123456789012
  ["parseint", ["123456789012",10], { value: 123456789012 }],
  // terraform console: parseint("12", 2) → Error: Invalid value for "number" parameter: cannot parse "12" as a base 2 integer.
  ["parseint", ["12",2], { error: "Invalid value for \"number\" parameter: cannot parse \"12\" as a base 2 integer." }],
  // terraform console: parseint("12", 1) → Error: Invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive.
  ["parseint", ["12",1], { error: "Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive." }],
  // terraform console: parseint("12", 63) → Error: Invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive.
  ["parseint", ["12",63], { error: "Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive." }],
  // terraform console: parseint("", 10) → Error: Invalid value for "number" parameter: cannot parse "" as a base 10 integer.
  ["parseint", ["",10], { error: "Invalid value for \"number\" parameter: cannot parse \"\" as a base 10 integer." }],
  // terraform console: parseint("0x10", 16) → Error: Invalid value for "number" parameter: cannot parse "0x10" as a base 16 integer.
  ["parseint", ["0x10",16], { error: "Invalid value for \"number\" parameter: cannot parse \"0x10\" as a base 16 integer." }],
  // terraform console: parseint(" 5", 10) → Error: Invalid value for "number" parameter: cannot parse " 5" as a base 10 integer.
  ["parseint", [" 5",10], { error: "Invalid value for \"number\" parameter: cannot parse \" 5\" as a base 10 integer." }],
  // terraform console: parseint("1.5", 10) → Error: Invalid value for "number" parameter: cannot parse "1.5" as a base 10 integer.
  ["parseint", ["1.5",10], { error: "Invalid value for \"number\" parameter: cannot parse \"1.5\" as a base 10 integer." }],
  // terraform console: parseint(12, 10) → Error: Invalid value for "number" parameter: first argument must be a string, not number.
  ["parseint", [12,10], { error: "Invalid value for \"number\" parameter: first argument must be a string, not number." }],
  // terraform console: parseint("12", 2.5) → Error: Invalid value for "base" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807.
  ["parseint", ["12",2.5], { error: "Invalid value for \"base\" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807." }],
  // terraform console: pow(2, 10) → jsonencode: 1024
  ["pow", [2,10], { value: 1024 }],
  // terraform console: pow(2, 0.5) → jsonencode: 1.4142135623730951
  ["pow", [2,0.5], { value: 1.4142135623730951 }],
  // terraform console: pow(2, -1) → jsonencode: 0.5
  ["pow", [2,-1], { value: 0.5 }],
  // terraform console: pow(0, 0) → jsonencode: 1
  ["pow", [0,0], { value: 1 }],
  // terraform console: pow("3", 2) → jsonencode: 9
  ["pow", ["3",2], { value: 9 }],
  // terraform console: signum(-5) → jsonencode: -1
  ["signum", [-5], { value: -1 }],
  // terraform console: signum(0) → jsonencode: 0
  ["signum", [0], { value: 0 }],
  // terraform console: signum(7) → jsonencode: 1
  ["signum", [7], { value: 1 }],
  // terraform console: signum(3.2) → Error: Call to function "signum" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807.
  ["signum", [3.2], { error: "Call to function \"signum\" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807." }],
  // terraform console: log(16, 2) → jsonencode: 4
  ["log", [16,2], { value: 4 }],
  // terraform console: log(10, 10) → jsonencode: 1
  ["log", [10,10], { value: 1 }],
  // terraform console: log(1000, 10) → jsonencode: 2.9999999999999996
  ["log", [1000,10], { value: 2.9999999999999996 }],
  // terraform console: log(100, 10) → jsonencode: 2
  ["log", [100,10], { value: 2 }],
];

runCases('terraform numeric functions', cases);
