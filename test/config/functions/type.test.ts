// Terraform's type functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: tostring(5) → jsonencode: "5"
  ["tostring", [5], { value: "5" }],
  // terraform console: tostring(1.5) → jsonencode: "1.5"
  ["tostring", [1.5], { value: "1.5" }],
  // terraform console: tostring(true) → jsonencode: "true"
  ["tostring", [true], { value: "true" }],
  // terraform console: tostring("x") → jsonencode: "x"
  ["tostring", ["x"], { value: "x" }],
  // terraform console: tostring(null) → jsonencode: null
  ["tostring", [null], { value: null }],
  // terraform console: tostring(100000000000000000000) → jsonencode: "100000000000000000000"
  ["tostring", [100000000000000000000], { value: "100000000000000000000" }],
  // terraform console: tostring(1e+21) → jsonencode: "1000000000000000000000"
  ["tostring", [1e+21], { value: "1000000000000000000000" }],
  // terraform console: tostring(1e-7) → jsonencode: "0.0000001"
  ["tostring", [1e-7], { value: "0.0000001" }],
  // terraform console: tostring(123456789012345680) → jsonencode: "123456789012345680"
  ["tostring", [123456789012345680], { value: "123456789012345680" }],
  // terraform console: tostring(1.5e+300) → jsonencode: "1500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
  ["tostring", [1.5e+300], { value: "1500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" }],
  // terraform console: tostring(-0.5) → jsonencode: "-0.5"
  ["tostring", [-0.5], { value: "-0.5" }],
  // terraform console: tostring([1]) → Error: Invalid value for "v" parameter: cannot convert tuple to string.
  ["tostring", [[1]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to string." }],
  // terraform console: tostring({"a" = 1}) → Error: Invalid value for "v" parameter: cannot convert object to string.
  ["tostring", [{"a":1}], { error: "Invalid value for \"v\" parameter: cannot convert object to string." }],
  // terraform console: tonumber("12") → jsonencode: 12
  ["tonumber", ["12"], { value: 12 }],
  // terraform console: tonumber("1.5e3") → jsonencode: 1500
  ["tonumber", ["1.5e3"], { value: 1500 }],
  // terraform console: tonumber(".5") → jsonencode: 0.5
  ["tonumber", [".5"], { value: 0.5 }],
  // terraform console: tonumber("5.") → jsonencode: 5
  ["tonumber", ["5."], { value: 5 }],
  // terraform console: tonumber("+5") → jsonencode: 5
  ["tonumber", ["+5"], { value: 5 }],
  // terraform console: tonumber("-5") → jsonencode: -5
  ["tonumber", ["-5"], { value: -5 }],
  // terraform console: tonumber(5) → jsonencode: 5
  ["tonumber", [5], { value: 5 }],
  // terraform console: tonumber(null) → jsonencode: null
  ["tonumber", [null], { value: null }],
  // terraform console: tonumber(" 12") → Error: Invalid value for "v" parameter: cannot convert " 12" to number; given string must be a decimal representation of a number.
  ["tonumber", [" 12"], { error: "Invalid value for \"v\" parameter: cannot convert \" 12\" to number; given string must be a decimal representation of a number." }],
  // terraform console: tonumber("0x10") → Error: Invalid value for "v" parameter: cannot convert "0x10" to number; given string must be a decimal representation of a number.
  ["tonumber", ["0x10"], { error: "Invalid value for \"v\" parameter: cannot convert \"0x10\" to number; given string must be a decimal representation of a number." }],
  // terraform console: tonumber("abc") → Error: Invalid value for "v" parameter: cannot convert "abc" to number; given string must be a decimal representation of a number.
  ["tonumber", ["abc"], { error: "Invalid value for \"v\" parameter: cannot convert \"abc\" to number; given string must be a decimal representation of a number." }],
  // terraform console: tonumber("") → Error: Invalid value for "v" parameter: cannot convert "" to number; given string must be a decimal representation of a number.
  ["tonumber", [""], { error: "Invalid value for \"v\" parameter: cannot convert \"\" to number; given string must be a decimal representation of a number." }],
  // terraform console: tonumber("1_000") → Error: Invalid value for "v" parameter: cannot convert "1_000" to number; given string must be a decimal representation of a number.
  ["tonumber", ["1_000"], { error: "Invalid value for \"v\" parameter: cannot convert \"1_000\" to number; given string must be a decimal representation of a number." }],
  // terraform console: tonumber("Infinity") → Error: Invalid value for "v" parameter: cannot convert "Infinity" to number; given string must be a decimal representation of a number.
  ["tonumber", ["Infinity"], { error: "Invalid value for \"v\" parameter: cannot convert \"Infinity\" to number; given string must be a decimal representation of a number." }],
  // terraform console: tonumber(true) → Error: Invalid value for "v" parameter: cannot convert bool to number.
  ["tonumber", [true], { error: "Invalid value for \"v\" parameter: cannot convert bool to number." }],
  // terraform console: tonumber([1]) → Error: Invalid value for "v" parameter: cannot convert tuple to number.
  ["tonumber", [[1]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to number." }],
  // terraform console: tonumber({}) → Error: Invalid value for "v" parameter: cannot convert object to number.
  ["tonumber", [{}], { error: "Invalid value for \"v\" parameter: cannot convert object to number." }],
  // terraform console: tobool("true") → jsonencode: true
  ["tobool", ["true"], { value: true }],
  // terraform console: tobool("false") → jsonencode: false
  ["tobool", ["false"], { value: false }],
  // terraform console: tobool(true) → jsonencode: true
  ["tobool", [true], { value: true }],
  // terraform console: tobool(null) → jsonencode: null
  ["tobool", [null], { value: null }],
  // terraform console: tobool("yes") → Error: Invalid value for "v" parameter: cannot convert "yes" to bool; only the strings "true" or "false" are allowed.
  ["tobool", ["yes"], { error: "Invalid value for \"v\" parameter: cannot convert \"yes\" to bool; only the strings \"true\" or \"false\" are allowed." }],
  // terraform console: tobool("True") → Error: Invalid value for "v" parameter: cannot convert "True" to bool; only the strings "true" or "false" are allowed.
  ["tobool", ["True"], { error: "Invalid value for \"v\" parameter: cannot convert \"True\" to bool; only the strings \"true\" or \"false\" are allowed." }],
  // terraform console: tobool(1) → Error: Invalid value for "v" parameter: cannot convert number to bool.
  ["tobool", [1], { error: "Invalid value for \"v\" parameter: cannot convert number to bool." }],
  // terraform console: tobool([]) → Error: Invalid value for "v" parameter: cannot convert tuple to bool.
  ["tobool", [[]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to bool." }],
  // terraform console: tolist(["a", 1]) → jsonencode: ["a","1"]
  ["tolist", [["a",1]], { value: ["a","1"] }],
  // terraform console: tolist(["a", null]) → jsonencode: ["a",null]
  ["tolist", [["a",null]], { value: ["a",null] }],
  // terraform console: tolist([]) → jsonencode: []
  ["tolist", [[]], { value: [] }],
  // terraform console: tolist([{"a" = 1}, {"a" = 2}]) → jsonencode: [{"a":1},{"a":2}]
  ["tolist", [[{"a":1},{"a":2}]], { value: [{"a":1},{"a":2}] }],
  // terraform console: tolist(null) → jsonencode: null
  ["tolist", [null], { value: null }],
  // terraform console: tolist(["a", [1]]) → Error: Invalid value for "v" parameter: cannot convert tuple to list of any single type.
  ["tolist", [["a",[1]]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to list of any single type." }],
  // terraform console: tolist([1, true]) → Error: Invalid value for "v" parameter: cannot convert tuple to list of any single type.
  ["tolist", [[1,true]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to list of any single type." }],
  // terraform console: tolist("a") → Error: Invalid value for "v" parameter: cannot convert string to list of any single type.
  ["tolist", ["a"], { error: "Invalid value for \"v\" parameter: cannot convert string to list of any single type." }],
  // terraform console: tolist({"a" = 1}) → Error: Invalid value for "v" parameter: cannot convert object to list of any single type.
  ["tolist", [{"a":1}], { error: "Invalid value for \"v\" parameter: cannot convert object to list of any single type." }],
  // terraform console: toset(["b", "a", "b", "10", "9"]) → jsonencode: ["10","9","a","b"]
  ["toset", [["b","a","b","10","9"]], { value: ["10","9","a","b"] }],
  // terraform console: toset([3, 1, 10, 2, 1]) → jsonencode: [1,2,3,10]
  ["toset", [[3,1,10,2,1]], { value: [1,2,3,10] }],
  // terraform console: toset([1, "a"]) → jsonencode: ["1","a"]
  ["toset", [[1,"a"]], { value: ["1","a"] }],
  // terraform console: toset([true, false, true]) → jsonencode: [false,true]
  ["toset", [[true,false,true]], { value: [false,true] }],
  // terraform console: toset(["a", null]) → jsonencode: ["a",null]
  ["toset", [["a",null]], { value: ["a",null] }],
  // terraform console: toset(null) → jsonencode: null
  ["toset", [null], { value: null }],
  // terraform console: toset("a") → Error: Invalid value for "v" parameter: cannot convert string to set of any single type.
  ["toset", ["a"], { error: "Invalid value for \"v\" parameter: cannot convert string to set of any single type." }],
  // terraform console: toset([1, [2]]) → Error: Invalid value for "v" parameter: cannot convert tuple to set of any single type.
  ["toset", [[1,[2]]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to set of any single type." }],
  // terraform console: tomap({"a" = 1, "b" = "x"}) → jsonencode: {"a":"1","b":"x"}
  ["tomap", [{"a":1,"b":"x"}], { value: {"a":"1","b":"x"} }],
  // terraform console: tomap({"a" = 1, "b" = 2}) → jsonencode: {"a":1,"b":2}
  ["tomap", [{"a":1,"b":2}], { value: {"a":1,"b":2} }],
  // terraform console: tomap({"a" = "x", "b" = null}) → jsonencode: {"a":"x","b":null}
  ["tomap", [{"a":"x","b":null}], { value: {"a":"x","b":null} }],
  // terraform console: tomap({}) → jsonencode: {}
  ["tomap", [{}], { value: {} }],
  // terraform console: tomap({"a" = {"x" = 1}, "b" = {"x" = 2}}) → jsonencode: {"a":{"x":1},"b":{"x":2}}
  ["tomap", [{"a":{"x":1},"b":{"x":2}}], { value: {"a":{"x":1},"b":{"x":2}} }],
  // terraform console: tomap(null) → jsonencode: null
  ["tomap", [null], { value: null }],
  // terraform console: tomap({"a" = 1, "b" = [1]}) → Error: Invalid value for "v" parameter: cannot convert object to map of any single type.
  ["tomap", [{"a":1,"b":[1]}], { error: "Invalid value for \"v\" parameter: cannot convert object to map of any single type." }],
  // terraform console: tomap({"a" = 1, "b" = true}) → Error: Invalid value for "v" parameter: cannot convert object to map of any single type.
  ["tomap", [{"a":1,"b":true}], { error: "Invalid value for \"v\" parameter: cannot convert object to map of any single type." }],
  // terraform console: tomap([1]) → Error: Invalid value for "v" parameter: cannot convert tuple to map of any single type.
  ["tomap", [[1]], { error: "Invalid value for \"v\" parameter: cannot convert tuple to map of any single type." }],
];

runCases('terraform type functions', cases);
