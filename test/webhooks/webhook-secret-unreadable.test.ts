// A stored subscription secret the Standard Webhooks convention cannot read (free text that is no
// base64 at all) fails its delivery once, with a reason an operator can act on,
// instead of retrying until the retry window ends.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebhookSubscription } from '../../core/db/entities/index.js';
import { SecretBox } from '../../core/secrets/secret-box.js';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { eventually, report, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
let receiver: Server;
let hits = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    hits += 1;
    req.resume().on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as AddressInfo).port;
  stack = await startRepairStack({ env: { WEBHOOK_RETRY_INITIAL_MS: '200', OUTBOUND_ALLOW: `127.0.0.1:${port}` } });
});
afterAll(async () => {
  await stack?.close();
  receiver?.close();
});

it('fails the delivery once, naming the secret, and posts nothing', async () => {
  const merchant = await setUpMerchant(stack, { provider: 'uber_eats' });
  const id = 'whk_unreadablesecret1';
  const box = new SecretBox(stack.config.secretKeys.keys, stack.config.secretKeys.current);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const em = stack.db.orm.em.fork();
  em.create(WebhookSubscription, { id, url, events: ['repair.opened'], orgId: merchant.orgId, secrets: [{ sealed: box.seal('whsec_!!this is not base64!!', id), expiresAt: null }], active: true, createdAt: new Date() });
  await em.flush();

  await report(stack, merchant.connectionId, ruleFor('uber_eats', 'invalid_credentials')!.code);
  type Delivery = { status: string; attempts: number; lastError: string | null };
  const deliveries = await eventually(
    async () => ((await stack.app.inject({ method: 'GET', url: `/v1/webhooks/${id}/deliveries`, headers: auth() })).json() as { items: Delivery[] }).items,
    (items) => items[0]?.status === 'failed',
  );
  expect(deliveries[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'subscription secret unreadable: rotate it' });
  expect(hits).toBe(0);
});
