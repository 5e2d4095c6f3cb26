// A stand-in for the product's status-callback route: records every Twilio callback with its
// signature, and says whether verifyTwilioSignature accepts it (the product's real check).
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { verifyTwilioSignature } from '../../activities/channels/twilio-signature.js';

export interface ReceivedCallback {
  params: Record<string, string>;
  signature: string | undefined;
  valid: boolean;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  close(): Promise<void>;
}

export async function startCallbackReceiver(authToken: string, path = '/v1/webhooks/twilio/status?source=test'): Promise<CallbackReceiver> {
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(formbody);
  const received: ReceivedCallback[] = [];
  let url = '';
  app.post<{ Body: Record<string, string> }>(path.split('?')[0]!, async (request, reply) => {
    const header = request.headers['x-twilio-signature'];
    const signature = typeof header === 'string' ? header : undefined;
    const params = { ...request.body };
    received.push({ params, signature, valid: verifyTwilioSignature({ authToken, signature, url, params }) });
    return reply.code(204).send();
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  url = `${origin}${path}`;
  return { url, received, close: () => app.close() };
}

/** Polls until the condition holds (no fixed sleeps); fails after `timeoutMs`. */
export async function eventually<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
