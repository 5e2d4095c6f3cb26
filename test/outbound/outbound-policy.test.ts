// The outbound-address policy over the spellings an attacker would try: every way of writing an
// internal address is refused before it is stored, and again on the resolved address at connect.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config/env-readers.js';
import { isPublicAddress, OutboundPolicy, parseOutboundAllow } from '../../activities/outbound/outbound-policy.js';

const strict = new OutboundPolicy();

const INTERNAL_URLS = [
  'http://127.0.0.1/',
  'http://127.0.0.1:4100/hooks',
  'http://127.255.255.254/',
  'http://2130706433/', // decimal
  'http://0x7f000001/', // hex
  'http://0x7f.0x0.0x0.0x1/',
  'http://0177.0.0.1/', // octal
  'http://017700000001/',
  'http://127.1/', // short forms
  'http://127.0.1/',
  'http://0/',
  'http://0.0.0.0:8080/',
  'http://[::]/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped
  'http://[::ffff:7f00:1]/',
  'http://[0:0:0:0:0:ffff:169.254.169.254]/',
  'http://[::ffff:10.0.0.1]/',
  'http://169.254.169.254/latest/meta-data/', // cloud metadata, link-local
  'http://169.254.0.1/',
  'http://[fe80::1]/',
  'http://10.0.0.1/', // private
  'http://172.16.0.1/',
  'http://172.31.255.255/',
  'http://192.168.1.1/',
  'http://0300.0250.0.1/', // 192.168.0.1 in octal
  'http://3232235777/', // 192.168.1.1 in decimal
  'http://100.64.0.1/', // CGNAT
  'http://100.127.255.254/',
  'http://[fc00::1]/', // unique-local
  'http://[fd12:3456::1]/',
  'http://224.0.0.1/', // multicast
  'http://239.255.255.250/',
  'http://[ff02::1]/',
  'http://255.255.255.255/', // broadcast
  'http://192.0.2.1/', // documentation / reserved
  'http://198.18.0.1/', // benchmarking
  'http://[64:ff9b::7f00:1]/', // NAT64 embedding 127.0.0.1
  'http://[2002:7f00:1::]/', // 6to4 embedding 127.0.0.1
  'http://[2001:db8::1]/',
  'http://①②⑦.0.0.1/', // full-width digits, decoded by the URL parser
  'http://%31%32%37.0.0.1/', // percent-encoded
  'http://127.0.0.1./', // trailing dot
  'https://127.0.0.1:443/',
  'http://localhost/',
  'http://LOCALHOST./',
  'http://api.localhost:3000/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://printer.local/',
  'http://router.home.arpa/',
  'http://intranet/', // single label: resolved by search domains
];

const PUBLIC_URLS = ['https://hooks.example.com/repair', 'http://93.184.216.34/', 'https://[2606:4700:4700::1111]/x', 'https://8.8.8.8:8443/', 'https://api.stripe.com/v1/webhooks'];

describe('webhook URLs', () => {
  it.each(INTERNAL_URLS)('refuses %s', (url) => {
    expect(strict.urlRefusal(url)).not.toBeNull();
  });

  it.each(PUBLIC_URLS)('accepts %s', (url) => {
    expect(strict.urlRefusal(url)).toBeNull();
  });

  it('refuses what is not http(s)', () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'gopher://example.com/', 'not a url']) expect(strict.urlRefusal(url)).not.toBeNull();
  });
});

describe('resolved addresses (connect time)', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '169.254.169.254', '10.1.2.3', '100.64.1.1', 'fd00::1', 'fe80::1%eth0', '0.0.0.0', '::', '224.0.0.251'])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(strict.allowsAddress(address, 443, 'hooks.example.com')).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) => {
    expect(strict.allowsAddress(address, 443, 'hooks.example.com')).toBe(true);
  });
});

describe('printer addresses (host and port, no URL parser)', () => {
  it.each(['127.0.0.1', '2130706433', '0x7f000001', '0177.0.0.1', '127.1', '169.254.169.254', '::ffff:169.254.169.254', '[::1]', '10.0.0.7', 'localhost', 'printer.local'])('refuses %s', (host) => {
    expect(strict.refusal(host, 9100)).not.toBeNull();
  });

  it('accepts a public address or name', () => {
    expect(strict.refusal('203.0.113.0', 9100)).not.toBeNull(); // documentation range: reserved
    expect(strict.refusal('81.2.69.142', 9100)).toBeNull();
    expect(strict.refusal('printer.pizzeria-nandu.es', 9100)).toBeNull();
  });
});

describe('OUTBOUND_ALLOW (development only, explicit)', () => {
  const dev = new OutboundPolicy(parseOutboundAllow('127.0.0.1:4100, localhost, 10.20.0.0/16, [::1]:9100'));

  it('allows exactly the listed hosts, ports and ranges', () => {
    expect(dev.urlRefusal('http://127.0.0.1:4100/hooks')).toBeNull();
    expect(dev.urlRefusal('http://2130706433:4100/hooks')).toBeNull(); // the same address
    expect(dev.urlRefusal('http://127.0.0.1:4101/hooks')).not.toBeNull();
    expect(dev.urlRefusal('http://localhost:5555/')).toBeNull();
    expect(dev.urlRefusal('http://10.20.3.4/')).toBeNull();
    expect(dev.urlRefusal('http://10.21.3.4/')).not.toBeNull();
    expect(dev.refusal('::1', 9100)).toBeNull();
    expect(dev.refusal('::1', 9101)).not.toBeNull();
    expect(dev.urlRefusal('http://169.254.169.254/')).not.toBeNull();
    expect(dev.allowsAddress('127.0.0.1', 5555, 'localhost')).toBe(true);
    expect(dev.allowsAddress('127.0.0.1', 5555, 'evil.example.com')).toBe(false);
  });

  it('is empty unless set, and names itself when malformed', () => {
    expect(parseOutboundAllow(undefined)).toEqual([]);
    expect(parseOutboundAllow('')).toEqual([]);
    for (const bad of ['10.0.0.0/33', '127.0.0.1:0', 'host:99999', 'nonsense/8']) expect(() => parseOutboundAllow(bad)).toThrow(ConfigError);
  });
});
