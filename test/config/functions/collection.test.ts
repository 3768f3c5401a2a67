// Terraform's collection functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: concat([1, 2], ["a"], []) → jsonencode: [1,2,"a"]
  ["concat", [[1,2],["a"],[]], { value: [1,2,"a"] }],
  // terraform console: concat() → Error: Call to function "concat" failed: at least one argument is required.
  ["concat", [], { error: "Call to function \"concat\" failed: at least one argument is required." }],
  // terraform console: concat([1], "a") → Error: Invalid value for "seqs" parameter: all arguments must be lists or tuples; got string.
  ["concat", [[1],"a"], { error: "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got string." }],
  // terraform console: concat([1], null) → Error: Invalid value for "seqs" parameter: argument must not be null.
  ["concat", [[1],null], { error: "Invalid value for \"seqs\" parameter: argument must not be null." }],
  // terraform console: merge({"a" = 1, "b" = 2}, {"b" = 3, "c" = 4}, null) → jsonencode: {"a":1,"b":3,"c":4}
  ["merge", [{"a":1,"b":2},{"b":3,"c":4},null], { value: {"a":1,"b":3,"c":4} }],
  // terraform console: merge() → jsonencode: {}
  ["merge", [], { value: {} }],
  // terraform console: merge({"a" = {"x" = 1}}, {"a" = {"y" = 2}}) → jsonencode: {"a":{"y":2}}
  ["merge", [{"a":{"x":1}},{"a":{"y":2}}], { value: {"a":{"y":2}} }],
  // terraform console: merge({"a" = 1}, {"a" = null}) → jsonencode: {"a":null}
  ["merge", [{"a":1},{"a":null}], { value: {"a":null} }],
  // terraform console: merge({"a" = 1}, [1]) → Error: Call to function "merge" failed: arguments must be maps or objects, got "tuple".
  ["merge", [{"a":1},[1]], { error: "Call to function \"merge\" failed: arguments must be maps or objects, got \"tuple\"." }],
  // terraform console: merge({"a" = 1}, "x") → Error: Call to function "merge" failed: arguments must be maps or objects, got "string".
  ["merge", [{"a":1},"x"], { error: "Call to function \"merge\" failed: arguments must be maps or objects, got \"string\"." }],
  // terraform console: lookup({"a" = "x"}, "a") → jsonencode: "x"
  ["lookup", [{"a":"x"},"a"], { value: "x" }],
  // terraform console: lookup({"a" = "x"}, "b") → Error: Invalid value for "inputMap" parameter: the given object has no attribute "b".
  ["lookup", [{"a":"x"},"b"], { error: "Invalid value for \"inputMap\" parameter: the given object has no attribute \"b\"." }],
  // terraform console: lookup({"a" = "x"}, "b", "def") → jsonencode: "def"
  ["lookup", [{"a":"x"},"b","def"], { value: "def" }],
  // terraform console: lookup({"a" = 1, "b" = "x"}, "a", "def") → jsonencode: 1
  ["lookup", [{"a":1,"b":"x"},"a","def"], { value: 1 }],
  // terraform console: lookup({"a" = null}, "a", "x") → jsonencode: null
  ["lookup", [{"a":null},"a","x"], { value: null }],
  // terraform console: lookup({"a" = 1}, "b", null) → jsonencode: null
  ["lookup", [{"a":1},"b",null], { value: null }],
  // terraform console: lookup([1], "a") → Error: Invalid value for "inputMap" parameter: lookup() requires a map as the first argument.
  ["lookup", [[1],"a"], { error: "Invalid value for \"inputMap\" parameter: lookup() requires a map as the first argument." }],
  // terraform console: lookup(null, "a", "x") → Error: Invalid value for "inputMap" parameter: argument must not be null.
  ["lookup", [null,"a","x"], { error: "Invalid value for \"inputMap\" parameter: argument must not be null." }],
  // terraform console: lookup({"a" = 1}, null, "x") → Error: Invalid value for "key" parameter: argument must not be null.
  ["lookup", [{"a":1},null,"x"], { error: "Invalid value for \"key\" parameter: argument must not be null." }],
  // terraform console: keys({"b" = 1, "a" = 2, "c" = 3}) → jsonencode: ["a","b","c"]
  ["keys", [{"b":1,"a":2,"c":3}], { value: ["a","b","c"] }],
  // terraform console: keys({"9" = 2, "10" = 1, "b" = 1, "a" = 2, "B" = 3, "é" = 0}) → jsonencode: ["10","9","B","a","b","é"]
  ["keys", [{"9":2,"10":1,"b":1,"a":2,"B":3,"é":0}], { value: ["10","9","B","a","b","é"] }],
  // terraform console: keys({}) → jsonencode: []
  ["keys", [{}], { value: [] }],
  // terraform console: keys([1]) → Error: Invalid value for "inputMap" parameter: must have map or object type.
  ["keys", [[1]], { error: "Invalid value for \"inputMap\" parameter: must have map or object type." }],
  // terraform console: keys(null) → Error: Invalid value for "inputMap" parameter: argument must not be null.
  ["keys", [null], { error: "Invalid value for \"inputMap\" parameter: argument must not be null." }],
  // terraform console: values({"b" = 1, "a" = 2, "c" = 3}) → jsonencode: [2,1,3]
  ["values", [{"b":1,"a":2,"c":3}], { value: [2,1,3] }],
  // terraform console: values({"b" = "x", "a" = 1}) → jsonencode: [1,"x"]
  ["values", [{"b":"x","a":1}], { value: [1,"x"] }],
  // terraform console: values([1]) → Error: Call to function "values" failed: values() requires a map as the first argument.
  ["values", [[1]], { error: "Call to function \"values\" failed: values() requires a map as the first argument." }],
  // terraform console: length("héllo") → jsonencode: 5
  ["length", ["héllo"], { value: 5 }],
  // terraform console: length("👍🏽é") → jsonencode: 2
  ["length", ["👍🏽é"], { value: 2 }],
  // terraform console: length([1, 2, null]) → jsonencode: 3
  ["length", [[1,2,null]], { value: 3 }],
  // terraform console: length({"a" = 1}) → jsonencode: 1
  ["length", [{"a":1}], { value: 1 }],
  // terraform console: length(null) → Error: Invalid value for "value" parameter: argument must not be null.
  ["length", [null], { error: "Invalid value for \"value\" parameter: argument must not be null." }],
  // terraform console: length(5) → Error: Call to function "length" failed: argument must be a string, a collection type, or a structural type.
  ["length", [5], { error: "Call to function \"length\" failed: argument must be a string, a collection type, or a structural type." }],
  // terraform console: element(["a", "b", "c"], 1) → jsonencode: "b"
  ["element", [["a","b","c"],1], { value: "b" }],
  // terraform console: element(["a", "b", "c"], 5) → jsonencode: "c"
  ["element", [["a","b","c"],5], { value: "c" }],
  // terraform console: element(["a", "b", "c"], 3) → jsonencode: "a"
  ["element", [["a","b","c"],3], { value: "a" }],
  // terraform console: element(["a", "b"], "1") → jsonencode: "b"
  ["element", [["a","b"],"1"], { value: "b" }],
  // terraform console: element([], 0) → Error: Call to function "element" failed: cannot use element function with an empty list.
  ["element", [[],0], { error: "Call to function \"element\" failed: cannot use element function with an empty list." }],
  // terraform console: element(["a"], 1.5) → Error: Call to function "element" failed: invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807.
  ["element", [["a"],1.5], { error: "Call to function \"element\" failed: invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807." }],
  // terraform console: element("abc", 1) → Error: Call to function "element" failed: cannot read elements from string.
  ["element", ["abc",1], { error: "Call to function \"element\" failed: cannot read elements from string." }],
  // terraform console: element(["a"], null) → Error: Invalid value for "index" parameter: argument must not be null.
  ["element", [["a"],null], { error: "Invalid value for \"index\" parameter: argument must not be null." }],
  // terraform console: index(["a", "b", "c"], "b") → jsonencode: 1
  ["index", [["a","b","c"],"b"], { value: 1 }],
  // terraform console: index(["a", "b", "c"], "z") → Error: Call to function "index" failed: item not found.
  ["index", [["a","b","c"],"z"], { error: "Call to function \"index\" failed: item not found." }],
  // terraform console: index([1, 2], "2") → Error: Call to function "index" failed: item not found.
  ["index", [[1,2],"2"], { error: "Call to function \"index\" failed: item not found." }],
  // terraform console: index([], 1) → Error: Call to function "index" failed: cannot search an empty list.
  ["index", [[],1], { error: "Call to function \"index\" failed: cannot search an empty list." }],
  // terraform console: index([{"a" = 1}], {"a" = 1}) → jsonencode: 0
  ["index", [[{"a":1}],{"a":1}], { value: 0 }],
  // terraform console: index("a", "a") → Error: Call to function "index" failed: argument must be a list or tuple.
  ["index", ["a","a"], { error: "Call to function \"index\" failed: argument must be a list or tuple." }],
  // terraform console: contains(["a", "b"], "a") → jsonencode: true
  ["contains", [["a","b"],"a"], { value: true }],
  // terraform console: contains(["a", "b"], "z") → jsonencode: false
  ["contains", [["a","b"],"z"], { value: false }],
  // terraform console: contains([1, 2], "1") → jsonencode: false
  ["contains", [[1,2],"1"], { value: false }],
  // terraform console: contains([[1]], [1]) → jsonencode: true
  ["contains", [[[1]],[1]], { value: true }],
  // terraform console: contains("a", "a") → Error: Call to function "contains" failed: argument must be list, tuple, or set.
  ["contains", ["a","a"], { error: "Call to function \"contains\" failed: argument must be list, tuple, or set." }],
  // terraform console: contains(["a"], null) → Error: Invalid value for "value" parameter: argument must not be null.
  ["contains", [["a"],null], { error: "Invalid value for \"value\" parameter: argument must not be null." }],
  // terraform console: distinct(["a", "b", "a", "c", "b"]) → jsonencode: ["a","b","c"]
  ["distinct", [["a","b","a","c","b"]], { value: ["a","b","c"] }],
  // terraform console: distinct([1, "1", 1]) → jsonencode: ["1"]
  ["distinct", [[1,"1",1]], { value: ["1"] }],
  // terraform console: distinct([[1], [1], [2]]) → jsonencode: [[1],[2]]
  ["distinct", [[[1],[1],[2]]], { value: [[1],[2]] }],
  // terraform console: distinct("a") → Error: Invalid value for "list" parameter: list of any single type required.
  ["distinct", ["a"], { error: "Invalid value for \"list\" parameter: list of any single type required." }],
  // terraform console: flatten([["a", "b"], [], ["c", ["d", ["e"]]]]) → jsonencode: ["a","b","c","d","e"]
  ["flatten", [[["a","b"],[],["c",["d",["e"]]]]], { value: ["a","b","c","d","e"] }],
  // terraform console: flatten([1, [2, null]]) → jsonencode: [1,2,null]
  ["flatten", [[1,[2,null]]], { value: [1,2,null] }],
  // terraform console: flatten([{"a" = 1}, [2]]) → jsonencode: [{"a":1},2]
  ["flatten", [[{"a":1},[2]]], { value: [{"a":1},2] }],
  // terraform console: flatten("a") → Error: Call to function "flatten" failed: can only flatten lists, sets and tuples.
  ["flatten", ["a"], { error: "Call to function \"flatten\" failed: can only flatten lists, sets and tuples." }],
  // terraform console: flatten(null) → Error: Invalid value for "list" parameter: argument must not be null.
  ["flatten", [null], { error: "Invalid value for \"list\" parameter: argument must not be null." }],
  // terraform console: slice(["a", "b", "c", "d"], 1, 3) → jsonencode: ["b","c"]
  ["slice", [["a","b","c","d"],1,3], { value: ["b","c"] }],
  // terraform console: slice(["a", "b"], 2, 2) → jsonencode: []
  ["slice", [["a","b"],2,2], { value: [] }],
  // terraform console: slice(["a", "b"], 1, 3) → Error: Invalid value for "end_index" parameter: end index must not be greater than the length of the list.
  ["slice", [["a","b"],1,3], { error: "Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list." }],
  // terraform console: slice(["a", "b"], 2, 1) → Error: Invalid value for "start_index" parameter: start index must not be greater than end index.
  ["slice", [["a","b"],2,1], { error: "Invalid value for \"start_index\" parameter: start index must not be greater than end index." }],
  // terraform console: slice(["a", "b"], -1, 1) → Error: Invalid value for "start_index" parameter: start index must not be less than zero.
  ["slice", [["a","b"],-1,1], { error: "Invalid value for \"start_index\" parameter: start index must not be less than zero." }],
  // terraform console: slice(["a"], 0, 1.5) → Error: Invalid value for "end_index" parameter: invalid end index: value must be a whole number, between -9223372036854775808 and 9223372036854775807.
  ["slice", [["a"],0,1.5], { error: "Invalid value for \"end_index\" parameter: invalid end index: value must be a whole number, between -9223372036854775808 and 9223372036854775807." }],
  // terraform console: sort(["e", "d", "a", "x", "B", "10", "9"]) → jsonencode: ["10","9","B","a","d","e","x"]
  ["sort", [["e","d","a","x","B","10","9"]], { value: ["10","9","B","a","d","e","x"] }],
  // terraform console: sort([3, 1, 20]) → jsonencode: ["1","20","3"]
  ["sort", [[3,1,20]], { value: ["1","20","3"] }],
  // terraform console: sort(["é", "z", "É", "a"]) → jsonencode: ["a","z","É","é"]
  ["sort", [["é","z","É","a"]], { value: ["a","z","É","é"] }],
  // terraform console: sort([true, false]) → jsonencode: ["false","true"]
  ["sort", [[true,false]], { value: ["false","true"] }],
  // terraform console: sort(["a", null]) → Error: Call to function "sort" failed: given list element 1 is null; a null string cannot be sorted.
  ["sort", [["a",null]], { error: "Call to function \"sort\" failed: given list element 1 is null; a null string cannot be sorted." }],
  // terraform console: sort("a") → Error: Invalid value for "list" parameter: list of string required.
  ["sort", ["a"], { error: "Invalid value for \"list\" parameter: list of string required." }],
  // terraform console: sort([]) → jsonencode: []
  ["sort", [[]], { value: [] }],
  // terraform console: reverse([1, 2, 3]) → jsonencode: [3,2,1]
  ["reverse", [[1,2,3]], { value: [3,2,1] }],
  // terraform console: reverse([]) → jsonencode: []
  ["reverse", [[]], { value: [] }],
  // terraform console: reverse("ab") → Error: Invalid value for "list" parameter: can only reverse list or tuple values, not string.
  ["reverse", ["ab"], { error: "Invalid value for \"list\" parameter: can only reverse list or tuple values, not string." }],
  // terraform console: range(3) → jsonencode: [0,1,2]
  ["range", [3], { value: [0,1,2] }],
  // terraform console: range(1, 4) → jsonencode: [1,2,3]
  ["range", [1,4], { value: [1,2,3] }],
  // terraform console: range(1, 8, 2) → jsonencode: [1,3,5,7]
  ["range", [1,8,2], { value: [1,3,5,7] }],
  // terraform console: range(0, 1, 0.25) → jsonencode: [0,0.25,0.5,0.75]
  ["range", [0,1,0.25], { value: [0,0.25,0.5,0.75] }],
  // terraform console: range(4, 1) → jsonencode: [4,3,2]
  ["range", [4,1], { value: [4,3,2] }],
  // terraform console: range(10, 0, -3) → jsonencode: [10,7,4,1]
  ["range", [10,0,-3], { value: [10,7,4,1] }],
  // terraform console: range(0) → jsonencode: []
  ["range", [0], { value: [] }],
  // terraform console: range(1.5) → jsonencode: [0,1]
  ["range", [1.5], { value: [0,1] }],
  // terraform console: range(-3) → jsonencode: [0,-1,-2]
  ["range", [-3], { value: [0,-1,-2] }],
  // terraform console: range(1, 1) → jsonencode: []
  ["range", [1,1], { value: [] }],
  // terraform console: range(5, 3) → jsonencode: [5,4]
  ["range", [5,3], { value: [5,4] }],
  // terraform console: range(1, 4, -1) → Error: Invalid value for "params" parameter: end must be less than start when step is negative.
  ["range", [1,4,-1], { error: "Invalid value for \"params\" parameter: end must be less than start when step is negative." }],
  // terraform console: range(4, 1, 1) → Error: Invalid value for "params" parameter: end must be greater than start when step is positive.
  ["range", [4,1,1], { error: "Invalid value for \"params\" parameter: end must be greater than start when step is positive." }],
  // terraform console: range(1, 2, 0) → Error: Call to function "range" failed: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step.
  ["range", [1,2,0], { error: "Call to function \"range\" failed: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step." }],
  // terraform console: range() → Error: Call to function "range" failed: must have one, two, or three arguments.
  ["range", [], { error: "Call to function \"range\" failed: must have one, two, or three arguments." }],
  // terraform console: range(1, 2, 3, 4) → Error: Call to function "range" failed: must have one, two, or three arguments.
  ["range", [1,2,3,4], { error: "Call to function \"range\" failed: must have one, two, or three arguments." }],
  // terraform console: range(null) → Error: Invalid value for "params" parameter: argument must not be null.
  ["range", [null], { error: "Invalid value for \"params\" parameter: argument must not be null." }],
  // terraform console: range("3") → jsonencode: [0,1,2]
  ["range", ["3"], { value: [0,1,2] }],
  // terraform console: zipmap(["a", "b"], [1, 2]) → jsonencode: {"a":1,"b":2}
  ["zipmap", [["a","b"],[1,2]], { value: {"a":1,"b":2} }],
  // terraform console: zipmap(["a", "b"], [1]) → Error: Call to function "zipmap" failed: number of keys (2) does not match number of values (1).
  ["zipmap", [["a","b"],[1]], { error: "Call to function \"zipmap\" failed: number of keys (2) does not match number of values (1)." }],
  // terraform console: zipmap(["a", "a"], [1, 2]) → jsonencode: {"a":2}
  ["zipmap", [["a","a"],[1,2]], { value: {"a":2} }],
  // terraform console: zipmap([], []) → jsonencode: {}
  ["zipmap", [[],[]], { value: {} }],
  // terraform console: zipmap("a", [1]) → Error: Invalid value for "keys" parameter: list of string required.
  ["zipmap", ["a",[1]], { error: "Invalid value for \"keys\" parameter: list of string required." }],
  // terraform console: zipmap(["a"], null) → Error: Invalid value for "values" parameter: argument must not be null.
  ["zipmap", [["a"],null], { error: "Invalid value for \"values\" parameter: argument must not be null." }],
  // terraform console: coalesce("", "a", "b") → jsonencode: "a"
  ["coalesce", ["","a","b"], { value: "a" }],
  // terraform console: coalesce(null, 1, "x") → jsonencode: "1"
  ["coalesce", [null,1,"x"], { value: "1" }],
  // terraform console: coalesce(1, "a") → jsonencode: "1"
  ["coalesce", [1,"a"], { value: "1" }],
  // terraform console: coalesce("", null, 0) → jsonencode: "0"
  ["coalesce", ["",null,0], { value: "0" }],
  // terraform console: coalesce([], [1]) → jsonencode: []
  ["coalesce", [[],[1]], { value: [] }],
  // terraform console: coalesce(null, "") → Error: Call to function "coalesce" failed: no non-null, non-empty-string arguments.
  ["coalesce", [null,""], { error: "Call to function \"coalesce\" failed: no non-null, non-empty-string arguments." }],
  // terraform console: coalesce() → Error: Call to function "coalesce" failed: all arguments must have the same type.
  ["coalesce", [], { error: "Call to function \"coalesce\" failed: all arguments must have the same type." }],
  // terraform console: coalesce(1, true) → Error: Call to function "coalesce" failed: all arguments must have the same type.
  ["coalesce", [1,true], { error: "Call to function \"coalesce\" failed: all arguments must have the same type." }],
  // terraform console: coalesce(["a"], "b") → Error: Call to function "coalesce" failed: all arguments must have the same type.
  ["coalesce", [["a"],"b"], { error: "Call to function \"coalesce\" failed: all arguments must have the same type." }],
  // terraform console: coalescelist([], ["a"], ["b"]) → jsonencode: ["a"]
  ["coalescelist", [[],["a"],["b"]], { value: ["a"] }],
  // terraform console: coalescelist([], []) → Error: Call to function "coalescelist" failed: no non-null arguments.
  ["coalescelist", [[],[]], { error: "Call to function \"coalescelist\" failed: no non-null arguments." }],
  // terraform console: coalescelist("a") → Error: Call to function "coalescelist" failed: coalescelist arguments must be lists or tuples.
  ["coalescelist", ["a"], { error: "Call to function \"coalescelist\" failed: coalescelist arguments must be lists or tuples." }],
  // terraform console: coalescelist(null, [1]) → Error: Call to function "coalescelist" failed: coalescelist arguments must be lists or tuples.
  ["coalescelist", [null,[1]], { error: "Call to function \"coalescelist\" failed: coalescelist arguments must be lists or tuples." }],
  // terraform console: compact(["a", "", null, "b"]) → jsonencode: ["a","b"]
  ["compact", [["a","",null,"b"]], { value: ["a","b"] }],
  // terraform console: compact([]) → jsonencode: []
  ["compact", [[]], { value: [] }],
  // terraform console: compact([1, "", 2]) → jsonencode: ["1","2"]
  ["compact", [[1,"",2]], { value: ["1","2"] }],
  // terraform console: compact("a") → Error: Invalid value for "list" parameter: list of string required.
  ["compact", ["a"], { error: "Invalid value for \"list\" parameter: list of string required." }],
  // terraform console: one([]) → jsonencode: null
  ["one", [[]], { value: null }],
  // terraform console: one(["x"]) → jsonencode: "x"
  ["one", [["x"]], { value: "x" }],
  // terraform console: one([1, 2]) → Error: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements.
  ["one", [[1,2]], { error: "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements." }],
  // terraform console: one(null) → Error: Invalid value for "list" parameter: argument must not be null.
  ["one", [null], { error: "Invalid value for \"list\" parameter: argument must not be null." }],
  // terraform console: one({"a" = 1}) → Error: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements.
  ["one", [{"a":1}], { error: "Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements." }],
  // terraform console: setproduct(["a", "b"], [1, 2]) → jsonencode: [["a",1],["a",2],["b",1],["b",2]]
  ["setproduct", [["a","b"],[1,2]], { value: [["a",1],["a",2],["b",1],["b",2]] }],
  // terraform console: setproduct(["a", "b"], ["c"], ["d", "e"]) → jsonencode: [["a","c","d"],["a","c","e"],["b","c","d"],["b","c","e"]]
  ["setproduct", [["a","b"],["c"],["d","e"]], { value: [["a","c","d"],["a","c","e"],["b","c","d"],["b","c","e"]] }],
  // terraform console: setproduct(["a"], []) → jsonencode: []
  ["setproduct", [["a"],[]], { value: [] }],
  // terraform console: setproduct(["a"]) → Error: Call to function "setproduct" failed: at least two arguments are required.
  ["setproduct", [["a"]], { error: "Call to function \"setproduct\" failed: at least two arguments are required." }],
  // terraform console: setproduct(null, [1]) → Error: Invalid value for "sets" parameter: argument must not be null.
  ["setproduct", [null,[1]], { error: "Invalid value for \"sets\" parameter: argument must not be null." }],
  // terraform console: setunion(["b", "a"], ["c", "a"]) → jsonencode: ["a","b","c"]
  ["setunion", [["b","a"],["c","a"]], { value: ["a","b","c"] }],
  // terraform console: setunion([3, 1], [2, 10]) → jsonencode: [1,2,3,10]
  ["setunion", [[3,1],[2,10]], { value: [1,2,3,10] }],
  // terraform console: setunion(["a"], [1]) → jsonencode: ["1","a"]
  ["setunion", [["a"],[1]], { value: ["1","a"] }],
  // terraform console: setunion("a", ["b"]) → Error: Invalid value for "first_set" parameter: set of any single type required.
  ["setunion", ["a",["b"]], { error: "Invalid value for \"first_set\" parameter: set of any single type required." }],
  // terraform console: setunion(["a"], null) → Error: Invalid value for "other_sets" parameter: argument must not be null.
  ["setunion", [["a"],null], { error: "Invalid value for \"other_sets\" parameter: argument must not be null." }],
  // terraform console: setintersection(["a", "b", "c"], ["b", "c", "d"], ["c", "b"]) → jsonencode: ["b","c"]
  ["setintersection", [["a","b","c"],["b","c","d"],["c","b"]], { value: ["b","c"] }],
  // terraform console: setintersection([2, 1]) → jsonencode: [1,2]
  ["setintersection", [[2,1]], { value: [1,2] }],
  // terraform console: setsubtract(["a", "b", "c"], ["a", "c"]) → jsonencode: ["b"]
  ["setsubtract", [["a","b","c"],["a","c"]], { value: ["b"] }],
  // terraform console: setsubtract([1], ["1"]) → jsonencode: []
  ["setsubtract", [[1],["1"]], { value: [] }],
  // terraform console: transpose({"a" = ["1", "2"], "b" = ["2", "3"]}) → jsonencode: {"1":["a"],"2":["a","b"],"3":["b"]}
  ["transpose", [{"a":["1","2"],"b":["2","3"]}], { value: {"1":["a"],"2":["a","b"],"3":["b"]} }],
  // terraform console: transpose({"a" = [], "b" = ["x"]}) → jsonencode: {"x":["b"]}
  ["transpose", [{"a":[],"b":["x"]}], { value: {"x":["b"]} }],
  // terraform console: transpose({"a" = [1]}) → jsonencode: {"1":["a"]}
  ["transpose", [{"a":[1]}], { value: {"1":["a"]} }],
  // terraform console: transpose({"a" = "x"}) → Error: Invalid value for "values" parameter: element "a": list of string required.
  ["transpose", [{"a":"x"}], { error: "Invalid value for \"values\" parameter: element \"a\": list of string required." }],
  // terraform console: chunklist(["a", "b", "c", "d", "e"], 2) → jsonencode: [["a","b"],["c","d"],["e"]]
  ["chunklist", [["a","b","c","d","e"],2], { value: [["a","b"],["c","d"],["e"]] }],
  // terraform console: chunklist(["a", "b"], 0) → jsonencode: [["a","b"]]
  ["chunklist", [["a","b"],0], { value: [["a","b"]] }],
  // terraform console: chunklist([], 2) → jsonencode: []
  ["chunklist", [[],2], { value: [] }],
  // terraform console: chunklist(["a"], -1) → Error: Call to function "chunklist" failed: the size argument must be positive.
  ["chunklist", [["a"],-1], { error: "Call to function \"chunklist\" failed: the size argument must be positive." }],
  // terraform console: chunklist("a", 1) → Error: Invalid value for "list" parameter: list of any single type required.
  ["chunklist", ["a",1], { error: "Invalid value for \"list\" parameter: list of any single type required." }],
  // terraform console: alltrue([true, "true"]) → jsonencode: true
  ["alltrue", [[true,"true"]], { value: true }],
  // terraform console: alltrue([]) → jsonencode: true
  ["alltrue", [[]], { value: true }],
  // terraform console: alltrue([true, false]) → jsonencode: false
  ["alltrue", [[true,false]], { value: false }],
  // terraform console: alltrue([null]) → jsonencode: false
  ["alltrue", [[null]], { value: false }],
  // terraform console: alltrue([1]) → Error: Invalid value for "list" parameter: element 0: bool required.
  ["alltrue", [[1]], { error: "Invalid value for \"list\" parameter: element 0: bool required." }],
  // terraform console: alltrue(null) → Error: Invalid value for "list" parameter: argument must not be null.
  ["alltrue", [null], { error: "Invalid value for \"list\" parameter: argument must not be null." }],
  // terraform console: anytrue([]) → jsonencode: false
  ["anytrue", [[]], { value: false }],
  // terraform console: anytrue([false, "true"]) → jsonencode: true
  ["anytrue", [[false,"true"]], { value: true }],
  // terraform console: anytrue([null, true]) → jsonencode: true
  ["anytrue", [[null,true]], { value: true }],
  // terraform console: sum([1, 2, 3.5]) → jsonencode: 6.5
  ["sum", [[1,2,3.5]], { value: 6.5 }],
  // terraform console: sum([0.1, 0.2]) → jsonencode: 0.3
  ["sum", [[0.1,0.2]], { value: 0.3 }],
  // terraform console: sum([]) → Error: Invalid value for "list" parameter: cannot sum an empty list.
  ["sum", [[]], { error: "Invalid value for \"list\" parameter: cannot sum an empty list." }],
  // terraform console: sum(["1", 2]) → jsonencode: 3
  ["sum", [["1",2]], { value: 3 }],
  // terraform console: sum(["a"]) → Error: Invalid value for "list" parameter: argument must be list, set, or tuple of number values.
  ["sum", [["a"]], { error: "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values." }],
  // terraform console: sum([1, null]) → Error: Invalid value for "list" parameter: argument must be list, set, or tuple of number values.
  ["sum", [[1,null]], { error: "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values." }],
  // terraform console: sum([true]) → Error: Invalid value for "list" parameter: argument must be list, set, or tuple of number values.
  ["sum", [[true]], { error: "Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values." }],
];

runCases('terraform collection functions', cases);
