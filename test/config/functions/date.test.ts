// Terraform's date functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z") → jsonencode: "02 Jan 2018 23:12 UTC"
  ["formatdate", ["DD MMM YYYY hh:mm ZZZ","2018-01-02T23:12:01Z"], { value: "02 Jan 2018 23:12 UTC" }],
  // terraform console: formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z") → jsonencode: "Tuesday, 02-Jan-18 23:12:01 UTC"
  ["formatdate", ["EEEE, DD-MMM-YY hh:mm:ss ZZZ","2018-01-02T23:12:01Z"], { value: "Tuesday, 02-Jan-18 23:12:01 UTC" }],
  // terraform console: formatdate("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00") → jsonencode: "Tue, 02 Jan 2018 23:12:01 -0800"
  ["formatdate", ["EEE, DD MMM YYYY hh:mm:ss ZZZ","2018-01-02T23:12:01-08:00"], { value: "Tue, 02 Jan 2018 23:12:01 -0800" }],
  // terraform console: formatdate("MMM DD, YYYY", "2018-01-02T23:12:01Z") → jsonencode: "Jan 02, 2018"
  ["formatdate", ["MMM DD, YYYY","2018-01-02T23:12:01Z"], { value: "Jan 02, 2018" }],
  // terraform console: formatdate("HH:mm:ss", "2018-01-02T23:12:01Z") → jsonencode: "11:12:01"
  ["formatdate", ["HH:mm:ss","2018-01-02T23:12:01Z"], { value: "11:12:01" }],
  // terraform console: formatdate("h:mm AA / H aa", "2018-01-02T03:04:05Z") → jsonencode: "3:04 AM / 3 am"
  ["formatdate", ["h:mm AA / H aa","2018-01-02T03:04:05Z"], { value: "3:04 AM / 3 am" }],
  // terraform console: formatdate("h:mm aa|H:mm AA", "2018-01-02T12:04:05Z") → jsonencode: "12:04 pm|12:04 PM"
  ["formatdate", ["h:mm aa|H:mm AA","2018-01-02T12:04:05Z"], { value: "12:04 pm|12:04 PM" }],
  // terraform console: formatdate("h:mm aa|HH:mm AA", "2018-01-02T00:04:05Z") → jsonencode: "0:04 am|12:04 AM"
  ["formatdate", ["h:mm aa|HH:mm AA","2018-01-02T00:04:05Z"], { value: "0:04 am|12:04 AM" }],
  // terraform console: formatdate("YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T23:12:01Z") → jsonencode: "2018-01-02T23:12:01Z"
  ["formatdate", ["YYYY-MM-DD'T'hh:mm:ssZ","2018-01-02T23:12:01Z"], { value: "2018-01-02T23:12:01Z" }],
  // terraform console: formatdate("YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T23:12:01+05:30") → jsonencode: "2018-01-02T23:12:01+05:30"
  ["formatdate", ["YYYY-MM-DD'T'hh:mm:ssZ","2018-01-02T23:12:01+05:30"], { value: "2018-01-02T23:12:01+05:30" }],
  // terraform console: formatdate("ZZZZZ|ZZZZ|ZZZ|Z", "2018-01-02T23:12:01+05:30") → jsonencode: "+05:30|+0530|+0530|+05:30"
  ["formatdate", ["ZZZZZ|ZZZZ|ZZZ|Z","2018-01-02T23:12:01+05:30"], { value: "+05:30|+0530|+0530|+05:30" }],
  // terraform console: formatdate("ZZZZZ|ZZZZ|ZZZ|Z", "2018-01-02T23:12:01Z") → jsonencode: "+00:00|+0000|UTC|Z"
  ["formatdate", ["ZZZZZ|ZZZZ|ZZZ|Z","2018-01-02T23:12:01Z"], { value: "+00:00|+0000|UTC|Z" }],
  // terraform console: formatdate("ZZZZZ|ZZZZ|ZZZ", "2018-01-02T23:12:01-08:00") → jsonencode: "-08:00|-0800|-0800"
  ["formatdate", ["ZZZZZ|ZZZZ|ZZZ","2018-01-02T23:12:01-08:00"], { value: "-08:00|-0800|-0800" }],
  // terraform console: formatdate("'literal'' quote' YY M D h m s", "2018-01-02T03:04:05Z") → jsonencode: "literal' quote 18 1 2 3 4 5"
  ["formatdate", ["'literal'' quote' YY M D h m s","2018-01-02T03:04:05Z"], { value: "literal' quote 18 1 2 3 4 5" }],
  // terraform console: formatdate("''", "2018-01-02T03:04:05Z") → jsonencode: "'"
  ["formatdate", ["''","2018-01-02T03:04:05Z"], { value: "'" }],
  // terraform console: formatdate("YYYY-MM-DD", "2018-01-02T03:04:05.123Z") → jsonencode: "2018-01-02"
  ["formatdate", ["YYYY-MM-DD","2018-01-02T03:04:05.123Z"], { value: "2018-01-02" }],
  // terraform console: formatdate("ss.s", "2018-01-02T03:04:05.999Z") → jsonencode: "05.5"
  ["formatdate", ["ss.s","2018-01-02T03:04:05.999Z"], { value: "05.5" }],
  // terraform console: formatdate("MMMM D", "2018-09-02T03:04:05Z") → jsonencode: "September 2"
  ["formatdate", ["MMMM D","2018-09-02T03:04:05Z"], { value: "September 2" }],
  // terraform console: formatdate("EEEE", "2024-02-29T00:00:00Z") → jsonencode: "Thursday"
  ["formatdate", ["EEEE","2024-02-29T00:00:00Z"], { value: "Thursday" }],
  // terraform console: formatdate("YYYY|YY", "0001-01-01T00:00:00Z") → jsonencode: "0001|01"
  ["formatdate", ["YYYY|YY","0001-01-01T00:00:00Z"], { value: "0001|01" }],
  // terraform console: formatdate("YY", "2005-01-01T00:00:00Z") → jsonencode: "05"
  ["formatdate", ["YY","2005-01-01T00:00:00Z"], { value: "05" }],
  // terraform console: formatdate("- , / : ;", "2005-01-01T00:00:00Z") → jsonencode: "- , / : ;"
  ["formatdate", ["- , / : ;","2005-01-01T00:00:00Z"], { value: "- , / : ;" }],
  // terraform console: formatdate("DD hh", "2018-01-01T23:30:00-02:00") → jsonencode: "01 23"
  ["formatdate", ["DD hh","2018-01-01T23:30:00-02:00"], { value: "01 23" }],
  // terraform console: formatdate("YYYY", "not a date") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "not a date" as year.
  ["formatdate", ["YYYY","not a date"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"not a date\" as year." }],
  // terraform console: formatdate("YYYY", "2018-01-02") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'.
  ["formatdate", ["YYYY","2018-01-02"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: end of string before UTC offset.
  ["formatdate", ["YYYY","2018-01-02T03:04:05"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before UTC offset." }],
  // terraform console: formatdate("YYYY", "2018-13-02T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "-02T03:04:05Z" as month.
  ["formatdate", ["YYYY","2018-13-02T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"-02T03:04:05Z\" as month." }],
  // terraform console: formatdate("YYYY", "2018-02-30T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: day out of range.
  ["formatdate", ["YYYY","2018-02-30T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: day out of range." }],
  // terraform console: formatdate("YYYY", "2018-01-02t03:04:05z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'.
  ["formatdate", ["YYYY","2018-01-02t03:04:05z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05Zjunk") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "junk" as timestamp segment.
  ["formatdate", ["YYYY","2018-01-02T03:04:05Zjunk"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"junk\" as timestamp segment." }],
  // terraform console: formatdate("YYYY", "2018-1-02T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "1-02T03:04:05Z" as month.
  ["formatdate", ["YYYY","2018-1-02T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"1-02T03:04:05Z\" as month." }],
  // terraform console: formatdate("YYYY", "2018-01-02T24:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: hour must be between 0 and 23 inclusive.
  ["formatdate", ["YYYY","2018-01-02T24:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: hour must be between 0 and 23 inclusive." }],
  // terraform console: formatdate("YYYY", "2018/01/02T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: found "/01/02T03:04:05Z" where "-" is expected.
  ["formatdate", ["YYYY","2018/01/02T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: found \"/01/02T03:04:05Z\" where \"-\" is expected." }],
  // terraform console: formatdate("YYYY", "") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: end of string before year.
  ["formatdate", ["YYYY",""], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before year." }],
  // terraform console: formatdate("YYYY", null) → Error: Invalid value for "time" parameter: argument must not be null.
  ["formatdate", ["YYYY",null], { error: "Invalid value for \"time\" parameter: argument must not be null." }],
  // terraform console: formatdate("YYYYY", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: invalid date format verb "YYYYY": year must either be "YY" or "YYYY".
  ["formatdate", ["YYYYY","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: invalid date format verb \"YYYYY\": year must either be \"YY\" or \"YYYY\"." }],
  // terraform console: formatdate("Y", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: invalid date format verb "Y": year must either be "YY" or "YYYY".
  ["formatdate", ["Y","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: invalid date format verb \"Y\": year must either be \"YY\" or \"YYYY\"." }],
  // terraform console: formatdate("abc", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: invalid date format verb "a": must be "aa".
  ["formatdate", ["abc","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: invalid date format verb \"a\": must be \"aa\"." }],
  // terraform console: formatdate("x", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: invalid date format verb "x".
  ["formatdate", ["x","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: invalid date format verb \"x\"." }],
  // terraform console: formatdate("MMMMM", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: invalid date format verb "MMMMM": month must be "M", "MM", "MMM", or "MMMM".
  ["formatdate", ["MMMMM","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: invalid date format verb \"MMMMM\": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"." }],
  // terraform console: formatdate("ZZ", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: invalid date format verb "ZZ": timezone must be Z, ZZZZ, or ZZZZZ.
  ["formatdate", ["ZZ","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: invalid date format verb \"ZZ\": timezone must be Z, ZZZZ, or ZZZZZ." }],
  // terraform console: formatdate("'unterminated", "2018-01-02T03:04:05Z") → Error: Invalid value for "format" parameter: unterminated literal '.
  ["formatdate", ["'unterminated","2018-01-02T03:04:05Z"], { error: "Invalid value for \"format\" parameter: unterminated literal '." }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "10m") → jsonencode: "2017-11-22T00:10:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","10m"], { value: "2017-11-22T00:10:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1h30m") → jsonencode: "2017-11-22T01:30:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","1h30m"], { value: "2017-11-22T01:30:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "-10m") → jsonencode: "2017-11-21T23:50:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","-10m"], { value: "2017-11-21T23:50:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1.5h") → jsonencode: "2017-11-22T01:30:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","1.5h"], { value: "2017-11-22T01:30:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "24h") → jsonencode: "2017-11-23T00:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","24h"], { value: "2017-11-23T00:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "8760h") → jsonencode: "2018-11-22T00:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","8760h"], { value: "2018-11-22T00:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1500ms") → jsonencode: "2017-11-22T00:00:01Z"
  ["timeadd", ["2017-11-22T00:00:00Z","1500ms"], { value: "2017-11-22T00:00:01Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1us") → jsonencode: "2017-11-22T00:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","1us"], { value: "2017-11-22T00:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1µs") → jsonencode: "2017-11-22T00:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","1µs"], { value: "2017-11-22T00:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1h1h") → jsonencode: "2017-11-22T02:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","1h1h"], { value: "2017-11-22T02:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "+1h") → jsonencode: "2017-11-22T01:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","+1h"], { value: "2017-11-22T01:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "0") → jsonencode: "2017-11-22T00:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00Z","0"], { value: "2017-11-22T00:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "-0.5s") → jsonencode: "2017-11-21T23:59:59Z"
  ["timeadd", ["2017-11-22T00:00:00Z","-0.5s"], { value: "2017-11-21T23:59:59Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00+05:00", "1h") → jsonencode: "2017-11-22T01:00:00+05:00"
  ["timeadd", ["2017-11-22T00:00:00+05:00","1h"], { value: "2017-11-22T01:00:00+05:00" }],
  // terraform console: timeadd("2017-11-22T00:00:00.5Z", "1h") → jsonencode: "2017-11-22T01:00:00Z"
  ["timeadd", ["2017-11-22T00:00:00.5Z","1h"], { value: "2017-11-22T01:00:00Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00.6Z", "0.5s") → jsonencode: "2017-11-22T00:00:01Z"
  ["timeadd", ["2017-11-22T00:00:00.6Z","0.5s"], { value: "2017-11-22T00:00:01Z" }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "1d") → Error: Call to function "timeadd" failed: time: unknown unit "d" in duration "1d".
  ["timeadd", ["2017-11-22T00:00:00Z","1d"], { error: "Call to function \"timeadd\" failed: time: unknown unit \"d\" in duration \"1d\"." }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "") → Error: Call to function "timeadd" failed: time: invalid duration "".
  ["timeadd", ["2017-11-22T00:00:00Z",""], { error: "Call to function \"timeadd\" failed: time: invalid duration \"\"." }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "10") → Error: Call to function "timeadd" failed: time: missing unit in duration "10".
  ["timeadd", ["2017-11-22T00:00:00Z","10"], { error: "Call to function \"timeadd\" failed: time: missing unit in duration \"10\"." }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", "h") → Error: Call to function "timeadd" failed: time: invalid duration "h".
  ["timeadd", ["2017-11-22T00:00:00Z","h"], { error: "Call to function \"timeadd\" failed: time: invalid duration \"h\"." }],
  // terraform console: timeadd("2017-11-22T00:00:00Z", ".h") → Error: Call to function "timeadd" failed: time: invalid duration ".h".
  ["timeadd", ["2017-11-22T00:00:00Z",".h"], { error: "Call to function \"timeadd\" failed: time: invalid duration \".h\"." }],
  // terraform console: timeadd("garbage", "1h") → Error: Call to function "timeadd" failed: not a valid RFC3339 timestamp: cannot use "garbage" as year.
  ["timeadd", ["garbage","1h"], { error: "Call to function \"timeadd\" failed: not a valid RFC3339 timestamp: cannot use \"garbage\" as year." }],
  // terraform console: timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z") → jsonencode: 0
  ["timecmp", ["2017-11-22T00:00:00Z","2017-11-22T00:00:00Z"], { value: 0 }],
  // terraform console: timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z") → jsonencode: -1
  ["timecmp", ["2017-11-22T00:00:00Z","2017-11-22T01:00:00Z"], { value: -1 }],
  // terraform console: timecmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z") → jsonencode: 1
  ["timecmp", ["2017-11-22T01:00:00Z","2017-11-22T00:00:00Z"], { value: 1 }],
  // terraform console: timecmp("2017-11-22T01:00:00+01:00", "2017-11-22T00:00:00Z") → jsonencode: 0
  ["timecmp", ["2017-11-22T01:00:00+01:00","2017-11-22T00:00:00Z"], { value: 0 }],
  // terraform console: timecmp("2017-11-22T00:00:00.1Z", "2017-11-22T00:00:00Z") → jsonencode: 1
  ["timecmp", ["2017-11-22T00:00:00.1Z","2017-11-22T00:00:00Z"], { value: 1 }],
  // terraform console: timecmp("x", "2017-11-22T00:00:00Z") → Error: Invalid value for "timestamp_a" parameter: not a valid RFC3339 timestamp: cannot use "x" as year.
  ["timecmp", ["x","2017-11-22T00:00:00Z"], { error: "Invalid value for \"timestamp_a\" parameter: not a valid RFC3339 timestamp: cannot use \"x\" as year." }],
  // terraform console: timecmp("2017-11-22T00:00:00Z", "y") → Error: Invalid value for "timestamp_b" parameter: not a valid RFC3339 timestamp: cannot use "y" as year.
  ["timecmp", ["2017-11-22T00:00:00Z","y"], { error: "Invalid value for \"timestamp_b\" parameter: not a valid RFC3339 timestamp: cannot use \"y\" as year." }],
  // terraform console: formatdate("YYYY", "2018-01-02T23:60:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: minute must have exactly two digits.
  ["formatdate", ["YYYY","2018-01-02T23:60:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: minute must have exactly two digits." }],
  // terraform console: formatdate("YYYY", "2018-01-02T23:59:60Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "Z" as second.
  ["formatdate", ["YYYY","2018-01-02T23:59:60Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"Z\" as second." }],
  // terraform console: formatdate("YYYY", "2018-00-02T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "-02T03:04:05Z" as month.
  ["formatdate", ["YYYY","2018-00-02T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"-02T03:04:05Z\" as month." }],
  // terraform console: formatdate("YYYY", "2018-01-32T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: day out of range.
  ["formatdate", ["YYYY","2018-01-32T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: day out of range." }],
  // terraform console: formatdate("YYYY", "2018-01-02T3:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: hour must have exactly two digits.
  ["formatdate", ["YYYY","2018-01-02T3:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: hour must have exactly two digits." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: found "Z" where ":" is expected.
  ["formatdate", ["YYYY","2018-01-02T03:04Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: found \"Z\" where \":\" is expected." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05.Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use ".Z" as UTC offset.
  ["formatdate", ["YYYY","2018-01-02T03:04:05.Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \".Z\" as UTC offset." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05+5:00") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "+5:00" as UTC offset.
  ["formatdate", ["YYYY","2018-01-02T03:04:05+5:00"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+5:00\" as UTC offset." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05+25:00") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: end of string before UTC offset.
  ["formatdate", ["YYYY","2018-01-02T03:04:05+25:00"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string before UTC offset." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05+24:00") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "+24:00" as UTC offset.
  ["formatdate", ["YYYY","2018-01-02T03:04:05+24:00"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+24:00\" as UTC offset." }],
  // terraform console: formatdate("YYYY", "2018-01-02T03:04:05+05:60") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "+05:60" as UTC offset.
  ["formatdate", ["YYYY","2018-01-02T03:04:05+05:60"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"+05:60\" as UTC offset." }],
  // terraform console: formatdate("YYYY", "20x8-01-02T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: cannot use "20x8-01-02T03:04:05Z" as year.
  ["formatdate", ["YYYY","20x8-01-02T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"20x8-01-02T03:04:05Z\" as year." }],
  // terraform console: formatdate("YYYY", "2018_01-02T03:04:05Z") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: found "_01-02T03:04:05Z" where "-" is expected.
  ["formatdate", ["YYYY","2018_01-02T03:04:05Z"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: found \"_01-02T03:04:05Z\" where \"-\" is expected." }],
  // terraform console: formatdate("YYYY", "2018") → Error: Invalid value for "time" parameter: not a valid RFC3339 timestamp: end of string where "-" is expected.
  ["formatdate", ["YYYY","2018"], { error: "Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string where \"-\" is expected." }],
  // terraform console: formatdate("YYYY-MM-DD hh:mm:ss", "2018-01-02T03:04:05.123456789123Z") → jsonencode: "2018-01-02 03:04:05"
  ["formatdate", ["YYYY-MM-DD hh:mm:ss","2018-01-02T03:04:05.123456789123Z"], { value: "2018-01-02 03:04:05" }],
];

runCases('terraform date functions', cases);
