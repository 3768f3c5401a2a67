// Differential cases against terraform 1.11.4 over sampled inputs rather than hand-picked ones: values drawn
// with fast-check (fixed seeds) for yamlencode/jsonencode, numbers for format's float verbs and tostring,
// and decimals ending in 5 that make format's rounding ties (where Terraform's 512-bit floats decide the
// direction). Each call was run through `terraform console`; the comment above it records what it printed.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: yamlencode(3e-323) → jsonencode: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003\n...\n"
  ["yamlencode", [3e-323], { value: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003\n...\n" }],
  // terraform console: yamlencode({" a--" = "sit-amet sit-amet lorem       lorem dolor    lorem \n lorem ipsum ipsum \n          dolor ipsum x \n lorem sit-amet   \n x lorem dolor \n sit-amet \n dolor ipsum", "" = "sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem sit-amet dolor sit-amet x \n lorem x ipsum sit-amet"}) → jsonencode: "\"\": \"sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem\n  sit-amet dolor sit-amet x \\n lorem x ipsum sit-amet\"\n\" a--\": \"sit-amet sit-amet lorem       lorem dolor    lorem \\n lorem ipsum ipsum \\n\n  \\         dolor ipsum x \\n lorem sit-amet   \\n x lorem dolor \\n sit-amet \\n dolor\n  ipsum\"\n"
  ["yamlencode", [{" a--":"sit-amet sit-amet lorem       lorem dolor    lorem \n lorem ipsum ipsum \n          dolor ipsum x \n lorem sit-amet   \n x lorem dolor \n sit-amet \n dolor ipsum","":"sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem sit-amet dolor sit-amet x \n lorem x ipsum sit-amet"}], { value: "\"\": \"sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem\n  sit-amet dolor sit-amet x \\n lorem x ipsum sit-amet\"\n\" a--\": \"sit-amet sit-amet lorem       lorem dolor    lorem \\n lorem ipsum ipsum \\n\n  \\         dolor ipsum x \\n lorem sit-amet   \\n x lorem dolor \\n sit-amet \\n dolor\n  ipsum\"\n" }],
  // terraform console: yamlencode("   x    ipsum \n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \n lorem lorem ipsum \n x dolor x") → jsonencode: "\"   x    ipsum \\n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \\n lorem lorem\n  ipsum \\n x dolor x\"\n"
  ["yamlencode", ["   x    ipsum \n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \n lorem lorem ipsum \n x dolor x"], { value: "\"   x    ipsum \\n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \\n lorem lorem\n  ipsum \\n x dolor x\"\n" }],
  // terraform console: yamlencode(1e+30) → jsonencode: "1000000000000000000000000000000\n...\n"
  ["yamlencode", [1e+30], { value: "1000000000000000000000000000000\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode("x x   \n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum") → jsonencode: "\"x x   \\n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum\"\n"
  ["yamlencode", ["x x   \n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum"], { value: "\"x x   \\n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum\"\n" }],
  // terraform console: yamlencode(17) → jsonencode: "17\n...\n"
  ["yamlencode", [17], { value: "17\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode("1\" ") → jsonencode: "\"1\\\" \"\n"
  ["yamlencode", ["1\" "], { value: "\"1\\\" \"\n" }],
  // terraform console: yamlencode(1422673268) → jsonencode: "1422673268\n...\n"
  ["yamlencode", [1422673268], { value: "1422673268\n...\n" }],
  // terraform console: yamlencode(-1376856563) → jsonencode: "-1376856563\n...\n"
  ["yamlencode", [-1376856563], { value: "-1376856563\n...\n" }],
  // terraform console: yamlencode([]) → jsonencode: "[]\n"
  ["yamlencode", [[]], { value: "[]\n" }],
  // terraform console: yamlencode([" 1é-b#."]) → jsonencode: "- \" 1é-b#.\"\n"
  ["yamlencode", [[" 1é-b#."]], { value: "- \" 1é-b#.\"\n" }],
  // terraform console: yamlencode({"bébb-é" = "\n sit-amet    ipsum \n ipsum ipsum   dolor lorem dolor x \n x \n dolor    dolor lorem   lorem"}) → jsonencode: "\"bébb-é\": \"\\n sit-amet    ipsum \\n ipsum ipsum   dolor lorem dolor x \\n x \\n dolor\n  \\   dolor lorem   lorem\"\n"
  ["yamlencode", [{"bébb-é":"\n sit-amet    ipsum \n ipsum ipsum   dolor lorem dolor x \n x \n dolor    dolor lorem   lorem"}], { value: "\"bébb-é\": \"\\n sit-amet    ipsum \\n ipsum ipsum   dolor lorem dolor x \\n x \\n dolor\n  \\   dolor lorem   lorem\"\n" }],
  // terraform console: yamlencode(1.09699e-35) → jsonencode: "0.0000000000000000000000000000000000109699\n...\n"
  ["yamlencode", [1.09699e-35], { value: "0.0000000000000000000000000000000000109699\n...\n" }],
  // terraform console: yamlencode("") → jsonencode: "\"\"\n"
  ["yamlencode", [""], { value: "\"\"\n" }],
  // terraform console: yamlencode(-4.8564e-78) → jsonencode: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000048564\n...\n"
  ["yamlencode", [-4.8564e-78], { value: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000048564\n...\n" }],
  // terraform console: yamlencode(3.08393) → jsonencode: "3.08393\n...\n"
  ["yamlencode", [3.08393], { value: "3.08393\n...\n" }],
  // terraform console: yamlencode("{:\ta:\"\n- ") → jsonencode: "\"{:\\ta:\\\"\\n- \"\n"
  ["yamlencode", ["{:\ta:\"\n- "], { value: "\"{:\\ta:\\\"\\n- \"\n" }],
  // terraform console: yamlencode({" -a" = "  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor dolor x    sit-amet"}) → jsonencode: "\" -a\": \"  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor\n  dolor x    sit-amet\"\n"
  ["yamlencode", [{" -a":"  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor dolor x    sit-amet"}], { value: "\" -a\": \"  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor\n  dolor x    sit-amet\"\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode("lorem ipsum ipsum \n dolor dolor x ipsum dolor lorem \n \n dolor dolor   \n    x lorem \n dolor \n ipsum sit-amet") → jsonencode: "\"lorem ipsum ipsum \\n dolor dolor x ipsum dolor lorem \\n \\n dolor dolor   \\n    x\n  lorem \\n dolor \\n ipsum sit-amet\"\n"
  ["yamlencode", ["lorem ipsum ipsum \n dolor dolor x ipsum dolor lorem \n \n dolor dolor   \n    x lorem \n dolor \n ipsum sit-amet"], { value: "\"lorem ipsum ipsum \\n dolor dolor x ipsum dolor lorem \\n \\n dolor dolor   \\n    x\n  lorem \\n dolor \\n ipsum sit-amet\"\n" }],
  // terraform console: yamlencode([false, true, null, ""]) → jsonencode: "- false\n- true\n- null\n- \"\"\n"
  ["yamlencode", [[false,true,null,""]], { value: "- false\n- true\n- null\n- \"\"\n" }],
  // terraform console: yamlencode(1e+30) → jsonencode: "1000000000000000000000000000000\n...\n"
  ["yamlencode", [1e+30], { value: "1000000000000000000000000000000\n...\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode([-1.01668e-190]) → jsonencode: "- -0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000101668\n"
  ["yamlencode", [[-1.01668e-190]], { value: "- -0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000101668\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(-2147483628) → jsonencode: "-2147483628\n...\n"
  ["yamlencode", [-2147483628], { value: "-2147483628\n...\n" }],
  // terraform console: yamlencode("\n \n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x x dolor    ipsum    lorem    x        dolor \n    dolor dolor") → jsonencode: "\"\\n \\n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x\n  x dolor    ipsum    lorem    x        dolor \\n    dolor dolor\"\n"
  ["yamlencode", ["\n \n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x x dolor    ipsum    lorem    x        dolor \n    dolor dolor"], { value: "\"\\n \\n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x\n  x dolor    ipsum    lorem    x        dolor \\n    dolor dolor\"\n" }],
  // terraform console: yamlencode({}) → jsonencode: "{}\n"
  ["yamlencode", [{}], { value: "{}\n" }],
  // terraform console: yamlencode(3) → jsonencode: "3\n...\n"
  ["yamlencode", [3], { value: "3\n...\n" }],
  // terraform console: yamlencode(473984191) → jsonencode: "473984191\n...\n"
  ["yamlencode", [473984191], { value: "473984191\n...\n" }],
  // terraform console: yamlencode(1663484268) → jsonencode: "1663484268\n...\n"
  ["yamlencode", [1663484268], { value: "1663484268\n...\n" }],
  // terraform console: yamlencode(-1617240100) → jsonencode: "-1617240100\n...\n"
  ["yamlencode", [-1617240100], { value: "-1617240100\n...\n" }],
  // terraform console: yamlencode(-237913091) → jsonencode: "-237913091\n...\n"
  ["yamlencode", [-237913091], { value: "-237913091\n...\n" }],
  // terraform console: yamlencode([]) → jsonencode: "[]\n"
  ["yamlencode", [[]], { value: "[]\n" }],
  // terraform console: yamlencode(true) → jsonencode: "true\n...\n"
  ["yamlencode", [true], { value: "true\n...\n" }],
  // terraform console: yamlencode("éb") → jsonencode: "\"éb\"\n"
  ["yamlencode", ["éb"], { value: "\"éb\"\n" }],
  // terraform console: yamlencode(0) → jsonencode: "0\n...\n"
  ["yamlencode", [0], { value: "0\n...\n" }],
  // terraform console: yamlencode(" \"#\n1") → jsonencode: "|2-\n   \"#\n  1\n"
  ["yamlencode", [" \"#\n1"], { value: "|2-\n   \"#\n  1\n" }],
  // terraform console: yamlencode({"a" = {}}) → jsonencode: "\"a\": {}\n"
  ["yamlencode", [{"a":{}}], { value: "\"a\": {}\n" }],
  // terraform console: yamlencode(true) → jsonencode: "true\n...\n"
  ["yamlencode", [true], { value: "true\n...\n" }],
  // terraform console: yamlencode(1.24382e-259) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000124382\n...\n"
  ["yamlencode", [1.24382e-259], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000124382\n...\n" }],
  // terraform console: yamlencode("lorem ipsum ipsum x lorem x \n x    ipsum x ipsum ipsum    ipsum sit-amet lorem   dolor ipsum \n \n   lorem") → jsonencode: "\"lorem ipsum ipsum x lorem x \\n x    ipsum x ipsum ipsum    ipsum sit-amet lorem   dolor\n  ipsum \\n \\n   lorem\"\n"
  ["yamlencode", ["lorem ipsum ipsum x lorem x \n x    ipsum x ipsum ipsum    ipsum sit-amet lorem   dolor ipsum \n \n   lorem"], { value: "\"lorem ipsum ipsum x lorem x \\n x    ipsum x ipsum ipsum    ipsum sit-amet lorem   dolor\n  ipsum \\n \\n   lorem\"\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode([[1291005914, 4.48526e-144, [1766085936]], [null, [], true]]) → jsonencode: "- - 1291005914\n  - 0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000448526\n  - - 1766085936\n- - null\n  - []\n  - true\n"
  ["yamlencode", [[[1291005914,4.48526e-144,[1766085936]],[null,[],true]]], { value: "- - 1291005914\n  - 0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000448526\n  - - 1766085936\n- - null\n  - []\n  - true\n" }],
  // terraform console: yamlencode(-1e+30) → jsonencode: "-1000000000000000000000000000000\n...\n"
  ["yamlencode", [-1e+30], { value: "-1000000000000000000000000000000\n...\n" }],
  // terraform console: yamlencode("sit-amet ipsum \n x   lorem   lorem lorem sit-amet dolor    sit-amet dolor sit-amet ipsum lorem      ipsum") → jsonencode: "\"sit-amet ipsum \\n x   lorem   lorem lorem sit-amet dolor    sit-amet dolor sit-amet\n  ipsum lorem      ipsum\"\n"
  ["yamlencode", ["sit-amet ipsum \n x   lorem   lorem lorem sit-amet dolor    sit-amet dolor sit-amet ipsum lorem      ipsum"], { value: "\"sit-amet ipsum \\n x   lorem   lorem lorem sit-amet dolor    sit-amet dolor sit-amet\n  ipsum lorem      ipsum\"\n" }],
  // terraform console: yamlencode(-6e-323) → jsonencode: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006\n...\n"
  ["yamlencode", [-6e-323], { value: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006\n...\n" }],
  // terraform console: yamlencode(" :.\t a1a ") → jsonencode: "\" :.\\t a1a \"\n"
  ["yamlencode", [" :.\t a1a "], { value: "\" :.\\t a1a \"\n" }],
  // terraform console: yamlencode("") → jsonencode: "\"\"\n"
  ["yamlencode", [""], { value: "\"\"\n" }],
  // terraform console: yamlencode("\néb\taé-{👍") → jsonencode: "\"\\néb\\taé-{\\U0001F44D\"\n"
  ["yamlencode", ["\néb\taé-{👍"], { value: "\"\\néb\\taé-{\\U0001F44D\"\n" }],
  // terraform console: yamlencode(-9.27737e-270) → jsonencode: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000927737\n...\n"
  ["yamlencode", [-9.27737e-270], { value: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000927737\n...\n" }],
  // terraform console: yamlencode(["\t:\\# .\t1"]) → jsonencode: "- \"\\t:\\\\# .\\t1\"\n"
  ["yamlencode", [["\t:\\# .\t1"]], { value: "- \"\\t:\\\\# .\\t1\"\n" }],
  // terraform console: yamlencode({"ab\né a" = null, "" = {"bbb " = 655405372, " ab\na" = [null], "é  " = "x sit-amet x sit-amet lorem dolor lorem      sit-amet lorem ipsum ipsum x \n \n ipsum dolor ipsum \n sit-amet dolor    x        \n \n ipsum    x"}, "aaabé" = "\t", "a" = true}) → jsonencode: "\"\":\n  ? |2-\n     ab\n    a\n  : - null\n  \"bbb \": 655405372\n  \"é  \": \"x sit-amet x sit-amet lorem dolor lorem      sit-amet lorem ipsum ipsum\n    x \\n \\n ipsum dolor ipsum \\n sit-amet dolor    x        \\n \\n ipsum    x\"\n\"a\": true\n\"aaabé\": \"\\t\"\n? |-\n  ab\n  é a\n: null\n"
  ["yamlencode", [{"ab\né a":null,"":{"bbb ":655405372," ab\na":[null],"é  ":"x sit-amet x sit-amet lorem dolor lorem      sit-amet lorem ipsum ipsum x \n \n ipsum dolor ipsum \n sit-amet dolor    x        \n \n ipsum    x"},"aaabé":"\t","a":true}], { value: "\"\":\n  ? |2-\n     ab\n    a\n  : - null\n  \"bbb \": 655405372\n  \"é  \": \"x sit-amet x sit-amet lorem dolor lorem      sit-amet lorem ipsum ipsum\n    x \\n \\n ipsum dolor ipsum \\n sit-amet dolor    x        \\n \\n ipsum    x\"\n\"a\": true\n\"aaabé\": \"\\t\"\n? |-\n  ab\n  é a\n: null\n" }],
  // terraform console: yamlencode(true) → jsonencode: "true\n...\n"
  ["yamlencode", [true], { value: "true\n...\n" }],
  // terraform console: yamlencode("b \t👍\"1.#.") → jsonencode: "\"b \\t\\U0001F44D\\\"1.#.\"\n"
  ["yamlencode", ["b \t👍\"1.#."], { value: "\"b \\t\\U0001F44D\\\"1.#.\"\n" }],
  // terraform console: yamlencode("b 👍 -") → jsonencode: "\"b \\U0001F44D -\"\n"
  ["yamlencode", ["b 👍 -"], { value: "\"b \\U0001F44D -\"\n" }],
  // terraform console: yamlencode("x sit-amet sit-amet lorem dolor x   lorem ipsum \n   dolor ipsum ipsum x   \n \n lorem   \n sit-amet") → jsonencode: "\"x sit-amet sit-amet lorem dolor x   lorem ipsum \\n   dolor ipsum ipsum x   \\n \\n\n  lorem   \\n sit-amet\"\n"
  ["yamlencode", ["x sit-amet sit-amet lorem dolor x   lorem ipsum \n   dolor ipsum ipsum x   \n \n lorem   \n sit-amet"], { value: "\"x sit-amet sit-amet lorem dolor x   lorem ipsum \\n   dolor ipsum ipsum x   \\n \\n\n  lorem   \\n sit-amet\"\n" }],
  // terraform console: yamlencode("lorem lorem ipsum \n \n    lorem sit-amet dolor    x lorem ipsum \n lorem x   lorem dolor ipsum lorem x") → jsonencode: "\"lorem lorem ipsum \\n \\n    lorem sit-amet dolor    x lorem ipsum \\n lorem x   lorem\n  dolor ipsum lorem x\"\n"
  ["yamlencode", ["lorem lorem ipsum \n \n    lorem sit-amet dolor    x lorem ipsum \n lorem x   lorem dolor ipsum lorem x"], { value: "\"lorem lorem ipsum \\n \\n    lorem sit-amet dolor    x lorem ipsum \\n lorem x   lorem\n  dolor ipsum lorem x\"\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode({"--aba " = "lorem x lorem sit-amet ipsum dolor dolor ipsum dolor \n   \n   lorem    dolor        \n      \n ipsum    sit-amet \n dolor lorem ipsum sit-amet lorem     ", "-bbb" = -9.22758e-36, "" = " b", "a-éb" = null}) → jsonencode: "\"\": \" b\"\n\"--aba \": \"lorem x lorem sit-amet ipsum dolor dolor ipsum dolor \\n   \\n   lorem    dolor\n  \\       \\n      \\n ipsum    sit-amet \\n dolor lorem ipsum sit-amet lorem     \"\n\"-bbb\": -0.00000000000000000000000000000000000922758\n\"a-éb\": null\n"
  ["yamlencode", [{"--aba ":"lorem x lorem sit-amet ipsum dolor dolor ipsum dolor \n   \n   lorem    dolor        \n      \n ipsum    sit-amet \n dolor lorem ipsum sit-amet lorem     ","-bbb":-9.22758e-36,"":" b","a-éb":null}], { value: "\"\": \" b\"\n\"--aba \": \"lorem x lorem sit-amet ipsum dolor dolor ipsum dolor \\n   \\n   lorem    dolor\n  \\       \\n      \\n ipsum    sit-amet \\n dolor lorem ipsum sit-amet lorem     \"\n\"-bbb\": -0.00000000000000000000000000000000000922758\n\"a-éb\": null\n" }],
  // terraform console: yamlencode(-1e+30) → jsonencode: "-1000000000000000000000000000000\n...\n"
  ["yamlencode", [-1e+30], { value: "-1000000000000000000000000000000\n...\n" }],
  // terraform console: yamlencode("x lorem    ipsum sit-amet sit-amet sit-amet   ipsum      \n    dolor \n lorem lorem       ipsum \n ipsum sit-amet \n") → jsonencode: "\"x lorem    ipsum sit-amet sit-amet sit-amet   ipsum      \\n    dolor \\n lorem lorem\n  \\      ipsum \\n ipsum sit-amet \\n\"\n"
  ["yamlencode", ["x lorem    ipsum sit-amet sit-amet sit-amet   ipsum      \n    dolor \n lorem lorem       ipsum \n ipsum sit-amet \n"], { value: "\"x lorem    ipsum sit-amet sit-amet sit-amet   ipsum      \\n    dolor \\n lorem lorem\n  \\      ipsum \\n ipsum sit-amet \\n\"\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode("dolor    \n x ipsum   x x      lorem   dolor lorem ipsum x    lorem dolor dolor lorem sit-amet       \n lorem \n x    dolor     sit-amet   x x") → jsonencode: "\"dolor    \\n x ipsum   x x      lorem   dolor lorem ipsum x    lorem dolor dolor lorem\n  sit-amet       \\n lorem \\n x    dolor     sit-amet   x x\"\n"
  ["yamlencode", ["dolor    \n x ipsum   x x      lorem   dolor lorem ipsum x    lorem dolor dolor lorem sit-amet       \n lorem \n x    dolor     sit-amet   x x"], { value: "\"dolor    \\n x ipsum   x x      lorem   dolor lorem ipsum x    lorem dolor dolor lorem\n  sit-amet       \\n lorem \\n x    dolor     sit-amet   x x\"\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode("b:.") → jsonencode: "\"b:.\"\n"
  ["yamlencode", ["b:."], { value: "\"b:.\"\n" }],
  // terraform console: yamlencode("sit-amet dolor    \n dolor dolor \n x    sit-amet    sit-amet x x ipsum sit-amet sit-amet lorem x ipsum    \n ipsum    sit-amet sit-amet sit-amet lorem   sit-amet ipsum  ") → jsonencode: "\"sit-amet dolor    \\n dolor dolor \\n x    sit-amet    sit-amet x x ipsum sit-amet\n  sit-amet lorem x ipsum    \\n ipsum    sit-amet sit-amet sit-amet lorem   sit-amet\n  ipsum  \"\n"
  ["yamlencode", ["sit-amet dolor    \n dolor dolor \n x    sit-amet    sit-amet x x ipsum sit-amet sit-amet lorem x ipsum    \n ipsum    sit-amet sit-amet sit-amet lorem   sit-amet ipsum  "], { value: "\"sit-amet dolor    \\n dolor dolor \\n x    sit-amet    sit-amet x x ipsum sit-amet\n  sit-amet lorem x ipsum    \\n ipsum    sit-amet sit-amet sit-amet lorem   sit-amet\n  ipsum  \"\n" }],
  // terraform console: yamlencode("       sit-amet    \n ipsum lorem ipsum ipsum x      lorem \n \n sit-amet x x dolor    sit-amet") → jsonencode: "\"       sit-amet    \\n ipsum lorem ipsum ipsum x      lorem \\n \\n sit-amet x x dolor\n  \\   sit-amet\"\n"
  ["yamlencode", ["       sit-amet    \n ipsum lorem ipsum ipsum x      lorem \n \n sit-amet x x dolor    sit-amet"], { value: "\"       sit-amet    \\n ipsum lorem ipsum ipsum x      lorem \\n \\n sit-amet x x dolor\n  \\   sit-amet\"\n" }],
  // terraform console: yamlencode({"\na -" = null, "\n" = "   dolor lorem x \n x ipsum x lorem     \n ipsum         ipsum sit-amet \n dolor    dolor lorem \n lorem ipsum sit-amet sit-amet sit-amet ipsum", "-aba-" = 1609045562, "-éa " = [[null, null], null, null, null]}) → jsonencode: "? |2+\n\n: \"   dolor lorem x \\n x ipsum x lorem     \\n ipsum         ipsum sit-amet \\n dolor\n  \\   dolor lorem \\n lorem ipsum sit-amet sit-amet sit-amet ipsum\"\n? |2-\n\n  a -\n: null\n\"-aba-\": 1609045562\n\"-éa \":\n- - null\n  - null\n- null\n- null\n- null\n"
  ["yamlencode", [{"\na -":null,"\n":"   dolor lorem x \n x ipsum x lorem     \n ipsum         ipsum sit-amet \n dolor    dolor lorem \n lorem ipsum sit-amet sit-amet sit-amet ipsum","-aba-":1609045562,"-éa ":[[null,null],null,null,null]}], { value: "? |2+\n\n: \"   dolor lorem x \\n x ipsum x lorem     \\n ipsum         ipsum sit-amet \\n dolor\n  \\   dolor lorem \\n lorem ipsum sit-amet sit-amet sit-amet ipsum\"\n? |2-\n\n  a -\n: null\n\"-aba-\": 1609045562\n\"-éa \":\n- - null\n  - null\n- null\n- null\n- null\n" }],
  // terraform console: yamlencode([-936321574, [-8.65156e-31, "dolor lorem sit-amet ipsum dolor sit-amet ipsum lorem x x x sit-amet sit-amet lorem x   \n \n   \n dolor    lorem sit-amet lorem x sit-amet"]]) → jsonencode: "- -936321574\n- - -0.000000000000000000000000000000865156\n  - \"dolor lorem sit-amet ipsum dolor sit-amet ipsum lorem x x x sit-amet sit-amet\n    lorem x   \\n \\n   \\n dolor    lorem sit-amet lorem x sit-amet\"\n"
  ["yamlencode", [[-936321574,[-8.65156e-31,"dolor lorem sit-amet ipsum dolor sit-amet ipsum lorem x x x sit-amet sit-amet lorem x   \n \n   \n dolor    lorem sit-amet lorem x sit-amet"]]], { value: "- -936321574\n- - -0.000000000000000000000000000000865156\n  - \"dolor lorem sit-amet ipsum dolor sit-amet ipsum lorem x x x sit-amet sit-amet\n    lorem x   \\n \\n   \\n dolor    lorem sit-amet lorem x sit-amet\"\n" }],
  // terraform console: yamlencode(1e+30) → jsonencode: "1000000000000000000000000000000\n...\n"
  ["yamlencode", [1e+30], { value: "1000000000000000000000000000000\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode([]) → jsonencode: "[]\n"
  ["yamlencode", [[]], { value: "[]\n" }],
  // terraform console: yamlencode({"a-\né" = -2.91776e-192, "éébé" = {}}) → jsonencode: "? |-\n  a-\n  é\n: -0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000291776\n\"éébé\": {}\n"
  ["yamlencode", [{"a-\né":-2.91776e-192,"éébé":{}}], { value: "? |-\n  a-\n  é\n: -0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000291776\n\"éébé\": {}\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(9e-323) → jsonencode: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000009\n...\n"
  ["yamlencode", [9e-323], { value: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000009\n...\n" }],
  // terraform console: yamlencode(-1e+30) → jsonencode: "-1000000000000000000000000000000\n...\n"
  ["yamlencode", [-1e+30], { value: "-1000000000000000000000000000000\n...\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode(1798060549) → jsonencode: "1798060549\n...\n"
  ["yamlencode", [1798060549], { value: "1798060549\n...\n" }],
  // terraform console: yamlencode(1.86973e-201) → jsonencode: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000186973\n...\n"
  ["yamlencode", [1.86973e-201], { value: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000186973\n...\n" }],
  // terraform console: yamlencode("{1#b\t- a") → jsonencode: "\"{1#b\\t- a\"\n"
  ["yamlencode", ["{1#b\t- a"], { value: "\"{1#b\\t- a\"\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(5.03181e-299) → jsonencode: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000503181\n...\n"
  ["yamlencode", [5.03181e-299], { value: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000503181\n...\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode("  lorem sit-amet dolor dolor ipsum ipsum ipsum         x sit-amet sit-amet    sit-amet   \n lorem \n \n dolor sit-amet ipsum    dolor sit-amet x x dolor    lorem sit-amet sit-amet x    ipsum") → jsonencode: "\"  lorem sit-amet dolor dolor ipsum ipsum ipsum         x sit-amet sit-amet    sit-amet\n  \\  \\n lorem \\n \\n dolor sit-amet ipsum    dolor sit-amet x x dolor    lorem sit-amet\n  sit-amet x    ipsum\"\n"
  ["yamlencode", ["  lorem sit-amet dolor dolor ipsum ipsum ipsum         x sit-amet sit-amet    sit-amet   \n lorem \n \n dolor sit-amet ipsum    dolor sit-amet x x dolor    lorem sit-amet sit-amet x    ipsum"], { value: "\"  lorem sit-amet dolor dolor ipsum ipsum ipsum         x sit-amet sit-amet    sit-amet\n  \\  \\n lorem \\n \\n dolor sit-amet ipsum    dolor sit-amet x x dolor    lorem sit-amet\n  sit-amet x    ipsum\"\n" }],
  // terraform console: yamlencode([[4.22444e-55, null]]) → jsonencode: "- - 0.000000000000000000000000000000000000000000000000000000422444\n  - null\n"
  ["yamlencode", [[[4.22444e-55,null]]], { value: "- - 0.000000000000000000000000000000000000000000000000000000422444\n  - null\n" }],
  // terraform console: yamlencode(5.02688e-93) → jsonencode: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000502688\n...\n"
  ["yamlencode", [5.02688e-93], { value: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000502688\n...\n" }],
  // terraform console: yamlencode(1072337801) → jsonencode: "1072337801\n...\n"
  ["yamlencode", [1072337801], { value: "1072337801\n...\n" }],
  // terraform console: yamlencode({"abb" = [null, " -.", "aé"]}) → jsonencode: "\"abb\":\n- null\n- \" -.\"\n- \"aé\"\n"
  ["yamlencode", [{"abb":[null," -.","aé"]}], { value: "\"abb\":\n- null\n- \" -.\"\n- \"aé\"\n" }],
  // terraform console: yamlencode(true) → jsonencode: "true\n...\n"
  ["yamlencode", [true], { value: "true\n...\n" }],
  // terraform console: yamlencode([["", " \\\"\"", null], -6.47941e-292]) → jsonencode: "- - \"\"\n  - \" \\\\\\\"\\\"\"\n  - null\n- -0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000647941\n"
  ["yamlencode", [[[""," \\\"\"",null],-6.47941e-292]], { value: "- - \"\"\n  - \" \\\\\\\"\\\"\"\n  - null\n- -0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000647941\n" }],
  // terraform console: yamlencode("a\t") → jsonencode: "\"a\\t\"\n"
  ["yamlencode", ["a\t"], { value: "\"a\\t\"\n" }],
  // terraform console: yamlencode(".é:\n 1é\n") → jsonencode: "|\n  .é:\n   1é\n"
  ["yamlencode", [".é:\n 1é\n"], { value: "|\n  .é:\n   1é\n" }],
  // terraform console: yamlencode({"a-" = null, "-é" = {"" = "  \n dolor x   sit-amet lorem \n ipsum sit-amet ipsum \n ipsum    dolor lorem sit-amet   ipsum dolor dolor lorem ipsum sit-amet   dolor      sit-amet   ipsum x x    sit-amet", "b\n\n-é" = 1.53844e-166, " b" = null}, "ba \na-" = 533788000, "a-b\nab" = "\n ipsum lorem lorem ipsum \n lorem ipsum dolor sit-amet    x   sit-amet   ipsum \n x \n      dolor         lorem x    sit-amet"}) → jsonencode: "\"-é\":\n  \"\": \"  \\n dolor x   sit-amet lorem \\n ipsum sit-amet ipsum \\n ipsum    dolor lorem\n    sit-amet   ipsum dolor dolor lorem ipsum sit-amet   dolor      sit-amet   ipsum\n    x x    sit-amet\"\n  \" b\": null\n  ? |-\n    b\n\n    -é\n  : 0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000153844\n\"a-\": null\n? |-\n  a-b\n  ab\n: \"\\n ipsum lorem lorem ipsum \\n lorem ipsum dolor sit-amet    x   sit-amet   ipsum\n  \\n x \\n      dolor         lorem x    sit-amet\"\n? \"ba \\na-\"\n: 533788000\n"
  ["yamlencode", [{"a-":null,"-é":{"":"  \n dolor x   sit-amet lorem \n ipsum sit-amet ipsum \n ipsum    dolor lorem sit-amet   ipsum dolor dolor lorem ipsum sit-amet   dolor      sit-amet   ipsum x x    sit-amet","b\n\n-é":1.53844e-166," b":null},"ba \na-":533788000,"a-b\nab":"\n ipsum lorem lorem ipsum \n lorem ipsum dolor sit-amet    x   sit-amet   ipsum \n x \n      dolor         lorem x    sit-amet"}], { value: "\"-é\":\n  \"\": \"  \\n dolor x   sit-amet lorem \\n ipsum sit-amet ipsum \\n ipsum    dolor lorem\n    sit-amet   ipsum dolor dolor lorem ipsum sit-amet   dolor      sit-amet   ipsum\n    x x    sit-amet\"\n  \" b\": null\n  ? |-\n    b\n\n    -é\n  : 0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000153844\n\"a-\": null\n? |-\n  a-b\n  ab\n: \"\\n ipsum lorem lorem ipsum \\n lorem ipsum dolor sit-amet    x   sit-amet   ipsum\n  \\n x \\n      dolor         lorem x    sit-amet\"\n? \"ba \\na-\"\n: 533788000\n" }],
  // terraform console: yamlencode(true) → jsonencode: "true\n...\n"
  ["yamlencode", [true], { value: "true\n...\n" }],
  // terraform console: yamlencode({}) → jsonencode: "{}\n"
  ["yamlencode", [{}], { value: "{}\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode({"aé" = " -\"é\\a", "- éb b" = 7.99535e-11, "a\néa" = -2115337747, "\n- -" = 1348619295}) → jsonencode: "? |2-\n\n  - -\n: 1348619295\n\"- éb b\": 0.0000000000799535\n? |-\n  a\n  éa\n: -2115337747\n\"aé\": \" -\\\"é\\\\a\"\n"
  ["yamlencode", [{"aé":" -\"é\\a","- éb b":7.99535e-11,"a\néa":-2115337747,"\n- -":1348619295}], { value: "? |2-\n\n  - -\n: 1348619295\n\"- éb b\": 0.0000000000799535\n? |-\n  a\n  éa\n: -2115337747\n\"aé\": \" -\\\"é\\\\a\"\n" }],
  // terraform console: yamlencode(false) → jsonencode: "false\n...\n"
  ["yamlencode", [false], { value: "false\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(2147483618) → jsonencode: "2147483618\n...\n"
  ["yamlencode", [2147483618], { value: "2147483618\n...\n" }],
  // terraform console: yamlencode("1#aé\\\t") → jsonencode: "\"1#aé\\\\\\t\"\n"
  ["yamlencode", ["1#aé\\\t"], { value: "\"1#aé\\\\\\t\"\n" }],
  // terraform console: yamlencode("  sit-amet dolor ipsum \n x sit-amet lorem \n \n \n dolor x    ipsum \n sit-amet   lorem    dolor dolor      x") → jsonencode: "\"  sit-amet dolor ipsum \\n x sit-amet lorem \\n \\n \\n dolor x    ipsum \\n sit-amet\n  \\  lorem    dolor dolor      x\"\n"
  ["yamlencode", ["  sit-amet dolor ipsum \n x sit-amet lorem \n \n \n dolor x    ipsum \n sit-amet   lorem    dolor dolor      x"], { value: "\"  sit-amet dolor ipsum \\n x sit-amet lorem \\n \\n \\n dolor x    ipsum \\n sit-amet\n  \\  lorem    dolor dolor      x\"\n" }],
  // terraform console: yamlencode(2.64096e-20) → jsonencode: "0.0000000000000000000264096\n...\n"
  ["yamlencode", [2.64096e-20], { value: "0.0000000000000000000264096\n...\n" }],
  // terraform console: yamlencode(7) → jsonencode: "7\n...\n"
  ["yamlencode", [7], { value: "7\n...\n" }],
  // terraform console: yamlencode({" \n \n é" = "\n ipsum lorem dolor    \n \n ipsum sit-amet sit-amet lorem   dolor dolor \n         ipsum   sit-amet    sit-amet sit-amet ipsum    \n \n dolor \n \n   dolor dolor", "" = null, "\n\nb  " = 158772000000}) → jsonencode: "\"\": null\n? \"\\n\\nb  \"\n: 158772000000\n? \" \\n \\n é\"\n: \"\\n ipsum lorem dolor    \\n \\n ipsum sit-amet sit-amet lorem   dolor dolor \\n         ipsum\n  \\  sit-amet    sit-amet sit-amet ipsum    \\n \\n dolor \\n \\n   dolor dolor\"\n"
  ["yamlencode", [{" \n \n é":"\n ipsum lorem dolor    \n \n ipsum sit-amet sit-amet lorem   dolor dolor \n         ipsum   sit-amet    sit-amet sit-amet ipsum    \n \n dolor \n \n   dolor dolor","":null,"\n\nb  ":158772000000}], { value: "\"\": null\n? \"\\n\\nb  \"\n: 158772000000\n? \" \\n \\n é\"\n: \"\\n ipsum lorem dolor    \\n \\n ipsum sit-amet sit-amet lorem   dolor dolor \\n         ipsum\n  \\  sit-amet    sit-amet sit-amet ipsum    \\n \\n dolor \\n \\n   dolor dolor\"\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(-1.42842e-201) → jsonencode: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000142842\n...\n"
  ["yamlencode", [-1.42842e-201], { value: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000142842\n...\n" }],
  // terraform console: yamlencode(767748993) → jsonencode: "767748993\n...\n"
  ["yamlencode", [767748993], { value: "767748993\n...\n" }],
  // terraform console: yamlencode(null) → jsonencode: "null\n...\n"
  ["yamlencode", [null], { value: "null\n...\n" }],
  // terraform console: yamlencode(true) → jsonencode: "true\n...\n"
  ["yamlencode", [true], { value: "true\n...\n" }],
  // terraform console: yamlencode("{\ta.-") → jsonencode: "\"{\\ta.-\"\n"
  ["yamlencode", ["{\ta.-"], { value: "\"{\\ta.-\"\n" }],
  // terraform console: yamlencode(1825270418) → jsonencode: "1825270418\n...\n"
  ["yamlencode", [1825270418], { value: "1825270418\n...\n" }],
  // terraform console: jsonencode(3e-323) → jsonencode: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003"
  ["jsonencode", [3e-323], { value: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003" }],
  // terraform console: jsonencode({" a--" = "sit-amet sit-amet lorem       lorem dolor    lorem \n lorem ipsum ipsum \n          dolor ipsum x \n lorem sit-amet   \n x lorem dolor \n sit-amet \n dolor ipsum", "" = "sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem sit-amet dolor sit-amet x \n lorem x ipsum sit-amet"}) → jsonencode: "{\"\":\"sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem sit-amet dolor sit-amet x \\n lorem x ipsum sit-amet\",\" a--\":\"sit-amet sit-amet lorem       lorem dolor    lorem \\n lorem ipsum ipsum \\n          dolor ipsum x \\n lorem sit-amet   \\n x lorem dolor \\n sit-amet \\n dolor ipsum\"}"
  ["jsonencode", [{" a--":"sit-amet sit-amet lorem       lorem dolor    lorem \n lorem ipsum ipsum \n          dolor ipsum x \n lorem sit-amet   \n x lorem dolor \n sit-amet \n dolor ipsum","":"sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem sit-amet dolor sit-amet x \n lorem x ipsum sit-amet"}], { value: "{\"\":\"sit-amet x    lorem lorem lorem x lorem ipsum lorem    dolor dolor    ipsum lorem sit-amet dolor sit-amet x \\n lorem x ipsum sit-amet\",\" a--\":\"sit-amet sit-amet lorem       lorem dolor    lorem \\n lorem ipsum ipsum \\n          dolor ipsum x \\n lorem sit-amet   \\n x lorem dolor \\n sit-amet \\n dolor ipsum\"}" }],
  // terraform console: jsonencode("   x    ipsum \n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \n lorem lorem ipsum \n x dolor x") → jsonencode: "\"   x    ipsum \\n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \\n lorem lorem ipsum \\n x dolor x\""
  ["jsonencode", ["   x    ipsum \n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \n lorem lorem ipsum \n x dolor x"], { value: "\"   x    ipsum \\n ipsum sit-amet ipsum   ipsum sit-amet ipsum x dolor \\n lorem lorem ipsum \\n x dolor x\"" }],
  // terraform console: jsonencode(1e+30) → jsonencode: "1000000000000000000000000000000"
  ["jsonencode", [1e+30], { value: "1000000000000000000000000000000" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode("x x   \n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum") → jsonencode: "\"x x   \\n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum\""
  ["jsonencode", ["x x   \n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum"], { value: "\"x x   \\n         sit-amet dolor   dolor x   ipsum   dolor    x lorem dolor ipsum\"" }],
  // terraform console: jsonencode(17) → jsonencode: "17"
  ["jsonencode", [17], { value: "17" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode("1\" ") → jsonencode: "\"1\\\" \""
  ["jsonencode", ["1\" "], { value: "\"1\\\" \"" }],
  // terraform console: jsonencode(1422673268) → jsonencode: "1422673268"
  ["jsonencode", [1422673268], { value: "1422673268" }],
  // terraform console: jsonencode(-1376856563) → jsonencode: "-1376856563"
  ["jsonencode", [-1376856563], { value: "-1376856563" }],
  // terraform console: jsonencode([]) → jsonencode: "[]"
  ["jsonencode", [[]], { value: "[]" }],
  // terraform console: jsonencode([" 1é-b#."]) → jsonencode: "[\" 1é-b#.\"]"
  ["jsonencode", [[" 1é-b#."]], { value: "[\" 1é-b#.\"]" }],
  // terraform console: jsonencode({"bébb-é" = "\n sit-amet    ipsum \n ipsum ipsum   dolor lorem dolor x \n x \n dolor    dolor lorem   lorem"}) → jsonencode: "{\"bébb-é\":\"\\n sit-amet    ipsum \\n ipsum ipsum   dolor lorem dolor x \\n x \\n dolor    dolor lorem   lorem\"}"
  ["jsonencode", [{"bébb-é":"\n sit-amet    ipsum \n ipsum ipsum   dolor lorem dolor x \n x \n dolor    dolor lorem   lorem"}], { value: "{\"bébb-é\":\"\\n sit-amet    ipsum \\n ipsum ipsum   dolor lorem dolor x \\n x \\n dolor    dolor lorem   lorem\"}" }],
  // terraform console: jsonencode(1.09699e-35) → jsonencode: "0.0000000000000000000000000000000000109699"
  ["jsonencode", [1.09699e-35], { value: "0.0000000000000000000000000000000000109699" }],
  // terraform console: jsonencode("") → jsonencode: "\"\""
  ["jsonencode", [""], { value: "\"\"" }],
  // terraform console: jsonencode(-4.8564e-78) → jsonencode: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000048564"
  ["jsonencode", [-4.8564e-78], { value: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000048564" }],
  // terraform console: jsonencode(3.08393) → jsonencode: "3.08393"
  ["jsonencode", [3.08393], { value: "3.08393" }],
  // terraform console: jsonencode("{:\ta:\"\n- ") → jsonencode: "\"{:\\ta:\\\"\\n- \""
  ["jsonencode", ["{:\ta:\"\n- "], { value: "\"{:\\ta:\\\"\\n- \"" }],
  // terraform console: jsonencode({" -a" = "  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor dolor x    sit-amet"}) → jsonencode: "{\" -a\":\"  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor dolor x    sit-amet\"}"
  ["jsonencode", [{" -a":"  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor dolor x    sit-amet"}], { value: "{\" -a\":\"  x x lorem lorem lorem   lorem ipsum dolor lorem    lorem dolor dolor x   dolor dolor x    sit-amet\"}" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode(false) → jsonencode: "false"
  ["jsonencode", [false], { value: "false" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode("lorem ipsum ipsum \n dolor dolor x ipsum dolor lorem \n \n dolor dolor   \n    x lorem \n dolor \n ipsum sit-amet") → jsonencode: "\"lorem ipsum ipsum \\n dolor dolor x ipsum dolor lorem \\n \\n dolor dolor   \\n    x lorem \\n dolor \\n ipsum sit-amet\""
  ["jsonencode", ["lorem ipsum ipsum \n dolor dolor x ipsum dolor lorem \n \n dolor dolor   \n    x lorem \n dolor \n ipsum sit-amet"], { value: "\"lorem ipsum ipsum \\n dolor dolor x ipsum dolor lorem \\n \\n dolor dolor   \\n    x lorem \\n dolor \\n ipsum sit-amet\"" }],
  // terraform console: jsonencode([false, true, null, ""]) → jsonencode: "[false,true,null,\"\"]"
  ["jsonencode", [[false,true,null,""]], { value: "[false,true,null,\"\"]" }],
  // terraform console: jsonencode(1e+30) → jsonencode: "1000000000000000000000000000000"
  ["jsonencode", [1e+30], { value: "1000000000000000000000000000000" }],
  // terraform console: jsonencode(false) → jsonencode: "false"
  ["jsonencode", [false], { value: "false" }],
  // terraform console: jsonencode([-1.01668e-190]) → jsonencode: "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000101668]"
  ["jsonencode", [[-1.01668e-190]], { value: "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000101668]" }],
  // terraform console: jsonencode(null) → jsonencode: "null"
  ["jsonencode", [null], { value: "null" }],
  // terraform console: jsonencode(-2147483628) → jsonencode: "-2147483628"
  ["jsonencode", [-2147483628], { value: "-2147483628" }],
  // terraform console: jsonencode("\n \n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x x dolor    ipsum    lorem    x        dolor \n    dolor dolor") → jsonencode: "\"\\n \\n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x x dolor    ipsum    lorem    x        dolor \\n    dolor dolor\""
  ["jsonencode", ["\n \n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x x dolor    ipsum    lorem    x        dolor \n    dolor dolor"], { value: "\"\\n \\n    ipsum lorem   dolor    dolor ipsum dolor ipsum sit-amet sit-amet lorem   x x dolor    ipsum    lorem    x        dolor \\n    dolor dolor\"" }],
  // terraform console: jsonencode({}) → jsonencode: "{}"
  ["jsonencode", [{}], { value: "{}" }],
  // terraform console: jsonencode(3) → jsonencode: "3"
  ["jsonencode", [3], { value: "3" }],
  // terraform console: jsonencode(473984191) → jsonencode: "473984191"
  ["jsonencode", [473984191], { value: "473984191" }],
  // terraform console: jsonencode(1663484268) → jsonencode: "1663484268"
  ["jsonencode", [1663484268], { value: "1663484268" }],
  // terraform console: jsonencode(-1617240100) → jsonencode: "-1617240100"
  ["jsonencode", [-1617240100], { value: "-1617240100" }],
  // terraform console: jsonencode(-237913091) → jsonencode: "-237913091"
  ["jsonencode", [-237913091], { value: "-237913091" }],
  // terraform console: jsonencode([]) → jsonencode: "[]"
  ["jsonencode", [[]], { value: "[]" }],
  // terraform console: format("%v", 8.223577e-283) → jsonencode: "8.223577e-283"
  ["format", ["%v",8.223577e-283], { value: "8.223577e-283" }],
  // terraform console: format("%.2f", 9.161594e-264) → jsonencode: "0.00"
  ["format", ["%.2f",9.161594e-264], { value: "0.00" }],
  // terraform console: format("%e", 2.37986e-200) → jsonencode: "2.379860e-200"
  ["format", ["%e",2.37986e-200], { value: "2.379860e-200" }],
  // terraform console: format("%g", -8.555894e-172) → jsonencode: "-8.555894e-172"
  ["format", ["%g",-8.555894e-172], { value: "-8.555894e-172" }],
  // terraform console: format("%.3g", -1e+25) → jsonencode: "-1e+25"
  ["format", ["%.3g",-1e+25], { value: "-1e+25" }],
  // terraform console: format("%10.4f", -7e-323) → jsonencode: "   -0.0000"
  ["format", ["%10.4f",-7e-323], { value: "   -0.0000" }],
  // terraform console: format("%-12.3e|", 3.5e-323) → jsonencode: "3.500e-323  |"
  ["format", ["%-12.3e|",3.5e-323], { value: "3.500e-323  |" }],
  // terraform console: format("%+.1f", 7e-323) → jsonencode: "+0.0"
  ["format", ["%+.1f",7e-323], { value: "+0.0" }],
  // terraform console: format("%08.2f", 7.185339e-165) → jsonencode: "00000.00"
  ["format", ["%08.2f",7.185339e-165], { value: "00000.00" }],
  // terraform console: format("%.0f", 3.5e-323) → jsonencode: "0"
  ["format", ["%.0f",3.5e-323], { value: "0" }],
  // terraform console: format("%G", 0.03982333) → jsonencode: "0.03982333"
  ["format", ["%G",0.03982333], { value: "0.03982333" }],
  // terraform console: format("%v", -1.936365e-202) → jsonencode: "-1.936365e-202"
  ["format", ["%v",-1.936365e-202], { value: "-1.936365e-202" }],
  // terraform console: format("%.2f", -1e+25) → jsonencode: "-10000000000000000000000000.00"
  ["format", ["%.2f",-1e+25], { value: "-10000000000000000000000000.00" }],
  // terraform console: format("%e", -3.37823e-168) → jsonencode: "-3.378230e-168"
  ["format", ["%e",-3.37823e-168], { value: "-3.378230e-168" }],
  // terraform console: format("%g", 5.349422e-124) → jsonencode: "5.349422e-124"
  ["format", ["%g",5.349422e-124], { value: "5.349422e-124" }],
  // terraform console: format("%.3g", 5.107666e-132) → jsonencode: "5.11e-132"
  ["format", ["%.3g",5.107666e-132], { value: "5.11e-132" }],
  // terraform console: format("%10.4f", 4.770404e-288) → jsonencode: "    0.0000"
  ["format", ["%10.4f",4.770404e-288], { value: "    0.0000" }],
  // terraform console: format("%-12.3e|", 0.004920571) → jsonencode: "4.921e-03   |"
  ["format", ["%-12.3e|",0.004920571], { value: "4.921e-03   |" }],
  // terraform console: format("%+.1f", 2.104366e-138) → jsonencode: "+0.0"
  ["format", ["%+.1f",2.104366e-138], { value: "+0.0" }],
  // terraform console: format("%08.2f", -9.60917e-235) → jsonencode: "-0000.00"
  ["format", ["%08.2f",-9.60917e-235], { value: "-0000.00" }],
  // terraform console: format("%.0f", -7.211761e-97) → jsonencode: "-0"
  ["format", ["%.0f",-7.211761e-97], { value: "-0" }],
  // terraform console: format("%G", 8.600536e-64) → jsonencode: "8.600536E-64"
  ["format", ["%G",8.600536e-64], { value: "8.600536E-64" }],
  // terraform console: format("%v", -1e+25) → jsonencode: "-1e+25"
  ["format", ["%v",-1e+25], { value: "-1e+25" }],
  // terraform console: format("%.2f", 1e+25) → jsonencode: "10000000000000000000000000.00"
  ["format", ["%.2f",1e+25], { value: "10000000000000000000000000.00" }],
  // terraform console: format("%e", 7e-323) → jsonencode: "7.000000e-323"
  ["format", ["%e",7e-323], { value: "7.000000e-323" }],
  // terraform console: format("%g", -4.664375e-235) → jsonencode: "-4.664375e-235"
  ["format", ["%g",-4.664375e-235], { value: "-4.664375e-235" }],
  // terraform console: format("%.3g", -9.036694e-281) → jsonencode: "-9.04e-281"
  ["format", ["%.3g",-9.036694e-281], { value: "-9.04e-281" }],
  // terraform console: format("%10.4f", 7.173949e-132) → jsonencode: "    0.0000"
  ["format", ["%10.4f",7.173949e-132], { value: "    0.0000" }],
  // terraform console: format("%-12.3e|", 5.217375e-275) → jsonencode: "5.217e-275  |"
  ["format", ["%-12.3e|",5.217375e-275], { value: "5.217e-275  |" }],
  // terraform console: format("%+.1f", -1e+25) → jsonencode: "-10000000000000000000000000.0"
  ["format", ["%+.1f",-1e+25], { value: "-10000000000000000000000000.0" }],
  // terraform console: format("%08.2f", -1.107667e-70) → jsonencode: "-0000.00"
  ["format", ["%08.2f",-1.107667e-70], { value: "-0000.00" }],
  // terraform console: format("%.0f", 1.5e-323) → jsonencode: "0"
  ["format", ["%.0f",1.5e-323], { value: "0" }],
  // terraform console: format("%G", 5.4e-323) → jsonencode: "5.4E-323"
  ["format", ["%G",5.4e-323], { value: "5.4E-323" }],
  // terraform console: format("%v", 2.471673e-307) → jsonencode: "2.471673e-307"
  ["format", ["%v",2.471673e-307], { value: "2.471673e-307" }],
  // terraform console: format("%.2f", -6.648863e-194) → jsonencode: "-0.00"
  ["format", ["%.2f",-6.648863e-194], { value: "-0.00" }],
  // terraform console: format("%e", -6e-323) → jsonencode: "-6.000000e-323"
  ["format", ["%e",-6e-323], { value: "-6.000000e-323" }],
  // terraform console: format("%g", 1e+25) → jsonencode: "1e+25"
  ["format", ["%g",1e+25], { value: "1e+25" }],
  // terraform console: format("%.3g", -5.4e-323) → jsonencode: "-5.4e-323"
  ["format", ["%.3g",-5.4e-323], { value: "-5.4e-323" }],
  // terraform console: format("%10.4f", -3.678015e-88) → jsonencode: "   -0.0000"
  ["format", ["%10.4f",-3.678015e-88], { value: "   -0.0000" }],
  // terraform console: format("%-12.3e|", -9.218662e-198) → jsonencode: "-9.219e-198 |"
  ["format", ["%-12.3e|",-9.218662e-198], { value: "-9.219e-198 |" }],
  // terraform console: format("%+.1f", -2.5e-323) → jsonencode: "-0.0"
  ["format", ["%+.1f",-2.5e-323], { value: "-0.0" }],
  // terraform console: format("%08.2f", 168739700000000) → jsonencode: "168739700000000.00"
  ["format", ["%08.2f",168739700000000], { value: "168739700000000.00" }],
  // terraform console: format("%.0f", 1.773932) → jsonencode: "2"
  ["format", ["%.0f",1.773932], { value: "2" }],
  // terraform console: format("%G", 6e-323) → jsonencode: "6E-323"
  ["format", ["%G",6e-323], { value: "6E-323" }],
  // terraform console: format("%v", 2.5e-323) → jsonencode: "2.5e-323"
  ["format", ["%v",2.5e-323], { value: "2.5e-323" }],
  // terraform console: format("%.2f", -6.251322e-244) → jsonencode: "-0.00"
  ["format", ["%.2f",-6.251322e-244], { value: "-0.00" }],
  // terraform console: format("%e", -6.434057e-186) → jsonencode: "-6.434057e-186"
  ["format", ["%e",-6.434057e-186], { value: "-6.434057e-186" }],
  // terraform console: format("%g", 6.450056e-100) → jsonencode: "6.450056e-100"
  ["format", ["%g",6.450056e-100], { value: "6.450056e-100" }],
  // terraform console: format("%.3g", 4.965411e-82) → jsonencode: "4.97e-82"
  ["format", ["%.3g",4.965411e-82], { value: "4.97e-82" }],
  // terraform console: format("%10.4f", 4.4e-323) → jsonencode: "    0.0000"
  ["format", ["%10.4f",4.4e-323], { value: "    0.0000" }],
  // terraform console: format("%-12.3e|", 1e+25) → jsonencode: "1.000e+25   |"
  ["format", ["%-12.3e|",1e+25], { value: "1.000e+25   |" }],
  // terraform console: format("%+.1f", -1e+25) → jsonencode: "-10000000000000000000000000.0"
  ["format", ["%+.1f",-1e+25], { value: "-10000000000000000000000000.0" }],
  // terraform console: format("%08.2f", 0) → jsonencode: "00000.00"
  ["format", ["%08.2f",0], { value: "00000.00" }],
  // terraform console: format("%.0f", -4.453795e-80) → jsonencode: "-0"
  ["format", ["%.0f",-4.453795e-80], { value: "-0" }],
  // terraform console: format("%G", -1.839777e-40) → jsonencode: "-1.839777E-40"
  ["format", ["%G",-1.839777e-40], { value: "-1.839777E-40" }],
  // terraform console: format("%v", -1.015898e-21) → jsonencode: "-1.015898e-21"
  ["format", ["%v",-1.015898e-21], { value: "-1.015898e-21" }],
  // terraform console: format("%.2f", -1.204677e-103) → jsonencode: "-0.00"
  ["format", ["%.2f",-1.204677e-103], { value: "-0.00" }],
  // terraform console: format("%e", -1e+25) → jsonencode: "-1.000000e+25"
  ["format", ["%e",-1e+25], { value: "-1.000000e+25" }],
  // terraform console: format("%g", -8.520849e-167) → jsonencode: "-8.520849e-167"
  ["format", ["%g",-8.520849e-167], { value: "-8.520849e-167" }],
  // terraform console: format("%.3g", 3.982382e-215) → jsonencode: "3.98e-215"
  ["format", ["%.3g",3.982382e-215], { value: "3.98e-215" }],
  // terraform console: tostring(8.223577e-283) → jsonencode: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000008223577"
  ["tostring", [8.223577e-283], { value: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000008223577" }],
  // terraform console: tostring(9.161594e-264) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000009161594"
  ["tostring", [9.161594e-264], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000009161594" }],
  // terraform console: tostring(2.37986e-200) → jsonencode: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000237986"
  ["tostring", [2.37986e-200], { value: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000237986" }],
  // terraform console: tostring(-8.555894e-172) → jsonencode: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000008555894"
  ["tostring", [-8.555894e-172], { value: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000008555894" }],
  // terraform console: tostring(-1e+25) → jsonencode: "-10000000000000000000000000"
  ["tostring", [-1e+25], { value: "-10000000000000000000000000" }],
  // terraform console: tostring(-7e-323) → jsonencode: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007"
  ["tostring", [-7e-323], { value: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007" }],
  // terraform console: tostring(3.5e-323) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000035"
  ["tostring", [3.5e-323], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000035" }],
  // terraform console: tostring(7e-323) → jsonencode: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007"
  ["tostring", [7e-323], { value: "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007" }],
  // terraform console: tostring(7.185339e-165) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007185339"
  ["tostring", [7.185339e-165], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007185339" }],
  // terraform console: tostring(3.5e-323) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000035"
  ["tostring", [3.5e-323], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000035" }],
  // terraform console: tostring(0.03982333) → jsonencode: "0.03982333"
  ["tostring", [0.03982333], { value: "0.03982333" }],
  // terraform console: tostring(-1.936365e-202) → jsonencode: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001936365"
  ["tostring", [-1.936365e-202], { value: "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001936365" }],
  // terraform console: tostring(-1e+25) → jsonencode: "-10000000000000000000000000"
  ["tostring", [-1e+25], { value: "-10000000000000000000000000" }],
  // terraform console: tostring(-3.37823e-168) → jsonencode: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000337823"
  ["tostring", [-3.37823e-168], { value: "-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000337823" }],
  // terraform console: tostring(5.349422e-124) → jsonencode: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005349422"
  ["tostring", [5.349422e-124], { value: "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005349422" }],
  // terraform console: tostring(5.107666e-132) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005107666"
  ["tostring", [5.107666e-132], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005107666" }],
  // terraform console: tostring(4.770404e-288) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004770404"
  ["tostring", [4.770404e-288], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004770404" }],
  // terraform console: tostring(0.004920571) → jsonencode: "0.004920571"
  ["tostring", [0.004920571], { value: "0.004920571" }],
  // terraform console: tostring(2.104366e-138) → jsonencode: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002104366"
  ["tostring", [2.104366e-138], { value: "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002104366" }],
  // terraform console: tostring(-9.60917e-235) → jsonencode: "-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000960917"
  ["tostring", [-9.60917e-235], { value: "-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000960917" }],
  // terraform console: format("%.0f|%.1e", 85.05, 85.05) → jsonencode: "85|8.5e+01"
  ["format", ["%.0f|%.1e",85.05,85.05], { value: "85|8.5e+01" }],
  // terraform console: format("%.3f|%.4e", 967.1895, 967.1895) → jsonencode: "967.189|9.6719e+02"
  ["format", ["%.3f|%.4e",967.1895,967.1895], { value: "967.189|9.6719e+02" }],
  // terraform console: format("%.2f|%.3e", 398.265, 398.265) → jsonencode: "398.26|3.983e+02"
  ["format", ["%.2f|%.3e",398.265,398.265], { value: "398.26|3.983e+02" }],
  // terraform console: format("%.2f|%.3e", 89.565, 89.565) → jsonencode: "89.56|8.956e+01"
  ["format", ["%.2f|%.3e",89.565,89.565], { value: "89.56|8.956e+01" }],
  // terraform console: format("%.2f|%.3e", 809.595, 809.595) → jsonencode: "809.60|8.096e+02"
  ["format", ["%.2f|%.3e",809.595,809.595], { value: "809.60|8.096e+02" }],
  // terraform console: format("%.2f|%.3e", 876.995, 876.995) → jsonencode: "876.99|8.770e+02"
  ["format", ["%.2f|%.3e",876.995,876.995], { value: "876.99|8.770e+02" }],
  // terraform console: format("%.2f|%.3e", 966.295, 966.295) → jsonencode: "966.30|9.663e+02"
  ["format", ["%.2f|%.3e",966.295,966.295], { value: "966.30|9.663e+02" }],
  // terraform console: format("%.1f|%.2e", 899.65, 899.65) → jsonencode: "899.7|9.00e+02"
  ["format", ["%.1f|%.2e",899.65,899.65], { value: "899.7|9.00e+02" }],
  // terraform console: format("%.3f|%.4e", 961.1645, 961.1645) → jsonencode: "961.164|9.6116e+02"
  ["format", ["%.3f|%.4e",961.1645,961.1645], { value: "961.164|9.6116e+02" }],
  // terraform console: format("%.3f|%.4e", 906.2945, 906.2945) → jsonencode: "906.295|9.0629e+02"
  ["format", ["%.3f|%.4e",906.2945,906.2945], { value: "906.295|9.0629e+02" }],
  // terraform console: format("%.3f|%.4e", 414.3085, 414.3085) → jsonencode: "414.309|4.1431e+02"
  ["format", ["%.3f|%.4e",414.3085,414.3085], { value: "414.309|4.1431e+02" }],
  // terraform console: format("%.2f|%.3e", 395.785, 395.785) → jsonencode: "395.78|3.958e+02"
  ["format", ["%.2f|%.3e",395.785,395.785], { value: "395.78|3.958e+02" }],
  // terraform console: format("%.2f|%.3e", 544.595, 544.595) → jsonencode: "544.60|5.446e+02"
  ["format", ["%.2f|%.3e",544.595,544.595], { value: "544.60|5.446e+02" }],
  // terraform console: format("%.0f|%.1e", 609.05, 609.05) → jsonencode: "609|6.1e+02"
  ["format", ["%.0f|%.1e",609.05,609.05], { value: "609|6.1e+02" }],
  // terraform console: format("%.2f|%.3e", 844.495, 844.495) → jsonencode: "844.49|8.445e+02"
  ["format", ["%.2f|%.3e",844.495,844.495], { value: "844.49|8.445e+02" }],
  // terraform console: format("%.3f|%.4e", 71.1915, 71.1915) → jsonencode: "71.191|7.1191e+01"
  ["format", ["%.3f|%.4e",71.1915,71.1915], { value: "71.191|7.1191e+01" }],
  // terraform console: format("%.0f|%.1e", 780.05, 780.05) → jsonencode: "780|7.8e+02"
  ["format", ["%.0f|%.1e",780.05,780.05], { value: "780|7.8e+02" }],
  // terraform console: format("%.0f|%.1e", 616.05, 616.05) → jsonencode: "616|6.2e+02"
  ["format", ["%.0f|%.1e",616.05,616.05], { value: "616|6.2e+02" }],
  // terraform console: format("%.2f|%.3e", 314.435, 314.435) → jsonencode: "314.43|3.144e+02"
  ["format", ["%.2f|%.3e",314.435,314.435], { value: "314.43|3.144e+02" }],
  // terraform console: format("%.1f|%.2e", 908.95, 908.95) → jsonencode: "909.0|9.09e+02"
  ["format", ["%.1f|%.2e",908.95,908.95], { value: "909.0|9.09e+02" }],
  // terraform console: format("%.2f|%.3e", 163.695, 163.695) → jsonencode: "163.69|1.637e+02"
  ["format", ["%.2f|%.3e",163.695,163.695], { value: "163.69|1.637e+02" }],
  // terraform console: format("%.1f|%.2e", 455.05, 455.05) → jsonencode: "455.0|4.55e+02"
  ["format", ["%.1f|%.2e",455.05,455.05], { value: "455.0|4.55e+02" }],
  // terraform console: format("%.0f|%.1e", 174.05, 174.05) → jsonencode: "174|1.7e+02"
  ["format", ["%.0f|%.1e",174.05,174.05], { value: "174|1.7e+02" }],
  // terraform console: format("%.0f|%.1e", 504.05, 504.05) → jsonencode: "504|5.0e+02"
  ["format", ["%.0f|%.1e",504.05,504.05], { value: "504|5.0e+02" }],
  // terraform console: format("%.2f|%.3e", 674.095, 674.095) → jsonencode: "674.10|6.741e+02"
  ["format", ["%.2f|%.3e",674.095,674.095], { value: "674.10|6.741e+02" }],
  // terraform console: format("%.0f|%.1e", 832.05, 832.05) → jsonencode: "832|8.3e+02"
  ["format", ["%.0f|%.1e",832.05,832.05], { value: "832|8.3e+02" }],
  // terraform console: format("%.0f|%.1e", 165.05, 165.05) → jsonencode: "165|1.7e+02"
  ["format", ["%.0f|%.1e",165.05,165.05], { value: "165|1.7e+02" }],
  // terraform console: format("%.3f|%.4e", 113.8705, 113.8705) → jsonencode: "113.871|1.1387e+02"
  ["format", ["%.3f|%.4e",113.8705,113.8705], { value: "113.871|1.1387e+02" }],
  // terraform console: format("%.2f|%.3e", 672.615, 672.615) → jsonencode: "672.62|6.726e+02"
  ["format", ["%.2f|%.3e",672.615,672.615], { value: "672.62|6.726e+02" }],
  // terraform console: format("%.2f|%.3e", 150.255, 150.255) → jsonencode: "150.25|1.503e+02"
  ["format", ["%.2f|%.3e",150.255,150.255], { value: "150.25|1.503e+02" }],
  // terraform console: format("%.3f|%.4e", 593.8965, 593.8965) → jsonencode: "593.896|5.9390e+02"
  ["format", ["%.3f|%.4e",593.8965,593.8965], { value: "593.896|5.9390e+02" }],
  // terraform console: format("%.1f|%.2e", 197.25, 197.25) → jsonencode: "197.2|1.97e+02"
  ["format", ["%.1f|%.2e",197.25,197.25], { value: "197.2|1.97e+02" }],
  // terraform console: format("%.1f|%.2e", 95.65, 95.65) → jsonencode: "95.7|9.57e+01"
  ["format", ["%.1f|%.2e",95.65,95.65], { value: "95.7|9.57e+01" }],
  // terraform console: format("%.2f|%.3e", 125.155, 125.155) → jsonencode: "125.16|1.252e+02"
  ["format", ["%.2f|%.3e",125.155,125.155], { value: "125.16|1.252e+02" }],
  // terraform console: format("%.0f|%.1e", 948.05, 948.05) → jsonencode: "948|9.5e+02"
  ["format", ["%.0f|%.1e",948.05,948.05], { value: "948|9.5e+02" }],
  // terraform console: format("%.0f|%.1e", 549.05, 549.05) → jsonencode: "549|5.5e+02"
  ["format", ["%.0f|%.1e",549.05,549.05], { value: "549|5.5e+02" }],
  // terraform console: format("%.1f|%.2e", 465.05, 465.05) → jsonencode: "465.0|4.65e+02"
  ["format", ["%.1f|%.2e",465.05,465.05], { value: "465.0|4.65e+02" }],
  // terraform console: format("%.0f|%.1e", 206.05, 206.05) → jsonencode: "206|2.1e+02"
  ["format", ["%.0f|%.1e",206.05,206.05], { value: "206|2.1e+02" }],
  // terraform console: format("%.0f|%.1e", 604.05, 604.05) → jsonencode: "604|6.0e+02"
  ["format", ["%.0f|%.1e",604.05,604.05], { value: "604|6.0e+02" }],
  // terraform console: format("%.2f|%.3e", 244.665, 244.665) → jsonencode: "244.67|2.447e+02"
  ["format", ["%.2f|%.3e",244.665,244.665], { value: "244.67|2.447e+02" }],
  // terraform console: format("%.0f|%.1e", 173.05, 173.05) → jsonencode: "173|1.7e+02"
  ["format", ["%.0f|%.1e",173.05,173.05], { value: "173|1.7e+02" }],
  // terraform console: format("%.3f|%.4e", 393.8245, 393.8245) → jsonencode: "393.824|3.9382e+02"
  ["format", ["%.3f|%.4e",393.8245,393.8245], { value: "393.824|3.9382e+02" }],
  // terraform console: format("%.2f|%.3e", 753.695, 753.695) → jsonencode: "753.69|7.537e+02"
  ["format", ["%.2f|%.3e",753.695,753.695], { value: "753.69|7.537e+02" }],
  // terraform console: format("%.1f|%.2e", 828.55, 828.55) → jsonencode: "828.5|8.29e+02"
  ["format", ["%.1f|%.2e",828.55,828.55], { value: "828.5|8.29e+02" }],
  // terraform console: format("%.3f|%.4e", 147.5855, 147.5855) → jsonencode: "147.585|1.4759e+02"
  ["format", ["%.3f|%.4e",147.5855,147.5855], { value: "147.585|1.4759e+02" }],
  // terraform console: format("%.3f|%.4e", 952.9125, 952.9125) → jsonencode: "952.912|9.5291e+02"
  ["format", ["%.3f|%.4e",952.9125,952.9125], { value: "952.912|9.5291e+02" }],
  // terraform console: format("%.3f|%.4e", 794.5725, 794.5725) → jsonencode: "794.572|7.9457e+02"
  ["format", ["%.3f|%.4e",794.5725,794.5725], { value: "794.572|7.9457e+02" }],
  // terraform console: format("%.0f|%.1e", 152.05, 152.05) → jsonencode: "152|1.5e+02"
  ["format", ["%.0f|%.1e",152.05,152.05], { value: "152|1.5e+02" }],
  // terraform console: format("%.3f|%.4e", 295.6015, 295.6015) → jsonencode: "295.601|2.9560e+02"
  ["format", ["%.3f|%.4e",295.6015,295.6015], { value: "295.601|2.9560e+02" }],
  // terraform console: format("%.2f|%.3e", 847.505, 847.505) → jsonencode: "847.51|8.475e+02"
  ["format", ["%.2f|%.3e",847.505,847.505], { value: "847.51|8.475e+02" }],
  // terraform console: format("%.3f|%.4e", 310.7935, 310.7935) → jsonencode: "310.794|3.1079e+02"
  ["format", ["%.3f|%.4e",310.7935,310.7935], { value: "310.794|3.1079e+02" }],
  // terraform console: format("%.3f|%.4e", 63.9645, 63.9645) → jsonencode: "63.965|6.3965e+01"
  ["format", ["%.3f|%.4e",63.9645,63.9645], { value: "63.965|6.3965e+01" }],
  // terraform console: format("%.0f|%.1e", 448.05, 448.05) → jsonencode: "448|4.5e+02"
  ["format", ["%.0f|%.1e",448.05,448.05], { value: "448|4.5e+02" }],
  // terraform console: format("%.1f|%.2e", 917.05, 917.05) → jsonencode: "917.0|9.17e+02"
  ["format", ["%.1f|%.2e",917.05,917.05], { value: "917.0|9.17e+02" }],
  // terraform console: format("%.0f|%.1e", 801.05, 801.05) → jsonencode: "801|8.0e+02"
  ["format", ["%.0f|%.1e",801.05,801.05], { value: "801|8.0e+02" }],
  // terraform console: format("%.3f|%.4e", 613.0515, 613.0515) → jsonencode: "613.051|6.1305e+02"
  ["format", ["%.3f|%.4e",613.0515,613.0515], { value: "613.051|6.1305e+02" }],
  // terraform console: format("%.3f|%.4e", 239.5525, 239.5525) → jsonencode: "239.553|2.3955e+02"
  ["format", ["%.3f|%.4e",239.5525,239.5525], { value: "239.553|2.3955e+02" }],
  // terraform console: format("%.0f|%.1e", 949.05, 949.05) → jsonencode: "949|9.5e+02"
  ["format", ["%.0f|%.1e",949.05,949.05], { value: "949|9.5e+02" }],
  // terraform console: format("%.0f|%.1e", 521.05, 521.05) → jsonencode: "521|5.2e+02"
  ["format", ["%.0f|%.1e",521.05,521.05], { value: "521|5.2e+02" }],
  // terraform console: format("%.1f|%.2e", 440.35, 440.35) → jsonencode: "440.4|4.40e+02"
  ["format", ["%.1f|%.2e",440.35,440.35], { value: "440.4|4.40e+02" }],
  // terraform console: format("%.2f|%.3e", 977.205, 977.205) → jsonencode: "977.20|9.772e+02"
  ["format", ["%.2f|%.3e",977.205,977.205], { value: "977.20|9.772e+02" }],
  // terraform console: format("%.2f|%.3e", 362.955, 362.955) → jsonencode: "362.96|3.630e+02"
  ["format", ["%.2f|%.3e",362.955,362.955], { value: "362.96|3.630e+02" }],
  // terraform console: format("%.0f|%.1e", 49.05, 49.05) → jsonencode: "49|4.9e+01"
  ["format", ["%.0f|%.1e",49.05,49.05], { value: "49|4.9e+01" }],
  // terraform console: format("%.2f|%.3e", 981.065, 981.065) → jsonencode: "981.07|9.811e+02"
  ["format", ["%.2f|%.3e",981.065,981.065], { value: "981.07|9.811e+02" }],
  // terraform console: format("%.0f|%.1e", 811.05, 811.05) → jsonencode: "811|8.1e+02"
  ["format", ["%.0f|%.1e",811.05,811.05], { value: "811|8.1e+02" }],
  // terraform console: format("%.3f|%.4e", 307.2255, 307.2255) → jsonencode: "307.225|3.0723e+02"
  ["format", ["%.3f|%.4e",307.2255,307.2255], { value: "307.225|3.0723e+02" }],
  // terraform console: format("%.3f|%.4e", 406.8615, 406.8615) → jsonencode: "406.861|4.0686e+02"
  ["format", ["%.3f|%.4e",406.8615,406.8615], { value: "406.861|4.0686e+02" }],
  // terraform console: format("%.2f|%.3e", 983.755, 983.755) → jsonencode: "983.76|9.838e+02"
  ["format", ["%.2f|%.3e",983.755,983.755], { value: "983.76|9.838e+02" }],
  // terraform console: format("%.0f|%.1e", 915.05, 915.05) → jsonencode: "915|9.2e+02"
  ["format", ["%.0f|%.1e",915.05,915.05], { value: "915|9.2e+02" }],
  // terraform console: format("%.0f|%.1e", 517.05, 517.05) → jsonencode: "517|5.2e+02"
  ["format", ["%.0f|%.1e",517.05,517.05], { value: "517|5.2e+02" }],
  // terraform console: format("%.2f|%.3e", 903.745, 903.745) → jsonencode: "903.74|9.037e+02"
  ["format", ["%.2f|%.3e",903.745,903.745], { value: "903.74|9.037e+02" }],
  // terraform console: format("%.0f|%.1e", 319.05, 319.05) → jsonencode: "319|3.2e+02"
  ["format", ["%.0f|%.1e",319.05,319.05], { value: "319|3.2e+02" }],
  // terraform console: format("%.0f|%.1e", 328.05, 328.05) → jsonencode: "328|3.3e+02"
  ["format", ["%.0f|%.1e",328.05,328.05], { value: "328|3.3e+02" }],
  // terraform console: format("%.1f|%.2e", 251.45, 251.45) → jsonencode: "251.4|2.51e+02"
  ["format", ["%.1f|%.2e",251.45,251.45], { value: "251.4|2.51e+02" }],
  // terraform console: format("%.1f|%.2e", 183.55, 183.55) → jsonencode: "183.6|1.84e+02"
  ["format", ["%.1f|%.2e",183.55,183.55], { value: "183.6|1.84e+02" }],
  // terraform console: format("%.1f|%.2e", 768.65, 768.65) → jsonencode: "768.7|7.69e+02"
  ["format", ["%.1f|%.2e",768.65,768.65], { value: "768.7|7.69e+02" }],
  // terraform console: format("%.3f|%.4e", 196.4345, 196.4345) → jsonencode: "196.435|1.9643e+02"
  ["format", ["%.3f|%.4e",196.4345,196.4345], { value: "196.435|1.9643e+02" }],
  // terraform console: format("%.0f|%.1e", 335.05, 335.05) → jsonencode: "335|3.4e+02"
  ["format", ["%.0f|%.1e",335.05,335.05], { value: "335|3.4e+02" }],
  // terraform console: format("%.3f|%.4e", 801.3025, 801.3025) → jsonencode: "801.303|8.0130e+02"
  ["format", ["%.3f|%.4e",801.3025,801.3025], { value: "801.303|8.0130e+02" }],
  // terraform console: format("%.0f|%.1e", 248.05, 248.05) → jsonencode: "248|2.5e+02"
  ["format", ["%.0f|%.1e",248.05,248.05], { value: "248|2.5e+02" }],
  // terraform console: format("%.3g|%.10f|%v", 0.0003, 0.0003, 0.0003) → jsonencode: "0.0003|0.0003000000|0.0003"
  ["format", ["%.3g|%.10f|%v",0.0003,0.0003,0.0003], { value: "0.0003|0.0003000000|0.0003" }],
  // terraform console: format("%.3g|%.10f|%v", 0.0099398, 0.0099398, 0.0099398) → jsonencode: "0.00994|0.0099398000|0.0099398"
  ["format", ["%.3g|%.10f|%v",0.0099398,0.0099398,0.0099398], { value: "0.00994|0.0099398000|0.0099398" }],
  // terraform console: format("%.3g|%.10f|%v", 911000000000000, 911000000000000, 911000000000000) → jsonencode: "9.11e+14|911000000000000.0000000000|9.11e+14"
  ["format", ["%.3g|%.10f|%v",911000000000000,911000000000000,911000000000000], { value: "9.11e+14|911000000000000.0000000000|9.11e+14" }],
  // terraform console: format("%.3g|%.10f|%v", 6.9e-9, 6.9e-9, 6.9e-9) → jsonencode: "6.9e-09|0.0000000069|6.9e-09"
  ["format", ["%.3g|%.10f|%v",6.9e-9,6.9e-9,6.9e-9], { value: "6.9e-09|0.0000000069|6.9e-09" }],
  // terraform console: format("%.3g|%.10f|%v", 7.1e-11, 7.1e-11, 7.1e-11) → jsonencode: "7.1e-11|0.0000000001|7.1e-11"
  ["format", ["%.3g|%.10f|%v",7.1e-11,7.1e-11,7.1e-11], { value: "7.1e-11|0.0000000001|7.1e-11" }],
  // terraform console: format("%.3g|%.10f|%v", 4400, 4400, 4400) → jsonencode: "4.4e+03|4400.0000000000|4400"
  ["format", ["%.3g|%.10f|%v",4400,4400,4400], { value: "4.4e+03|4400.0000000000|4400" }],
  // terraform console: format("%.3g|%.10f|%v", 1.7e-8, 1.7e-8, 1.7e-8) → jsonencode: "1.7e-08|0.0000000170|1.7e-08"
  ["format", ["%.3g|%.10f|%v",1.7e-8,1.7e-8,1.7e-8], { value: "1.7e-08|0.0000000170|1.7e-08" }],
  // terraform console: format("%.3g|%.10f|%v", 249000000, 249000000, 249000000) → jsonencode: "2.49e+08|249000000.0000000000|2.49e+08"
  ["format", ["%.3g|%.10f|%v",249000000,249000000,249000000], { value: "2.49e+08|249000000.0000000000|2.49e+08" }],
  // terraform console: format("%.3g|%.10f|%v", 8435020000, 8435020000, 8435020000) → jsonencode: "8.44e+09|8435020000.0000000000|8.43502e+09"
  ["format", ["%.3g|%.10f|%v",8435020000,8435020000,8435020000], { value: "8.44e+09|8435020000.0000000000|8.43502e+09" }],
  // terraform console: format("%.3g|%.10f|%v", 0.0000021, 0.0000021, 0.0000021) → jsonencode: "2.1e-06|0.0000021000|2.1e-06"
  ["format", ["%.3g|%.10f|%v",0.0000021,0.0000021,0.0000021], { value: "2.1e-06|0.0000021000|2.1e-06" }],
  // terraform console: format("%.3g|%.10f|%v", 9.5742, 9.5742, 9.5742) → jsonencode: "9.57|9.5742000000|9.5742"
  ["format", ["%.3g|%.10f|%v",9.5742,9.5742,9.5742], { value: "9.57|9.5742000000|9.5742" }],
  // terraform console: format("%.3g|%.10f|%v", 1424600000000, 1424600000000, 1424600000000) → jsonencode: "1.42e+12|1424600000000.0000000000|1.4246e+12"
  ["format", ["%.3g|%.10f|%v",1424600000000,1424600000000,1424600000000], { value: "1.42e+12|1424600000000.0000000000|1.4246e+12" }],
  // terraform console: format("%.3g|%.10f|%v", 2138.44, 2138.44, 2138.44) → jsonencode: "2.14e+03|2138.4400000000|2138.44"
  ["format", ["%.3g|%.10f|%v",2138.44,2138.44,2138.44], { value: "2.14e+03|2138.4400000000|2138.44" }],
  // terraform console: format("%.3g|%.10f|%v", 4000000, 4000000, 4000000) → jsonencode: "4e+06|4000000.0000000000|4e+06"
  ["format", ["%.3g|%.10f|%v",4000000,4000000,4000000], { value: "4e+06|4000000.0000000000|4e+06" }],
  // terraform console: format("%.3g|%.10f|%v", 9641000000000000000, 9641000000000000000, 9641000000000000000) → jsonencode: "9.64e+18|9641000000000000000.0000000000|9.641e+18"
  ["format", ["%.3g|%.10f|%v",9641000000000000000,9641000000000000000,9641000000000000000], { value: "9.64e+18|9641000000000000000.0000000000|9.641e+18" }],
  // terraform console: format("%.3g|%.10f|%v", 24.26, 24.26, 24.26) → jsonencode: "24.3|24.2600000000|24.26"
  ["format", ["%.3g|%.10f|%v",24.26,24.26,24.26], { value: "24.3|24.2600000000|24.26" }],
  // terraform console: format("%.3g|%.10f|%v", 736000000000000000, 736000000000000000, 736000000000000000) → jsonencode: "7.36e+17|736000000000000000.0000000000|7.36e+17"
  ["format", ["%.3g|%.10f|%v",736000000000000000,736000000000000000,736000000000000000], { value: "7.36e+17|736000000000000000.0000000000|7.36e+17" }],
  // terraform console: format("%.3g|%.10f|%v", 59625700000000000, 59625700000000000, 59625700000000000) → jsonencode: "5.96e+16|59625700000000000.0000000000|5.96257e+16"
  ["format", ["%.3g|%.10f|%v",59625700000000000,59625700000000000,59625700000000000], { value: "5.96e+16|59625700000000000.0000000000|5.96257e+16" }],
  // terraform console: format("%.3g|%.10f|%v", 0.0116, 0.0116, 0.0116) → jsonencode: "0.0116|0.0116000000|0.0116"
  ["format", ["%.3g|%.10f|%v",0.0116,0.0116,0.0116], { value: "0.0116|0.0116000000|0.0116" }],
  // terraform console: format("%.3g|%.10f|%v", 3040.4, 3040.4, 3040.4) → jsonencode: "3.04e+03|3040.4000000000|3040.4"
  ["format", ["%.3g|%.10f|%v",3040.4,3040.4,3040.4], { value: "3.04e+03|3040.4000000000|3040.4" }],
];

runCases('terraform functions on sampled inputs', cases);
