// A status callback signed with the public development token (or with no token) is refused by the
// API as the start scripts run it: a delivery report cannot be forged.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';
import { DEV_TWILIO } from '../../core/config/config.js';
import { createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

it.each([
  ['the development token', DEV_TWILIO.authToken],
  ['an empty token', ''],
])('refuses a callback signed with %s', async (_, token) => {
  const params = { MessageSid: 'SM00000000000000000000000000000001', MessageStatus: 'delivered' };
  const url = api.config.channels.twilio.statusCallbackUrl;
  const res = await api.app.inject({ method: 'POST', url: '/v1/webhooks/twilio/status', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(token, url, params) }, payload: new URLSearchParams(params).toString() });
  expect(res.statusCode).toBe(401);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
});
