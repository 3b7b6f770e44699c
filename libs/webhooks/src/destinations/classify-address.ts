import { isIP } from 'node:net';
import { ForbiddenAddressClass } from './forbidden-address-class.enum';

type Rule = readonly [network: string, prefixLength: number, reason: ForbiddenAddressClass];

// First match wins, so the metadata hosts come before the ranges that contain them.
const IPV4_RULES: readonly Rule[] = [
  ['169.254.169.254', 32, ForbiddenAddressClass.Metadata], // AWS, GCP, Azure IMDS, OpenStack…
  ['100.100.100.200', 32, ForbiddenAddressClass.Metadata], // Alibaba Cloud
  ['168.63.129.16', 32, ForbiddenAddressClass.Metadata], // Azure wire server (a public address!)
  ['192.0.0.192', 32, ForbiddenAddressClass.Metadata], // Oracle Cloud
  ['0.0.0.0', 8, ForbiddenAddressClass.Unspecified], // "this network": 0.0.0.0 connects to the host itself
  ['127.0.0.0', 8, ForbiddenAddressClass.Loopback],
  ['10.0.0.0', 8, ForbiddenAddressClass.Private],
  ['172.16.0.0', 12, ForbiddenAddressClass.Private],
  ['192.168.0.0', 16, ForbiddenAddressClass.Private],
  ['169.254.0.0', 16, ForbiddenAddressClass.LinkLocal],
  ['100.64.0.0', 10, ForbiddenAddressClass.SharedAddressSpace],
  ['192.0.0.0', 24, ForbiddenAddressClass.Reserved], // IETF protocol assignments
  ['192.0.2.0', 24, ForbiddenAddressClass.Reserved], // TEST-NET-1
  ['192.88.99.0', 24, ForbiddenAddressClass.Reserved], // 6to4 relay anycast
  ['198.18.0.0', 15, ForbiddenAddressClass.Reserved], // benchmarking
  ['198.51.100.0', 24, ForbiddenAddressClass.Reserved], // TEST-NET-2
  ['203.0.113.0', 24, ForbiddenAddressClass.Reserved], // TEST-NET-3
  ['224.0.0.0', 4, ForbiddenAddressClass.Multicast],
  ['240.0.0.0', 4, ForbiddenAddressClass.Reserved], // future use, and 255.255.255.255 broadcast
];

const IPV6_RULES: readonly Rule[] = [
  ['fd00:ec2::254', 128, ForbiddenAddressClass.Metadata], // AWS IMDS over IPv6
  ['::', 128, ForbiddenAddressClass.Unspecified],
  ['::1', 128, ForbiddenAddressClass.Loopback],
  ['64:ff9b:1::', 48, ForbiddenAddressClass.Private], // local-use NAT64
  ['100::', 64, ForbiddenAddressClass.Reserved], // discard-only
  ['2001::', 23, ForbiddenAddressClass.Reserved], // IETF protocol assignments, Teredo tunnels included
  ['2001:db8::', 32, ForbiddenAddressClass.Reserved], // documentation
  ['fc00::', 7, ForbiddenAddressClass.UniqueLocal],
  ['fe80::', 10, ForbiddenAddressClass.LinkLocal],
  ['fec0::', 10, ForbiddenAddressClass.Private], // deprecated site-local
  ['ff00::', 8, ForbiddenAddressClass.Multicast],
  ['::', 8, ForbiddenAddressClass.Reserved], // IPv4-compatible and other deprecated forms
];

/**
 * The reason `address` (an IPv4 or IPv6 literal) must not receive webhooks, or null when it is a public
 * unicast address. IPv6 forms that embed an IPv4 address the network will translate to (IPv4-mapped
 * `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that IPv4 address. Anything that
 * is not an address literal is refused as reserved rather than let through.
 */
export function classifyAddress(address: string): ForbiddenAddressClass | null {
  const literal = address.replace(/^\[(.*)\]$/, '$1');
  const zoneIndex = literal.indexOf('%');
  // A zone id only means something for link-local (and multicast) addresses.
  if (zoneIndex !== -1)
    return classifyAddress(literal.slice(0, zoneIndex)) ?? ForbiddenAddressClass.LinkLocal;
  const version = isIP(literal);
  if (version === 4) return classifyIpv4(parseIpv4(literal));
  if (version === 6) return classifyIpv6(parseIpv6(literal));
  return ForbiddenAddressClass.Reserved;
}

function classifyIpv4(value: bigint): ForbiddenAddressClass | null {
  return firstMatch(value, 32, IPV4_RULES, parseIpv4);
}

function classifyIpv6(value: bigint): ForbiddenAddressClass | null {
  const embedded = embeddedIpv4(value);
  if (embedded !== null) return classifyIpv4(embedded);
  return firstMatch(value, 128, IPV6_RULES, parseIpv6);
}

function embeddedIpv4(value: bigint): bigint | null {
  const low32 = value & 0xffff_ffffn;
  if (value >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d
  if (value >> 32n === 0x0064_ff9b_0000_0000_0000_0000n) return low32; // 64:ff9b::a.b.c.d
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffff_ffffn; // 2002:aabb:ccdd::/48
  return null;
}

function firstMatch(
  value: bigint,
  width: number,
  rules: readonly Rule[],
  parse: (text: string) => bigint,
): ForbiddenAddressClass | null {
  for (const [network, prefixLength, reason] of rules) {
    const shift = BigInt(width - prefixLength);
    if (value >> shift === parse(network) >> shift) return reason;
  }
  return null;
}

function parseIpv4(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function parseIpv6(text: string): bigint {
  // The WHATWG URL parser canonicalizes IPv6 (dotted IPv4 tails become hex groups), leaving only `::` to expand.
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const [left = '', right] = canonical.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const zeros = Array<number>(8 - leftGroups.length - rightGroups.length).fill(0);
  return [...leftGroups, ...zeros, ...rightGroups].reduce(
    (value, group) => (value << 16n) | BigInt(group),
    0n,
  );
}
