// Which network addresses a run may fetch from. A spec (and every redirect, sitemap entry or
// feed base URL it leads to) may come from a stranger's pull request, so by default nothing on
// the runner's own machine or network is reachable: loopback, private (RFC 1918, CGNAT, ULA),
// link-local (cloud metadata at 169.254.169.254), unspecified, multicast and reserved addresses
// are refused. The check runs on the address actually connected to (see guardedLookup), so a
// name that resolves to a private address, or changes its answer between lookups, is caught
// too. The person running the command may allow them: everything, or named hosts only.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { SourceError } from '../types.js';

/** true: any private address; a list: only these host names (or IP literals); absent/false: none. */
export type PrivateNetworkAllowance = boolean | readonly string[];

/** Why an address is not public, or undefined for a public one. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved' | 'IPv4-mapped';

/** Resolves a host name to every address it has (the system resolver by default). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

// [first address as a 32-bit number, prefix length, kind]
const IPV4_RANGES: Array<[string, number, AddressKind]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // cloud metadata services live here
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes 255.255.255.255
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function ipv4Kind(address: string): AddressKind | undefined {
  const n = ipv4Number(address);
  for (const [first, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = ipv4Number(first);
    if (n >= start && n < start + size) return kind;
  }
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, ''); // a zone id names an interface, not an address
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = ipv4Number(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const embeddedIpv4 = (hi: number, lo: number) => `${hi >>> 8}.${hi & 0xff}.${lo >>> 8}.${lo & 0xff}`;

function ipv6Kind(address: string): AddressKind | undefined {
  const g = ipv6Groups(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d reaches the IPv4 address itself; ::a.b.c.d is the deprecated compatible form.
  if (zeros(0, 5) && g[5] === 0xffff) return 'IPv4-mapped';
  if (zeros(0, 6)) return 'reserved';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) lead to the IPv4 address they embed.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Kind(embeddedIpv4(g[6], g[7]));
  if (g[0] === 0x2002) return ipv4Kind(embeddedIpv4(g[1], g[2]));
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // site-local, deprecated
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x100 && zeros(1, 4)) return 'reserved'; // discard-only 100::/64
  return undefined;
}

/** What kind of non-public address this is; undefined for a public address (or not an address). */
export function addressKind(address: string): AddressKind | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare.replace(/%.*$/, ''));
  if (family === 4) return ipv4Kind(bare);
  if (family === 6) return ipv6Kind(bare);
  return undefined;
}

/** The one switch that says whether a host may be private. */
export function privateAllowed(allowance: PrivateNetworkAllowance | undefined, hostname: string): boolean {
  if (allowance === true) return true;
  if (!allowance) return false;
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return allowance.some((allowed) => allowed.replace(/^\[|\]$/g, '').toLowerCase() === host);
}

/** Thrown from the lookup; the fetcher turns it into the source-error's reason. */
export class PrivateAddressError extends Error {
  readonly code = 'ERR_STOREFRONT_PRIVATE_ADDRESS';
}

const HOW_TO_ALLOW = 'allow with --allow-private-network or STOREFRONT_ALLOW_PRIVATE_NETWORK=1';

function refusal(subject: string, kind: AddressKind): string {
  const article = /^[aeiouI]/.test(kind) ? 'an' : 'a';
  return `refused: ${subject} ${article} ${kind} address (${HOW_TO_ALLOW})`;
}

/**
 * Checks the host written in a URL before any connection: an IP literal is judged as it is
 * (no lookup happens for it), and `localhost` names are loopback by definition (RFC 6761), which
 * matters when a proxy, not this process, resolves the name.
 */
export function checkUrlHost(url: URL, allowance: PrivateNetworkAllowance | undefined): void {
  const host = url.hostname.toLowerCase();
  if (privateAllowed(allowance, host)) return;
  const kind = addressKind(host) ?? (host === 'localhost' || host.endsWith('.localhost') ? 'loopback' : undefined);
  if (kind) throw new SourceError(refusal(`${host} is`, kind));
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * A `lookup` for net.connect / tls.connect: resolves the name once, refuses it when any of its
 * addresses is not public, and hands the socket exactly the addresses it checked, so there is no
 * second lookup an attacker's DNS server could answer differently (DNS rebinding).
 */
export function guardedLookup(allowance: PrivateNetworkAllowance | undefined, resolver: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolver(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const addresses = wanted ? found.filter((a) => a.family === wanted) : found;
        if (!privateAllowed(allowance, hostname)) {
          const bad = addresses.map((a) => addressKind(a.address)).find((kind) => kind !== undefined);
          // The address itself is not named: an internal name's answer is the runner's business.
          if (bad) return callback(new PrivateAddressError(refusal(`${hostname} resolves to`, bad)), '');
        }
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
