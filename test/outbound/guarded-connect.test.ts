// The connect-time guard over real sockets: a redirect is an answer, never followed (so it cannot
// lead inside); a name is checked on every address it resolves to; failures carry no socket detail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OutboundError, postOutbound, statusClass } from '../../activities/outbound/guarded-connect.js';
import { OutboundPolicy, parseOutboundAllow } from '../../activities/outbound/outbound-policy.js';
import { freePort } from '../../dev/ports.js';

let internal: Server;
let internalHits = 0;
let redirecting: Server;
let redirectPort = 0;
let internalPort = 0;

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};
beforeAll(async () => {
  internal = createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(204).end();
  });
  internalPort = await listen(internal);
  redirecting = createServer((req, res) => req.resume().on('end', () => res.writeHead(307, { location: `http://127.0.0.1:${internalPort}/admin` }).end()));
  redirectPort = await listen(redirecting);
});
afterAll(() => {
  internal.close();
  redirecting.close();
});

const post = (policy: OutboundPolicy, url: string) => postOutbound(policy, url, { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 5_000 });

it('does not follow a redirect towards an internal address', async () => {
  const allowed = new OutboundPolicy(parseOutboundAllow(`127.0.0.1:${redirectPort}`));
  const status = await post(allowed, `http://127.0.0.1:${redirectPort}/hooks`);
  expect(status).toBe(307);
  expect(statusClass(status)).toBe('HTTP 3xx');
  expect(internalHits).toBe(0);
});

it('refuses a name when any of its addresses is internal', async () => {
  const mixed = ((_h: string, _o: object, cb: (e: null, a: { address: string; family: number }[]) => void) =>
    cb(null, [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ])) as unknown as LookupFunction;
  const error = await post(new OutboundPolicy([], mixed), `http://hooks.example.com:${internalPort}/`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OutboundError);
  expect(error).toMatchObject({ kind: 'refused', message: 'destination not allowed' });
  expect(internalHits).toBe(0);
});

it('describes an unreachable destination without its address or errno', async () => {
  const port = await freePort();
  const error = (await post(new OutboundPolicy(parseOutboundAllow(`127.0.0.1:${port}`)), `http://127.0.0.1:${port}/`).catch((e: unknown) => e)) as OutboundError;
  expect(error).toMatchObject({ kind: 'could-not-connect', message: 'could not connect' });
  expect(error.message).not.toMatch(/127|ECONN|\d{4}/);
});
