// Terraform's crypto functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: md5("hello") → jsonencode: "5d41402abc4b2a76b9719d911017c592"
  ["md5", ["hello"], { value: "5d41402abc4b2a76b9719d911017c592" }],
  // terraform console: md5("") → jsonencode: "d41d8cd98f00b204e9800998ecf8427e"
  ["md5", [""], { value: "d41d8cd98f00b204e9800998ecf8427e" }],
  // terraform console: md5(1) → jsonencode: "c4ca4238a0b923820dcc509a6f75849b"
  ["md5", [1], { value: "c4ca4238a0b923820dcc509a6f75849b" }],
  // terraform console: md5(null) → Error: Invalid value for "str" parameter: argument must not be null.
  ["md5", [null], { error: "Invalid value for \"str\" parameter: argument must not be null." }],
  // terraform console: md5([1]) → Error: Invalid value for "str" parameter: string required.
  ["md5", [[1]], { error: "Invalid value for \"str\" parameter: string required." }],
  // terraform console: sha1("hello") → jsonencode: "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"
  ["sha1", ["hello"], { value: "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d" }],
  // terraform console: sha256("hello") → jsonencode: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
  ["sha256", ["hello"], { value: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" }],
  // terraform console: sha256("é") → jsonencode: "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"
  ["sha256", ["é"], { value: "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c" }],
  // terraform console: sha512("hello") → jsonencode: "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"
  ["sha512", ["hello"], { value: "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043" }],
  // terraform console: base64sha256("hello") → jsonencode: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="
  ["base64sha256", ["hello"], { value: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=" }],
  // terraform console: base64sha512("hello") → jsonencode: "m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw=="
  ["base64sha512", ["hello"], { value: "m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==" }],
  // terraform console: base64sha256("") → jsonencode: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
  ["base64sha256", [""], { value: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" }],
  // terraform console: uuidv5("dns", "www.terraform.io") → jsonencode: "a5008fae-b28c-5ba5-96cd-82b4c53552d6"
  ["uuidv5", ["dns","www.terraform.io"], { value: "a5008fae-b28c-5ba5-96cd-82b4c53552d6" }],
  // terraform console: uuidv5("url", "https://www.terraform.io/") → jsonencode: "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"
  ["uuidv5", ["url","https://www.terraform.io/"], { value: "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5" }],
  // terraform console: uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x") → jsonencode: "05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"
  ["uuidv5", ["6ba7b810-9dad-11d1-80b4-00c04fd430c8","x"], { value: "05b16a01-46c6-56dd-bd6e-c6dfb4a1427a" }],
  // terraform console: uuidv5("nope", "x") → Error: Call to function "uuidv5" failed: uuidv5() doesn't support namespace nope (invalid UUID length: 4).
  ["uuidv5", ["nope","x"], { error: "Call to function \"uuidv5\" failed: uuidv5() doesn't support namespace nope (invalid UUID length: 4)." }],
];

runCases('terraform crypto functions', cases);
