// Where Repair may connect on a merchant's behalf (webhook URLs, POS printers): public unicast
// addresses only. Loopback, link-local and cloud metadata (169.254.169.254), private and CGNAT
// ranges, unique-local, multicast, unspecified, and addresses that embed another (IPv4-mapped,
// 6to4, NAT64, Teredo) are refused, whatever spelling names them: ipaddr.js reads the decimal, hex,
// octal and short forms that the system resolver also accepts. Development reaches its local sinks
// only through OUTBOUND_ALLOW, an explicit list of hosts, host:port pairs and CIDR ranges.
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ConfigError } from '../../core/config/env-readers.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export type OutboundAllowEntry = { kind: 'range'; range: [Address, number]; port?: number } | { kind: 'host'; host: string; port?: number };

/** Names that only ever mean "this machine" or "this network" (RFC 6761, 6762, 8375, cloud metadata). */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa', 'lan', 'intranet'];

/** Lower case, no brackets, no trailing dot; an address in any spelling becomes its canonical form. */
export function normalizeHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : bare;
}

/** The address itself, or null for a name. IPv4-mapped IPv6 (::ffff:a.b.c.d) is read as its IPv4. */
export function addressOf(host: string): Address | null {
  const normalized = normalizeHost(host);
  return ipaddr.isValid(normalized) ? ipaddr.process(normalized) : null;
}

/** Public unicast only: ipaddr.js names every special-purpose range, and "unicast" is what is left. */
export function isPublicAddress(address: string | Address): boolean {
  const parsed = typeof address === 'string' ? addressOf(address) : address;
  return parsed !== null && parsed.range() === 'unicast';
}

function parsePort(raw: string, entry: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError('OUTBOUND_ALLOW', `not a port in "${entry}"`);
  return port;
}

/** `127.0.0.1:4100,localhost,10.0.0.0/8,[::1]:9100` */
export function parseOutboundAllow(raw: string | undefined): OutboundAllowEntry[] {
  const entries: OutboundAllowEntry[] = [];
  for (const entry of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new ConfigError('OUTBOUND_ALLOW', `not a CIDR range: "${entry}"`);
      entries.push({ kind: 'range', range: ipaddr.parseCIDR(entry) });
      continue;
    }
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const [host, port] = bracketed ? [bracketed[1]!, bracketed[2]] : (entry.match(/:/g) ?? []).length === 1 ? entry.split(':') : [entry, undefined];
    if (!host) throw new ConfigError('OUTBOUND_ALLOW', `no host in "${entry}"`);
    const address = addressOf(host);
    const portNumber = port === undefined ? undefined : parsePort(port, entry);
    if (address) entries.push({ kind: 'range', range: [address, address.kind() === 'ipv4' ? 32 : 128], port: portNumber });
    else entries.push({ kind: 'host', host: normalizeHost(host), port: portNumber });
  }
  return entries;
}

const portMatches = (entry: OutboundAllowEntry, port: number) => entry.port === undefined || entry.port === port;
const inRange = (address: Address, [base, bits]: [Address, number]) => address.kind() === base.kind() && address.match(base, bits);

export class OutboundPolicy {
  constructor(
    private readonly allow: OutboundAllowEntry[] = [],
    /** The system resolver unless a test stands in a name server of its own. */
    readonly resolve: LookupFunction = dnsLookup as LookupFunction,
  ) {}

  /** True when a person allowed this destination by name (OUTBOUND_ALLOW=localhost): any address it resolves to. */
  allowsName(host: string, port: number): boolean {
    const name = normalizeHost(host);
    return this.allow.some((e) => e.kind === 'host' && e.host === name && portMatches(e, port));
  }

  /** May a connection to this resolved address (for `host`:`port`) be opened? */
  allowsAddress(address: string | Address, port: number, host?: string): boolean {
    if (host !== undefined && this.allowsName(host, port)) return true;
    const parsed = typeof address === 'string' ? addressOf(address) : address;
    if (!parsed) return false;
    if (this.allow.some((e) => e.kind === 'range' && portMatches(e, port) && inRange(parsed, e.range))) return true;
    return isPublicAddress(parsed);
  }

  /**
   * Before anything is stored: why this host:port may not be a destination, or null. Addresses are
   * checked in every spelling; names that can only be internal are refused. A public name is checked
   * again when connecting, on the addresses it resolves to then.
   */
  refusal(host: string, port: number): string | null {
    if (this.allowsName(host, port)) return null;
    const address = addressOf(host);
    if (address) return this.allowsAddress(address, port) ? null : 'is an internal address (loopback, private, link-local or reserved)';
    const name = normalizeHost(host);
    if (!name.includes('.')) return 'must be a fully qualified public host name';
    if (INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) return 'names an internal host';
    return null;
  }

  /** The same for a URL (http and https; the WHATWG parser has already decoded every spelling of the host). */
  urlRefusal(url: string): string | null {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'must be an absolute URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http or https URL';
    return this.refusal(parsed.hostname, portOf(parsed));
  }
}

export const portOf = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);
