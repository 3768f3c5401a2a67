// IP network functions (cidrhost, cidrnetmask, cidrsubnet, cidrsubnets) over BigInt addresses. Addresses
// print as Go's net.IP does: IPv6 compressed with "::" for the longest run of zero groups, and an
// IPv4-mapped IPv6 prefix (::ffff:10.0.0.0/112) treated as the IPv4 prefix it maps (10.0.0.0/16).

import type { FunctionTable } from '../../hcl/functions.js';
import { def, fail, toInt, toStr } from './util.js';

interface Net {
  addr: bigint; // network address (host bits cleared)
  bits: 32 | 128;
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    // Terraform's (legacy) parser reads "010" as decimal 10, where Go's net package now refuses it.
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

function parseIPv6(s: string): bigint | undefined {
  let tail: bigint[] = [];
  let str = s;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIPv4(v4[2]!);
    if (n === undefined) return undefined;
    tail = [n >> 16n, n & 0xffffn];
    str = v4[1]!.endsWith('::') ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = str.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string) => (h === '' ? [] : h.split(':'));
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const groups = [...head, ...rest];
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const total = groups.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const values = [
    ...head.map((g) => BigInt(`0x${g}`)),
    ...Array<bigint>(8 - total).fill(0n),
    ...rest.map((g) => BigInt(`0x${g}`)),
    ...tail,
  ];
  return values.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function parseCidr(s: string): Net {
  const bad = () => fail(`invalid CIDR expression: invalid CIDR address: ${s}`);
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) return bad();
  let prefix = Number(m[2]);
  let bits: 32 | 128 = 32;
  let addr = parseIPv4(m[1]!);
  if (addr === undefined) {
    bits = 128;
    addr = parseIPv6(m[1]!);
  }
  if (addr === undefined || prefix > bits || (m[2]!.length > 1 && m[2]!.startsWith('0'))) return bad();
  if (bits === 128 && addr >> 32n === 0xffffn && prefix >= 96) {
    bits = 32;
    addr &= 0xffffffffn;
    prefix -= 96;
  }
  return { addr: addr & mask(bits, prefix), bits, prefix };
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function formatIP(addr: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((sh) => String((addr >> sh) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((addr >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero groups (the first on a tie) becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

const cidrString = (n: Net) => `${formatIP(n.addr, n.bits)}/${n.prefix}`;

export const networkFunctions: FunctionTable = {
  // A negative host number counts back from the end of the range (-1 is the last address).
  cidrhost: def({
    params: ['prefix', 'hostnum'],
    impl(args) {
      const net = parseCidr(toStr(args[0]!, 0));
      let num = BigInt(toInt(args[1]!, 1));
      const size = 1n << BigInt(net.bits - net.prefix);
      if (num < 0n) num += size;
      if (num < 0n || num >= size) fail(`prefix of ${net.prefix} does not accommodate a host numbered ${num}`);
      return formatIP(net.addr + num, net.bits);
    },
  }),

  cidrnetmask: def({
    params: ['prefix'],
    impl(args) {
      const s = toStr(args[0]!, 0);
      const net = parseCidr(s);
      if (net.bits !== 32) fail(`IPv6 addresses cannot have a netmask: ${s}`);
      return formatIP(mask(32, net.prefix), 32);
    },
  }),

  cidrsubnet: def({
    params: ['prefix', 'newbits', 'netnum'],
    impl(args) {
      const net = parseCidr(toStr(args[0]!, 0));
      const newbits = toInt(args[1]!, 1);
      const netnum = toInt(args[2]!, 2);
      const prefix = net.prefix + newbits;
      if (prefix > net.bits) fail(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
      if (newbits < 0 || netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) {
        fail(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
      }
      const addr = net.addr | (BigInt(netnum) << BigInt(net.bits - prefix));
      return cidrString({ addr, bits: net.bits, prefix });
    },
  }),

  // Consecutive subnets, each aligned to its own size, allocated in argument order.
  cidrsubnets: def({
    params: ['prefix'],
    variadic: 'newbits',
    impl(args) {
      const net = parseCidr(toStr(args[0]!, 0));
      const newbits = args.slice(1);
      if (newbits.length === 0) return [];
      const size = (prefix: number) => 1n << BigInt(net.bits - prefix);
      const wrap = (n: bigint) => ((n % size(0)) + size(0)) % size(0);
      // "current" starts as the subnet just before the base network, sized like the first request.
      const firstPrefix = Math.min(net.prefix + toInt(newbits[0]!, 1, '', true), net.bits);
      let current: Net = { addr: wrap(net.addr - 1n) & mask(net.bits, firstPrefix), bits: net.bits, prefix: firstPrefix };
      return newbits.map((v, k) => {
        const i = k + 1;
        let length = toInt(v, i, '', true);
        if (length < 1) fail('must extend prefix by at least one bit', i);
        if (length > 32) fail('may not extend prefix by more than 32 bits', i);
        length += net.prefix;
        if (length > net.bits) {
          fail(`would extend prefix to ${length} bits, which is too long for an IPv${net.bits === 32 ? 4 : 6} address`, i);
        }
        const last = current.addr + size(current.prefix) - 1n;
        const next = wrap((last & mask(net.bits, length)) + size(length));
        // Running past the end of the address space, or out of the base prefix, is an error.
        if (next === 0n || (next & mask(net.bits, net.prefix)) !== net.addr) {
          fail(
            `not enough remaining address space for a subnet with a prefix of ${length} bits after ${cidrString(current)}`,
            i,
          );
        }
        current = { addr: next, bits: net.bits, prefix: length };
        return cidrString(current);
      });
    },
  }),
};
