// Terraform's string functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: format("%s|%d|%f|%.2f|%q|%v|%t", "a", 42, 3.5, 3.14159, "q\"x", 12, true) → jsonencode: "a|42|3.500000|3.14|\"q\\\"x\"|12|true"
  ["format", ["%s|%d|%f|%.2f|%q|%v|%t","a",42,3.5,3.14159,"q\"x",12,true], { value: "a|42|3.500000|3.14|\"q\\\"x\"|12|true" }],
  // terraform console: format("%x|%X|%o|%b|%e|%g|%%", 255, 255, 8, 5, 1234.5678, 1234.5678) → jsonencode: "ff|FF|10|101|1.234568e+03|1234.5678|%"
  ["format", ["%x|%X|%o|%b|%e|%g|%%",255,255,8,5,1234.5678,1234.5678], { value: "ff|FF|10|101|1.234568e+03|1234.5678|%" }],
  // terraform console: format("%-10s|%10s|%05d|%+d|% d", "ab", "cd", 42, 5, 7) → jsonencode: "ab        |        cd|00042|+5| 7"
  ["format", ["%-10s|%10s|%05d|%+d|% d","ab","cd",42,5,7], { value: "ab        |        cd|00042|+5| 7" }],
  // terraform console: format("%[2]s %[1]s %s", "a", "b") → jsonencode: "b a b"
  ["format", ["%[2]s %[1]s %s","a","b"], { value: "b a b" }],
  // terraform console: format("%[1]s %[1]s %s", "a", "b") → jsonencode: "a a b"
  ["format", ["%[1]s %[1]s %s","a","b"], { value: "a a b" }],
  // terraform console: format("%[2]s %s", "a", "b", "c") → jsonencode: "b c"
  ["format", ["%[2]s %s","a","b","c"], { value: "b c" }],
  // terraform console: format("%05.1f|%q", 3.14159, "x") → jsonencode: "003.1|\"x\""
  ["format", ["%05.1f|%q",3.14159,"x"], { value: "003.1|\"x\"" }],
  // terraform console: format("%5.2f|%-8.3f|%08.3f", 3.14159, 2.5, -1.5) → jsonencode: " 3.14|2.500   |-001.500"
  ["format", ["%5.2f|%-8.3f|%08.3f",3.14159,2.5,-1.5], { value: " 3.14|2.500   |-001.500" }],
  // terraform console: format("%.3s|%10.2s", "abcdef", "xyz") → jsonencode: "abc|        xy"
  ["format", ["%.3s|%10.2s","abcdef","xyz"], { value: "abc|        xy" }],
  // terraform console: format("%d", "12") → jsonencode: "12"
  ["format", ["%d","12"], { value: "12" }],
  // terraform console: format("%s", 3.5) → jsonencode: "3.5"
  ["format", ["%s",3.5], { value: "3.5" }],
  // terraform console: format("%s", true) → jsonencode: "true"
  ["format", ["%s",true], { value: "true" }],
  // terraform console: format("%t", "true") → jsonencode: "true"
  ["format", ["%t","true"], { value: "true" }],
  // terraform console: format("%v", [1, "a"]) → jsonencode: "[1,\"a\"]"
  ["format", ["%v",[1,"a"]], { value: "[1,\"a\"]" }],
  // terraform console: format("%v", {"b" = 1, "a" = "<"}) → jsonencode: "{\"a\":\"\\u003c\",\"b\":1}"
  ["format", ["%v",{"b":1,"a":"<"}], { value: "{\"a\":\"\\u003c\",\"b\":1}" }],
  // terraform console: format("%#v", "a") → jsonencode: "\"a\""
  ["format", ["%#v","a"], { value: "\"a\"" }],
  // terraform console: format("%#v", 1) → jsonencode: "1"
  ["format", ["%#v",1], { value: "1" }],
  // terraform console: format("%v|%v|%v", 3, 0.1, true) → jsonencode: "3|0.1|true"
  ["format", ["%v|%v|%v",3,0.1,true], { value: "3|0.1|true" }],
  // terraform console: format("%v", 100000000000000000000) → jsonencode: "1e+20"
  ["format", ["%v",100000000000000000000], { value: "1e+20" }],
  // terraform console: format("%v", 123456789012) → jsonencode: "1.23456789012e+11"
  ["format", ["%v",123456789012], { value: "1.23456789012e+11" }],
  // terraform console: format("%v", 0.000001) → jsonencode: "1e-06"
  ["format", ["%v",0.000001], { value: "1e-06" }],
  // terraform console: format("%d", 100000000000000000000) → jsonencode: "100000000000000000000"
  ["format", ["%d",100000000000000000000], { value: "100000000000000000000" }],
  // terraform console: format("%f", 100000000000000000000) → jsonencode: "100000000000000000000.000000"
  ["format", ["%f",100000000000000000000], { value: "100000000000000000000.000000" }],
  // terraform console: format("%e", 0) → jsonencode: "0.000000e+00"
  ["format", ["%e",0], { value: "0.000000e+00" }],
  // terraform console: format("%g|%g|%g", 100000, 1000000, 0.0001) → jsonencode: "100000|1e+06|0.0001"
  ["format", ["%g|%g|%g",100000,1000000,0.0001], { value: "100000|1e+06|0.0001" }],
  // terraform console: format("%g", 0.00001) → jsonencode: "1e-05"
  ["format", ["%g",0.00001], { value: "1e-05" }],
  // terraform console: format("%.3g|%.3g|%.10g", 1234567, 0.00001234, 1234567) → jsonencode: "1.23e+06|1.23e-05|1234567"
  ["format", ["%.3g|%.3g|%.10g",1234567,0.00001234,1234567], { value: "1.23e+06|1.23e-05|1234567" }],
  // terraform console: format("%10.4g|", 3.14159265) → jsonencode: "     3.142|"
  ["format", ["%10.4g|",3.14159265], { value: "     3.142|" }],
  // terraform console: format("%-10.2e|", 12345.6789) → jsonencode: "1.23e+04  |"
  ["format", ["%-10.2e|",12345.6789], { value: "1.23e+04  |" }],
  // terraform console: format("%08.2e", -1.5) → jsonencode: "-1.50e+00"
  ["format", ["%08.2e",-1.5], { value: "-1.50e+00" }],
  // terraform console: format("%+.2e|%G|%E", 12345.678, 1e-10, 1e-10) → jsonencode: "+1.23e+04|1E-10|1.000000E-10"
  ["format", ["%+.2e|%G|%E",12345.678,1e-10,1e-10], { value: "+1.23e+04|1E-10|1.000000E-10" }],
  // terraform console: format("%08.3f|%+.1e|% .2f", 3.14159, 0.000123, 2.5) → jsonencode: "0003.142|+1.2e-04| 2.50"
  ["format", ["%08.3f|%+.1e|% .2f",3.14159,0.000123,2.5], { value: "0003.142|+1.2e-04| 2.50" }],
  // terraform console: format("%.0f|%.0f|%.0f", 2.5, 0.5, 1.5) → jsonencode: "2|0|2"
  ["format", ["%.0f|%.0f|%.0f",2.5,0.5,1.5], { value: "2|0|2" }],
  // terraform console: format("%.1f|%.1f|%.1f|%.2f", 0.05, 0.25, 0.35, 1.005) → jsonencode: "0.1|0.2|0.3|1.00"
  ["format", ["%.1f|%.1f|%.1f|%.2f",0.05,0.25,0.35,1.005], { value: "0.1|0.2|0.3|1.00" }],
  // terraform console: format("%.f", 2.7) → jsonencode: "3"
  ["format", ["%.f",2.7], { value: "3" }],
  // terraform console: format("%.2f", 1e+22) → jsonencode: "10000000000000000000000.00"
  ["format", ["%.2f",1e+22], { value: "10000000000000000000000.00" }],
  // terraform console: format("%#x|%#o|%#b", 255, 8, 5) → jsonencode: "0xff|010|0b101"
  ["format", ["%#x|%#o|%#b",255,8,5], { value: "0xff|010|0b101" }],
  // terraform console: format("%x|%o|%+x", -255, -8, 255) → jsonencode: "-ff|-10|+ff"
  ["format", ["%x|%o|%+x",-255,-8,255], { value: "-ff|-10|+ff" }],
  // terraform console: format("%.3d|%8.3d", 7, -7) → jsonencode: "007|    -007"
  ["format", ["%.3d|%8.3d",7,-7], { value: "007|    -007" }],
  // terraform console: format("%.0d|", 0) → jsonencode: "|"
  ["format", ["%.0d|",0], { value: "|" }],
  // terraform console: format("%X", 3735928559) → jsonencode: "DEADBEEF"
  ["format", ["%X",3735928559], { value: "DEADBEEF" }],
  // terraform console: format("% 5d|%+5d|%-+5d|", 3, 3, 3) → jsonencode: "    3|   +3|+3   |"
  ["format", ["% 5d|%+5d|%-+5d|",3,3,3], { value: "    3|   +3|+3   |" }],
  // terraform console: format("%-08d|", 5) → jsonencode: "5       |"
  ["format", ["%-08d|",5], { value: "5       |" }],
  // terraform console: format("%5t|%-7v|%.1s", true, "ab", "xyz") → jsonencode: "true|ab     |x"
  ["format", ["%5t|%-7v|%.1s",true,"ab","xyz"], { value: "true|ab     |x" }],
  // terraform console: format("%05s", "ab") → jsonencode: "000ab"
  ["format", ["%05s","ab"], { value: "000ab" }],
  // terraform console: format("%5s|%-4s|", "é", "👍🏽") → jsonencode: "    é|👍🏽   |"
  ["format", ["%5s|%-4s|","é","👍🏽"], { value: "    é|👍🏽   |" }],
  // terraform console: format("%.2v|%.2q|%5q", "abcdef", "abcdef", "a") → jsonencode: "abcdef|\"ab\"|  \"a\""
  ["format", ["%.2v|%.2q|%5q","abcdef","abcdef","a"], { value: "abcdef|\"ab\"|  \"a\"" }],
  // terraform console: format("%08.3v|", -3.5) → jsonencode: "0000-3.5|"
  ["format", ["%08.3v|",-3.5], { value: "0000-3.5|" }],
  // terraform console: format("%+v|% v", 3, 3) → jsonencode: "3|3"
  ["format", ["%+v|% v",3,3], { value: "3|3" }],
  // terraform console: format("%q", "a\nb\tc<&>é") → jsonencode: "\"a\\nb\\tc\\u003c\\u0026\\u003eé\""
  ["format", ["%q","a\nb\tc<&>é"], { value: "\"a\\nb\\tc\\u003c\\u0026\\u003eé\"" }],
  // terraform console: format("%s", "a%b") → jsonencode: "a%b"
  ["format", ["%s","a%b"], { value: "a%b" }],
  // terraform console: format("%%d") → jsonencode: "%d"
  ["format", ["%%d"], { value: "%d" }],
  // terraform console: format("abc") → jsonencode: "abc"
  ["format", ["abc"], { value: "abc" }],
  // terraform console: format("%d", 3.5) → Error: Call to function "format" failed: unsupported value for "%d" at 0: an integer is required.
  ["format", ["%d",3.5], { error: "Call to function \"format\" failed: unsupported value for \"%d\" at 0: an integer is required." }],
  // terraform console: format("%s", [1, 2]) → Error: Call to function "format" failed: unsupported value for "%s" at 0: string required.
  ["format", ["%s",[1,2]], { error: "Call to function \"format\" failed: unsupported value for \"%s\" at 0: string required." }],
  // terraform console: format("%s %s", "a") → Error: Call to function "format" failed: not enough arguments for "%s" at 3: need index 2 but have 1 total.
  ["format", ["%s %s","a"], { error: "Call to function \"format\" failed: not enough arguments for \"%s\" at 3: need index 2 but have 1 total." }],
  // terraform console: format("%z", 1) → Error: Call to function "format" failed: unsupported format verb 'z' in "%z" at offset 0.
  ["format", ["%z",1], { error: "Call to function \"format\" failed: unsupported format verb 'z' in \"%z\" at offset 0." }],
  // terraform console: format("%[3]s", "a") → Error: Call to function "format" failed: not enough arguments for "%[3]s" at 0: need index 3 but have 1 total.
  ["format", ["%[3]s","a"], { error: "Call to function \"format\" failed: not enough arguments for \"%[3]s\" at 0: need index 3 but have 1 total." }],
  // terraform console: format("%[0]s", "a") → Error: Call to function "format" failed: unrecognized format character '0' at offset 2.
  ["format", ["%[0]s","a"], { error: "Call to function \"format\" failed: unrecognized format character '0' at offset 2." }],
  // terraform console: format("%*d", 5, 3) → Error: Call to function "format" failed: unrecognized format character '*' at offset 1.
  ["format", ["%*d",5,3], { error: "Call to function \"format\" failed: unrecognized format character '*' at offset 1." }],
  // terraform console: format("%", 1) → Error: Call to function "format" failed: invalid format string starting at offset 1.
  ["format", ["%",1], { error: "Call to function \"format\" failed: invalid format string starting at offset 1." }],
  // terraform console: format("abc%") → Error: Call to function "format" failed: invalid format string starting at offset 4.
  ["format", ["abc%"], { error: "Call to function \"format\" failed: invalid format string starting at offset 4." }],
  // terraform console: format("%[1", "a") → Error: Call to function "format" failed: invalid format string starting at offset 3.
  ["format", ["%[1","a"], { error: "Call to function \"format\" failed: invalid format string starting at offset 3." }],
  // terraform console: format("%-5%|") → Error: Call to function "format" failed: unrecognized format character '%' at offset 3.
  ["format", ["%-5%|"], { error: "Call to function \"format\" failed: unrecognized format character '%' at offset 3." }],
  // terraform console: format("%é", "a") → Error: Call to function "format" failed: unrecognized format character 'é' at offset 1.
  ["format", ["%é","a"], { error: "Call to function \"format\" failed: unrecognized format character 'é' at offset 1." }],
  // terraform console: format("%s", "a", "extra") → Error: Invalid value for "args" parameter: too many arguments; only 1 used by format string.
  ["format", ["%s","a","extra"], { error: "Invalid value for \"args\" parameter: too many arguments; only 1 used by format string." }],
  // terraform console: format("abc", "x") → Error: Invalid value for "args" parameter: too many arguments; no verbs in format string.
  ["format", ["abc","x"], { error: "Invalid value for \"args\" parameter: too many arguments; no verbs in format string." }],
  // terraform console: format("%x", "hi") → Error: Call to function "format" failed: unsupported value for "%x" at 0: a number is required.
  ["format", ["%x","hi"], { error: "Call to function \"format\" failed: unsupported value for \"%x\" at 0: a number is required." }],
  // terraform console: format("%x", 3.5) → Error: Call to function "format" failed: unsupported value for "%x" at 0: an integer is required.
  ["format", ["%x",3.5], { error: "Call to function \"format\" failed: unsupported value for \"%x\" at 0: an integer is required." }],
  // terraform console: format("%t", 1) → Error: Call to function "format" failed: unsupported value for "%t" at 0: bool required.
  ["format", ["%t",1], { error: "Call to function \"format\" failed: unsupported value for \"%t\" at 0: bool required." }],
  // terraform console: format("%t", "yes") → Error: Call to function "format" failed: unsupported value for "%t" at 0: a bool is required.
  ["format", ["%t","yes"], { error: "Call to function \"format\" failed: unsupported value for \"%t\" at 0: a bool is required." }],
  // terraform console: format("%d", true) → Error: Call to function "format" failed: unsupported value for "%d" at 0: number required.
  ["format", ["%d",true], { error: "Call to function \"format\" failed: unsupported value for \"%d\" at 0: number required." }],
  // terraform console: formatlist("Hello, %s!", ["Valentina", "Ander"]) → jsonencode: ["Hello, Valentina!","Hello, Ander!"]
  ["formatlist", ["Hello, %s!",["Valentina","Ander"]], { value: ["Hello, Valentina!","Hello, Ander!"] }],
  // terraform console: formatlist("%s, %s", ["a", "b"], "x") → jsonencode: ["a, x","b, x"]
  ["formatlist", ["%s, %s",["a","b"],"x"], { value: ["a, x","b, x"] }],
  // terraform console: formatlist("%s-%s", "a", "b") → jsonencode: ["a-b"]
  ["formatlist", ["%s-%s","a","b"], { value: ["a-b"] }],
  // terraform console: formatlist("%s", []) → jsonencode: []
  ["formatlist", ["%s",[]], { value: [] }],
  // terraform console: formatlist("%s=%s", ["a", "b"], ["c"]) → Error: Invalid value for "args" parameter: argument 2 has length 1, which is inconsistent with argument 1 of length 2.
  ["formatlist", ["%s=%s",["a","b"],["c"]], { error: "Invalid value for \"args\" parameter: argument 2 has length 1, which is inconsistent with argument 1 of length 2." }],
  // terraform console: formatlist("%d", ["a"]) → Error: Call to function "formatlist" failed: error on format iteration 0: unsupported value for "%d" at 0: a number is required.
  ["formatlist", ["%d",["a"]], { error: "Call to function \"formatlist\" failed: error on format iteration 0: unsupported value for \"%d\" at 0: a number is required." }],
  // terraform console: formatlist("%s", ["a"], ["b"]) → Error: Call to function "formatlist" failed: error on format iteration 0: too many arguments; only 1 used by format string.
  ["formatlist", ["%s",["a"],["b"]], { error: "Call to function \"formatlist\" failed: error on format iteration 0: too many arguments; only 1 used by format string." }],
  // terraform console: join(", ", ["a", "b", 3, true]) → jsonencode: "a, b, 3, true"
  ["join", [", ",["a","b",3,true]], { value: "a, b, 3, true" }],
  // terraform console: join("-", []) → jsonencode: ""
  ["join", ["-",[]], { value: "" }],
  // terraform console: join("-", ["a"], ["b", "c"]) → jsonencode: "a-b-c"
  ["join", ["-",["a"],["b","c"]], { value: "a-b-c" }],
  // terraform console: join(",", ["a", null]) → Error: Invalid value for "lists" parameter: element 1 is null; cannot concatenate null values.
  ["join", [",",["a",null]], { error: "Invalid value for \"lists\" parameter: element 1 is null; cannot concatenate null values." }],
  // terraform console: join(",", "a") → Error: Invalid value for "lists" parameter: list of string required.
  ["join", [",","a"], { error: "Invalid value for \"lists\" parameter: list of string required." }],
  // terraform console: join(",", [[1]]) → Error: Invalid value for "lists" parameter: element 0: string required.
  ["join", [",",[[1]]], { error: "Invalid value for \"lists\" parameter: element 0: string required." }],
  // terraform console: split(",", "a,b,,c") → jsonencode: ["a","b","","c"]
  ["split", [",","a,b,,c"], { value: ["a","b","","c"] }],
  // terraform console: split(",", "") → jsonencode: [""]
  ["split", [",",""], { value: [""] }],
  // terraform console: split("", "abc") → jsonencode: ["a","b","c"]
  ["split", ["","abc"], { value: ["a","b","c"] }],
  // terraform console: split("::", "a::b") → jsonencode: ["a","b"]
  ["split", ["::","a::b"], { value: ["a","b"] }],
  // terraform console: split(",", null) → Error: Invalid value for "str" parameter: argument must not be null.
  ["split", [",",null], { error: "Invalid value for \"str\" parameter: argument must not be null." }],
  // terraform console: lower("ÀBC") → jsonencode: "àbc"
  ["lower", ["ÀBC"], { value: "àbc" }],
  // terraform console: lower(5) → jsonencode: "5"
  ["lower", [5], { value: "5" }],
  // terraform console: lower([1]) → Error: Invalid value for "str" parameter: string required.
  ["lower", [[1]], { error: "Invalid value for \"str\" parameter: string required." }],
  // terraform console: upper("straße") → jsonencode: "STRAßE"
  ["upper", ["straße"], { value: "STRAßE" }],
  // terraform console: upper(true) → jsonencode: "TRUE"
  ["upper", [true], { value: "TRUE" }],
  // terraform console: upper(null) → Error: Invalid value for "str" parameter: argument must not be null.
  ["upper", [null], { error: "Invalid value for \"str\" parameter: argument must not be null." }],
  // terraform console: title("hello world-foo_bar éa") → jsonencode: "Hello World-Foo_bar Éa"
  ["title", ["hello world-foo_bar éa"], { value: "Hello World-Foo_bar Éa" }],
  // terraform console: title("o'neil mc-d ab_cd 3rd") → jsonencode: "O'Neil Mc-D Ab_cd 3rd"
  ["title", ["o'neil mc-d ab_cd 3rd"], { value: "O'Neil Mc-D Ab_cd 3rd" }],
  // terraform console: title("HELLO wORLD") → jsonencode: "HELLO WORLD"
  ["title", ["HELLO wORLD"], { value: "HELLO WORLD" }],
  // terraform console: trim("?!hello?!", "!?") → jsonencode: "hello"
  ["trim", ["?!hello?!","!?"], { value: "hello" }],
  // terraform console: trim("xxhixx", "") → jsonencode: "xxhixx"
  ["trim", ["xxhixx",""], { value: "xxhixx" }],
  // terraform console: trimprefix("helloworld", "hello") → jsonencode: "world"
  ["trimprefix", ["helloworld","hello"], { value: "world" }],
  // terraform console: trimprefix("helloworld", "x") → jsonencode: "helloworld"
  ["trimprefix", ["helloworld","x"], { value: "helloworld" }],
  // terraform console: trimsuffix("helloworld", "world") → jsonencode: "hello"
  ["trimsuffix", ["helloworld","world"], { value: "hello" }],
  // terraform console: trimsuffix("hello", "") → jsonencode: "hello"
  ["trimsuffix", ["hello",""], { value: "hello" }],
  // terraform console: trimspace("  \n\thello\n ") → jsonencode: "hello"
  ["trimspace", ["  \n\thello\n "], { value: "hello" }],
  // terraform console: trimspace(" x\ufeff") → jsonencode: "x\ufeff"
  ["trimspace", [" x﻿"], { value: "x﻿" }],
  // terraform console: chomp("hello\n\n") → jsonencode: "hello"
  ["chomp", ["hello\n\n"], { value: "hello" }],
  // terraform console: chomp("hello\r\n\r\n") → jsonencode: "hello"
  ["chomp", ["hello\r\n\r\n"], { value: "hello" }],
  // terraform console: chomp("a\nb") → jsonencode: "a\nb"
  ["chomp", ["a\nb"], { value: "a\nb" }],
  // terraform console: indent(2, "a\nb\n  c\n") → jsonencode: "a\n  b\n    c\n  "
  ["indent", [2,"a\nb\n  c\n"], { value: "a\n  b\n    c\n  " }],
  // terraform console: indent(4, "a\n\nb") → jsonencode: "a\n    \n    b"
  ["indent", [4,"a\n\nb"], { value: "a\n    \n    b" }],
  // terraform console: replace("1 + 2 + 3", "+", "-") → jsonencode: "1 - 2 - 3"
  ["replace", ["1 + 2 + 3","+","-"], { value: "1 - 2 - 3" }],
  // terraform console: replace("hello world", "/w.*d/", "everybody") → jsonencode: "hello everybody"
  ["replace", ["hello world","/w.*d/","everybody"], { value: "hello everybody" }],
  // terraform console: replace("abc-def", "/(\\w+)-(\\w+)/", "$2-$1") → jsonencode: "def-abc"
  ["replace", ["abc-def","/(\\w+)-(\\w+)/","$2-$1"], { value: "def-abc" }],
  // terraform console: replace("abc-def", "/(\\w+)-(\\w+)/", "$${2}x") → jsonencode: "defx"
  ["replace", ["abc-def","/(\\w+)-(\\w+)/","${2}x"], { value: "defx" }],
  // terraform console: replace("abc-def", "/(\\w+)-(\\w+)/", "$2x") → jsonencode: ""
  ["replace", ["abc-def","/(\\w+)-(\\w+)/","$2x"], { value: "" }],
  // terraform console: replace("abc-def", "/(?P<first>\\w+)-(?P<second>\\w+)/", "$second.$first") → jsonencode: "def.abc"
  ["replace", ["abc-def","/(?P<first>\\w+)-(?P<second>\\w+)/","$second.$first"], { value: "def.abc" }],
  // terraform console: replace("abc-def", "/(?P<first>\\w+)-(?P<second>\\w+)/", "$${second}_$${first}") → jsonencode: "def_abc"
  ["replace", ["abc-def","/(?P<first>\\w+)-(?P<second>\\w+)/","${second}_${first}"], { value: "def_abc" }],
  // terraform console: replace("aaa", "a", "$1") → jsonencode: "$1$1$1"
  ["replace", ["aaa","a","$1"], { value: "$1$1$1" }],
  // terraform console: replace("abc", "/b/", "$$") → jsonencode: "a$c"
  ["replace", ["abc","/b/","$$"], { value: "a$c" }],
  // terraform console: replace("hello", "/l+/", "$$$") → jsonencode: "he$$o"
  ["replace", ["hello","/l+/","$$$"], { value: "he$$o" }],
  // terraform console: replace("foo", "/o/", "[$0]") → jsonencode: "f[o][o]"
  ["replace", ["foo","/o/","[$0]"], { value: "f[o][o]" }],
  // terraform console: replace("xyz", "/y/", "[$9]") → jsonencode: "x[]z"
  ["replace", ["xyz","/y/","[$9]"], { value: "x[]z" }],
  // terraform console: replace("a.b.c", ".", "x") → jsonencode: "axbxc"
  ["replace", ["a.b.c",".","x"], { value: "axbxc" }],
  // terraform console: replace("abc", "/(?i)B/", "x") → jsonencode: "axc"
  ["replace", ["abc","/(?i)B/","x"], { value: "axc" }],
  // terraform console: replace("abc", "//", "-") → jsonencode: "-a-b-c-"
  ["replace", ["abc","//","-"], { value: "-a-b-c-" }],
  // terraform console: replace("abc", "", "-") → jsonencode: "-a-b-c-"
  ["replace", ["abc","","-"], { value: "-a-b-c-" }],
  // terraform console: replace("baaac", "/a*/", "-") → jsonencode: "-b-c-"
  ["replace", ["baaac","/a*/","-"], { value: "-b-c-" }],
  // terraform console: replace("a1b22c", "/\\d/", "#") → jsonencode: "a#b##c"
  ["replace", ["a1b22c","/\\d/","#"], { value: "a#b##c" }],
  // terraform console: replace("Hello World", "/(?i)[a-e]/", "_") → jsonencode: "H_llo Worl_"
  ["replace", ["Hello World","/(?i)[a-e]/","_"], { value: "H_llo Worl_" }],
  // terraform console: replace("x.y", "/\\./", "\\") → jsonencode: "x\\y"
  ["replace", ["x.y","/\\./","\\"], { value: "x\\y" }],
  // terraform console: replace("abc", "/[/", "x") → Error: Call to function "replace" failed: error parsing regexp: missing closing ]: `[`.
  ["replace", ["abc","/[/","x"], { error: "Call to function \"replace\" failed: error parsing regexp: missing closing ]: `[`." }],
  // terraform console: replace("a b", "/\\s/", "$") → jsonencode: "a$b"
  ["replace", ["a b","/\\s/","$"], { value: "a$b" }],
  // terraform console: substr("hello world", 1, 4) → jsonencode: "ello"
  ["substr", ["hello world",1,4], { value: "ello" }],
  // terraform console: substr("hello world", -5, -1) → jsonencode: "world"
  ["substr", ["hello world",-5,-1], { value: "world" }],
  // terraform console: substr("hello world", -5, 3) → jsonencode: "wor"
  ["substr", ["hello world",-5,3], { value: "wor" }],
  // terraform console: substr("hello", 2, 100) → jsonencode: "llo"
  ["substr", ["hello",2,100], { value: "llo" }],
  // terraform console: substr("hello", 10, 1) → jsonencode: ""
  ["substr", ["hello",10,1], { value: "" }],
  // terraform console: substr("héllo", 1, 2) → jsonencode: "él"
  ["substr", ["héllo",1,2], { value: "él" }],
  // terraform console: substr("hello", 0, -2) → jsonencode: "hello"
  ["substr", ["hello",0,-2], { value: "hello" }],
  // terraform console: substr("hello", -10, 2) → jsonencode: "he"
  ["substr", ["hello",-10,2], { value: "he" }],
  // terraform console: substr("hello", 1.5, 2) → Error: Call to function "substr" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807.
  ["substr", ["hello",1.5,2], { error: "Call to function \"substr\" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807." }],
  // terraform console: regex("[a-z]+", "53453453.345345aaabbbccc23454") → jsonencode: "aaabbbccc"
  ["regex", ["[a-z]+","53453453.345345aaabbbccc23454"], { value: "aaabbbccc" }],
  // terraform console: regex("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01") → jsonencode: ["2019","02","01"]
  ["regex", ["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)","2019-02-01"], { value: ["2019","02","01"] }],
  // terraform console: regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/") → jsonencode: {"authority":"terraform.io","scheme":"https"}
  ["regex", ["^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?","https://terraform.io/docs/"], { value: {"authority":"terraform.io","scheme":"https"} }],
  // terraform console: regex("[a-z]+", "123") → Error: Call to function "regex" failed: pattern did not match any part of the given string.
  ["regex", ["[a-z]+","123"], { error: "Call to function \"regex\" failed: pattern did not match any part of the given string." }],
  // terraform console: regex("(a)(b)?", "a") → jsonencode: ["a",null]
  ["regex", ["(a)(b)?","a"], { value: ["a",null] }],
  // terraform console: regex("(?P<x>a)(?P<y>b)?", "a") → jsonencode: {"x":"a","y":null}
  ["regex", ["(?P<x>a)(?P<y>b)?","a"], { value: {"x":"a","y":null} }],
  // terraform console: regex("(", "a") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: missing closing ) in (.
  ["regex", ["(","a"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: missing closing ) in (." }],
  // terraform console: regex("(a)(?P<n>b)", "ab") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.
  ["regex", ["(a)(?P<n>b)","ab"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups." }],
  // terraform console: regex("(?i)ABC", "xabc") → jsonencode: "abc"
  ["regex", ["(?i)ABC","xabc"], { value: "abc" }],
  // terraform console: regex("(?i:A)b", "ab") → jsonencode: "ab"
  ["regex", ["(?i:A)b","ab"], { value: "ab" }],
  // terraform console: regex("\\Aab", "ab") → jsonencode: "ab"
  ["regex", ["\\Aab","ab"], { value: "ab" }],
  // terraform console: regex("a{", "a{") → jsonencode: "a{"
  ["regex", ["a{","a{"], { value: "a{" }],
  // terraform console: regex("\\pL+", "héllo1") → jsonencode: "héllo"
  ["regex", ["\\pL+","héllo1"], { value: "héllo" }],
  // terraform console: regex(".+", "a\nb") → jsonencode: "a"
  ["regex", [".+","a\nb"], { value: "a" }],
  // terraform console: regex("(?s).+", "a\nb") → jsonencode: "a\nb"
  ["regex", ["(?s).+","a\nb"], { value: "a\nb" }],
  // terraform console: regex("(?m)^b$", "a\nb") → jsonencode: "b"
  ["regex", ["(?m)^b$","a\nb"], { value: "b" }],
  // terraform console: regex("[[:digit:]]+", "ab12") → jsonencode: "12"
  ["regex", ["[[:digit:]]+","ab12"], { value: "12" }],
  // terraform console: regex("\\d+", "١٢3") → jsonencode: "3"
  ["regex", ["\\d+","١٢3"], { value: "3" }],
  // terraform console: regex("\\s+", "a  b") → jsonencode: " "
  ["regex", ["\\s+","a  b"], { value: " " }],
  // terraform console: regex("\\Qa.b\\E", "xa.b") → jsonencode: "a.b"
  ["regex", ["\\Qa.b\\E","xa.b"], { value: "a.b" }],
  // terraform console: regex("\\x41\\x{263a}", "A☺") → jsonencode: "A☺"
  ["regex", ["\\x41\\x{263a}","A☺"], { value: "A☺" }],
  // terraform console: regex("[\\d-z]+", "1-z") → jsonencode: "1-z"
  ["regex", ["[\\d-z]+","1-z"], { value: "1-z" }],
  // terraform console: regex("\\-\\#", "-#") → jsonencode: "-#"
  ["regex", ["\\-\\#","-#"], { value: "-#" }],
  // terraform console: regex("x*", "abc") → jsonencode: ""
  ["regex", ["x*","abc"], { value: "" }],
  // terraform console: regex("a(?=b)", "ab") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?=.
  ["regex", ["a(?=b)","ab"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?=." }],
  // terraform console: regex("\\1", "a") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: invalid escape sequence in \1.
  ["regex", ["\\1","a"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid escape sequence in \\1." }],
  // terraform console: regex("a++", "aa") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: invalid nested repetition operator in ++.
  ["regex", ["a++","aa"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid nested repetition operator in ++." }],
  // terraform console: regex("a**", "aa") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: invalid nested repetition operator in **.
  ["regex", ["a**","aa"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid nested repetition operator in **." }],
  // terraform console: regex("*a", "aa") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: missing argument to repetition operator in *.
  ["regex", ["*a","aa"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: missing argument to repetition operator in *." }],
  // terraform console: regex("a)", "a") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: unexpected ) in a).
  ["regex", ["a)","a"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: unexpected ) in a)." }],
  // terraform console: regex("(?U)a+", "aaa") → jsonencode: "a"
  ["regex", ["(?U)a+","aaa"], { value: "a" }],
  // terraform console: regex("(?U)a+?", "aaa") → jsonencode: "aaa"
  ["regex", ["(?U)a+?","aaa"], { value: "aaa" }],
  // terraform console: regex("[^a-c]+", "abcdef") → jsonencode: "def"
  ["regex", ["[^a-c]+","abcdef"], { value: "def" }],
  // terraform console: regex("[]a]+", "]a]b") → jsonencode: "]a]"
  ["regex", ["[]a]+","]a]b"], { value: "]a]" }],
  // terraform console: regex("a|(b)", "a") → jsonencode: [null]
  ["regex", ["a|(b)","a"], { value: [null] }],
  // terraform console: regex("^\\w+@\\w+\\.com$", "me@example.com") → jsonencode: "me@example.com"
  ["regex", ["^\\w+@\\w+\\.com$","me@example.com"], { value: "me@example.com" }],
  // terraform console: regex("x{2,3}", "xxxxx") → jsonencode: "xxx"
  ["regex", ["x{2,3}","xxxxx"], { value: "xxx" }],
  // terraform console: regexall("[a-z]+", "1234abcd5678efgh9") → jsonencode: ["abcd","efgh"]
  ["regexall", ["[a-z]+","1234abcd5678efgh9"], { value: ["abcd","efgh"] }],
  // terraform console: regexall("(\\d)(\\w)", "1a2b") → jsonencode: [["1","a"],["2","b"]]
  ["regexall", ["(\\d)(\\w)","1a2b"], { value: [["1","a"],["2","b"]] }],
  // terraform console: regexall("(?P<d>\\d)", "1a2b") → jsonencode: [{"d":"1"},{"d":"2"}]
  ["regexall", ["(?P<d>\\d)","1a2b"], { value: [{"d":"1"},{"d":"2"}] }],
  // terraform console: regexall("z", "abc") → jsonencode: []
  ["regexall", ["z","abc"], { value: [] }],
  // terraform console: regexall("x*", "abc") → jsonencode: ["","","",""]
  ["regexall", ["x*","abc"], { value: ["","","",""] }],
  // terraform console: regexall("a*", "baaac") → jsonencode: ["","aaa",""]
  ["regexall", ["a*","baaac"], { value: ["","aaa",""] }],
  // terraform console: regexall("", "héllo") → jsonencode: ["","","","","",""]
  ["regexall", ["","héllo"], { value: ["","","","","",""] }],
  // terraform console: regexall("(a)(?P<n>b)", "ab") → Error: Invalid value for "pattern" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.
  ["regexall", ["(a)(?P<n>b)","ab"], { error: "Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups." }],
  // terraform console: startswith("hello world", "hello") → jsonencode: true
  ["startswith", ["hello world","hello"], { value: true }],
  // terraform console: startswith("hello world", "world") → jsonencode: false
  ["startswith", ["hello world","world"], { value: false }],
  // terraform console: startswith(null, "a") → Error: Invalid value for "str" parameter: argument must not be null.
  ["startswith", [null,"a"], { error: "Invalid value for \"str\" parameter: argument must not be null." }],
  // terraform console: endswith("hello world", "world") → jsonencode: true
  ["endswith", ["hello world","world"], { value: true }],
  // terraform console: endswith("hello world", "hello") → jsonencode: false
  ["endswith", ["hello world","hello"], { value: false }],
  // terraform console: strcontains("hello world", "wor") → jsonencode: true
  ["strcontains", ["hello world","wor"], { value: true }],
  // terraform console: strcontains("hello world", "wod") → jsonencode: false
  ["strcontains", ["hello world","wod"], { value: false }],
  // terraform console: strrev("hello") → jsonencode: "olleh"
  ["strrev", ["hello"], { value: "olleh" }],
  // terraform console: strrev("héllo👍🏽") → jsonencode: "👍🏽olléh"
  ["strrev", ["héllo👍🏽"], { value: "👍🏽olléh" }],
  // terraform console: strrev("") → jsonencode: ""
  ["strrev", [""], { value: "" }],
];

runCases('terraform string functions', cases);
