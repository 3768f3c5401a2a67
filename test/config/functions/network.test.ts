// Terraform's network functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: cidrsubnet("10.0.0.0/16", 8, 2) → jsonencode: "10.0.2.0/24"
  ["cidrsubnet", ["10.0.0.0/16",8,2], { value: "10.0.2.0/24" }],
  // terraform console: cidrsubnet("10.1.2.3/16", 8, 2) → jsonencode: "10.1.2.0/24"
  ["cidrsubnet", ["10.1.2.3/16",8,2], { value: "10.1.2.0/24" }],
  // terraform console: cidrsubnet("10.0.0.0/16", 0, 0) → jsonencode: "10.0.0.0/16"
  ["cidrsubnet", ["10.0.0.0/16",0,0], { value: "10.0.0.0/16" }],
  // terraform console: cidrsubnet("172.16.0.0/12", 4, 15) → jsonencode: "172.31.0.0/16"
  ["cidrsubnet", ["172.16.0.0/12",4,15], { value: "172.31.0.0/16" }],
  // terraform console: cidrsubnet("10.0.0.0/8", 16, 65535) → jsonencode: "10.255.255.0/24"
  ["cidrsubnet", ["10.0.0.0/8",16,65535], { value: "10.255.255.0/24" }],
  // terraform console: cidrsubnet("10.0.0.0/16", 17, 2) → Error: Call to function "cidrsubnet" failed: insufficient address space to extend prefix of 16 by 17.
  ["cidrsubnet", ["10.0.0.0/16",17,2], { error: "Call to function \"cidrsubnet\" failed: insufficient address space to extend prefix of 16 by 17." }],
  // terraform console: cidrsubnet("10.0.0.0/16", 4, 16) → Error: Call to function "cidrsubnet" failed: prefix extension of 4 does not accommodate a subnet numbered 16.
  ["cidrsubnet", ["10.0.0.0/16",4,16], { error: "Call to function \"cidrsubnet\" failed: prefix extension of 4 does not accommodate a subnet numbered 16." }],
  // terraform console: cidrsubnet("10.0.0.0", 8, 2) → Error: Call to function "cidrsubnet" failed: invalid CIDR expression: invalid CIDR address: 10.0.0.0.
  ["cidrsubnet", ["10.0.0.0",8,2], { error: "Call to function \"cidrsubnet\" failed: invalid CIDR expression: invalid CIDR address: 10.0.0.0." }],
  // terraform console: cidrsubnet("10.0.0.0/33", 1, 0) → Error: Call to function "cidrsubnet" failed: invalid CIDR expression: invalid CIDR address: 10.0.0.0/33.
  ["cidrsubnet", ["10.0.0.0/33",1,0], { error: "Call to function \"cidrsubnet\" failed: invalid CIDR expression: invalid CIDR address: 10.0.0.0/33." }],
  // terraform console: cidrsubnet("10.0.0.0/16", 1.5, 0) → Error: Call to function "cidrsubnet" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807.
  ["cidrsubnet", ["10.0.0.0/16",1.5,0], { error: "Call to function \"cidrsubnet\" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807." }],
  // terraform console: cidrsubnet("010.0.0.0/16", 8, 0) → jsonencode: "10.0.0.0/24"
  ["cidrsubnet", ["010.0.0.0/16",8,0], { value: "10.0.0.0/24" }],
  // terraform console: cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162) → jsonencode: "fd00:fd12:3456:7800:a200::/72"
  ["cidrsubnet", ["fd00:fd12:3456:7890::/56",16,162], { value: "fd00:fd12:3456:7800:a200::/72" }],
  // terraform console: cidrsubnet("2001:db8::/32", 8, 0) → jsonencode: "2001:db8::/40"
  ["cidrsubnet", ["2001:db8::/32",8,0], { value: "2001:db8::/40" }],
  // terraform console: cidrsubnet("2001:DB8::/32", 32, 5) → jsonencode: "2001:db8:0:5::/64"
  ["cidrsubnet", ["2001:DB8::/32",32,5], { value: "2001:db8:0:5::/64" }],
  // terraform console: cidrsubnet("2001:db8::/32", 33, 0) → jsonencode: "2001:db8::/65"
  ["cidrsubnet", ["2001:db8::/32",33,0], { value: "2001:db8::/65" }],
  // terraform console: cidrsubnet("::ffff:10.0.0.0/112", 8, 1) → jsonencode: "10.0.1.0/24"
  ["cidrsubnet", ["::ffff:10.0.0.0/112",8,1], { value: "10.0.1.0/24" }],
  // terraform console: cidrhost("10.12.112.0/20", 16) → jsonencode: "10.12.112.16"
  ["cidrhost", ["10.12.112.0/20",16], { value: "10.12.112.16" }],
  // terraform console: cidrhost("10.12.112.0/20", 268) → jsonencode: "10.12.113.12"
  ["cidrhost", ["10.12.112.0/20",268], { value: "10.12.113.12" }],
  // terraform console: cidrhost("10.12.112.0/20", -1) → jsonencode: "10.12.127.255"
  ["cidrhost", ["10.12.112.0/20",-1], { value: "10.12.127.255" }],
  // terraform console: cidrhost("10.12.112.0/20", 4096) → Error: Call to function "cidrhost" failed: prefix of 20 does not accommodate a host numbered 4096.
  ["cidrhost", ["10.12.112.0/20",4096], { error: "Call to function \"cidrhost\" failed: prefix of 20 does not accommodate a host numbered 4096." }],
  // terraform console: cidrhost("10.12.112.0/20", -4097) → Error: Call to function "cidrhost" failed: prefix of 20 does not accommodate a host numbered -1.
  ["cidrhost", ["10.12.112.0/20",-4097], { error: "Call to function \"cidrhost\" failed: prefix of 20 does not accommodate a host numbered -1." }],
  // terraform console: cidrhost("10.0.0.0/8", "3") → jsonencode: "10.0.0.3"
  ["cidrhost", ["10.0.0.0/8","3"], { value: "10.0.0.3" }],
  // terraform console: cidrhost("1.2.3.4/32", 0) → jsonencode: "1.2.3.4"
  ["cidrhost", ["1.2.3.4/32",0], { value: "1.2.3.4" }],
  // terraform console: cidrhost("fd00:fd12:3456:7890:00a2::/72", 34) → jsonencode: "fd00:fd12:3456:7890::22"
  ["cidrhost", ["fd00:fd12:3456:7890:00a2::/72",34], { value: "fd00:fd12:3456:7890::22" }],
  // terraform console: cidrhost("::/0", 1) → jsonencode: "::1"
  ["cidrhost", ["::/0",1], { value: "::1" }],
  // terraform console: cidrhost("2001:db8::/64", 65536) → jsonencode: "2001:db8::1:0"
  ["cidrhost", ["2001:db8::/64",65536], { value: "2001:db8::1:0" }],
  // terraform console: cidrhost("2001:db8:0:0:1::/80", 0) → jsonencode: "2001:db8:0:0:1::"
  ["cidrhost", ["2001:db8:0:0:1::/80",0], { value: "2001:db8:0:0:1::" }],
  // terraform console: cidrhost("2001:0:0:1::/64", 0) → jsonencode: "2001:0:0:1::"
  ["cidrhost", ["2001:0:0:1::/64",0], { value: "2001:0:0:1::" }],
  // terraform console: cidrhost("1:2:3:4:5:6:7:0/112", 8) → jsonencode: "1:2:3:4:5:6:7:8"
  ["cidrhost", ["1:2:3:4:5:6:7:0/112",8], { value: "1:2:3:4:5:6:7:8" }],
  // terraform console: cidrnetmask("172.16.0.0/12") → jsonencode: "255.240.0.0"
  ["cidrnetmask", ["172.16.0.0/12"], { value: "255.240.0.0" }],
  // terraform console: cidrnetmask("10.0.0.0/32") → jsonencode: "255.255.255.255"
  ["cidrnetmask", ["10.0.0.0/32"], { value: "255.255.255.255" }],
  // terraform console: cidrnetmask("10.0.0.0/0") → jsonencode: "0.0.0.0"
  ["cidrnetmask", ["10.0.0.0/0"], { value: "0.0.0.0" }],
  // terraform console: cidrnetmask("fd00::/64") → Error: Call to function "cidrnetmask" failed: IPv6 addresses cannot have a netmask: fd00::/64.
  ["cidrnetmask", ["fd00::/64"], { error: "Call to function \"cidrnetmask\" failed: IPv6 addresses cannot have a netmask: fd00::/64." }],
  // terraform console: cidrnetmask("nope") → Error: Call to function "cidrnetmask" failed: invalid CIDR expression: invalid CIDR address: nope.
  ["cidrnetmask", ["nope"], { error: "Call to function \"cidrnetmask\" failed: invalid CIDR expression: invalid CIDR address: nope." }],
  // terraform console: cidrsubnets("10.1.0.0/16", 4, 4, 8, 4) → jsonencode: ["10.1.0.0/20","10.1.16.0/20","10.1.32.0/24","10.1.48.0/20"]
  ["cidrsubnets", ["10.1.0.0/16",4,4,8,4], { value: ["10.1.0.0/20","10.1.16.0/20","10.1.32.0/24","10.1.48.0/20"] }],
  // terraform console: cidrsubnets("10.1.0.0/16", 8, 4) → jsonencode: ["10.1.0.0/24","10.1.16.0/20"]
  ["cidrsubnets", ["10.1.0.0/16",8,4], { value: ["10.1.0.0/24","10.1.16.0/20"] }],
  // terraform console: cidrsubnets("10.1.0.0/16") → jsonencode: []
  ["cidrsubnets", ["10.1.0.0/16"], { value: [] }],
  // terraform console: cidrsubnets("10.1.0.0/16", 17) → Error: Invalid value for "newbits" parameter: would extend prefix to 33 bits, which is too long for an IPv4 address.
  ["cidrsubnets", ["10.1.0.0/16",17], { error: "Invalid value for \"newbits\" parameter: would extend prefix to 33 bits, which is too long for an IPv4 address." }],
  // terraform console: cidrsubnets("10.1.0.0/30", 1, 1, 1) → Error: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 31 bits after 10.1.0.2/31.
  ["cidrsubnets", ["10.1.0.0/30",1,1,1], { error: "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 31 bits after 10.1.0.2/31." }],
  // terraform console: cidrsubnets("10.1.0.0/16", 0) → Error: Invalid value for "newbits" parameter: must extend prefix by at least one bit.
  ["cidrsubnets", ["10.1.0.0/16",0], { error: "Invalid value for \"newbits\" parameter: must extend prefix by at least one bit." }],
  // terraform console: cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32) → jsonencode: ["fd00:fd12:3456:7800::/72","fd00:fd12:3456:7800:100::/72","fd00:fd12:3456:7800:200::/72","fd00:fd12:3456:7800:300::/88"]
  ["cidrsubnets", ["fd00:fd12:3456:7890::/56",16,16,16,32], { value: ["fd00:fd12:3456:7800::/72","fd00:fd12:3456:7800:100::/72","fd00:fd12:3456:7800:200::/72","fd00:fd12:3456:7800:300::/88"] }],
  // terraform console: cidrsubnets("10.0.0.0/8", 8, 8, 8) → jsonencode: ["10.0.0.0/16","10.1.0.0/16","10.2.0.0/16"]
  ["cidrsubnets", ["10.0.0.0/8",8,8,8], { value: ["10.0.0.0/16","10.1.0.0/16","10.2.0.0/16"] }],
  // terraform console: cidrsubnets("0.0.0.0/0", 1, 1) → Error: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1.
  ["cidrsubnets", ["0.0.0.0/0",1,1], { error: "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1." }],
  // terraform console: cidrsubnets("10.0.0.0/24", 2, 2, 2, 2, 2) → Error: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 26 bits after 10.0.0.192/26.
  ["cidrsubnets", ["10.0.0.0/24",2,2,2,2,2], { error: "Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 26 bits after 10.0.0.192/26." }],
  // terraform console: matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"]) → jsonencode: ["i-abc","i-def"]
  ["matchkeys", [["i-123","i-abc","i-def"],["us-west","us-east","us-east"],["us-east"]], { value: ["i-abc","i-def"] }],
  // terraform console: matchkeys(["a", "b"], ["x"], ["x"]) → Error: Call to function "matchkeys" failed: length of keys and values should be equal.
  ["matchkeys", [["a","b"],["x"],["x"]], { error: "Call to function \"matchkeys\" failed: length of keys and values should be equal." }],
  // terraform console: matchkeys([1, 2, 3], [1, 2, 3], [2, "3"]) → jsonencode: [2,3]
  ["matchkeys", [[1,2,3],[1,2,3],[2,"3"]], { value: [2,3] }],
  // terraform console: matchkeys([], [], ["a"]) → jsonencode: []
  ["matchkeys", [[],[],["a"]], { value: [] }],
];

runCases('terraform network functions', cases);
