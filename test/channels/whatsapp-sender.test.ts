// WhatsApp through the real twilio client into the real SMS sink: a template send (Content SID and
// variables) that the sink renders from the repo's copy, signed callbacks up to `read`, WhatsApp
// shown apart from SMS, and the refusals that must fail for good rather than be retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelFailure, WhatsAppSendError } from '../../activities/channels/channel-errors.js';
import { createTwilioSmsSender, type TwilioSettings } from '../../activities/channels/sms-sender.js';
import { createTwilioWhatsAppSender } from '../../activities/channels/whatsapp-sender.js';
import { DEV_WHATSAPP_FROM } from '../../core/config/whatsapp-settings.js';
import { buildSmsSink, type SmsSink } from '../../dev/sinks/sms-sink.js';
import { developmentContentSid, developmentContentSids } from '../../templates/whatsapp/content-sids.js';
import { eventually, startCallbackReceiver, type CallbackReceiver } from '../sinks/callback-receiver.js';

const ACCOUNT = { accountSid: `AC${'8'.repeat(32)}`, authToken: 'whatsapp-test-auth-token-41c2' };
const WHATSAPP = { from: DEV_WHATSAPP_FROM, contentSids: developmentContentSids() };
const content = (link = 'https://repair.example.com/r/7k2m9q4x8r3t') => ({ kind: 'action_needed' as const, locale: 'es', variables: { '1': 'Casa Lola Group', '2': 'Chamberí · Casa Lola', '3': 'Glovo', '4': link } });

let sink: SmsSink;
let receiver: CallbackReceiver;
let settings: TwilioSettings;
let base: string;
beforeAll(async () => {
  sink = buildSmsSink({ ...ACCOUNT, callbackDelayMs: 20 });
  base = await sink.app.listen({ port: 0, host: '127.0.0.1' });
  receiver = await startCallbackReceiver(ACCOUNT.authToken);
  settings = { ...ACCOUNT, from: '+15005550006', apiBaseUrl: base, statusCallbackUrl: receiver.url };
});
afterAll(async () => {
  await sink?.app.close();
  await receiver?.close();
});

async function failure(promise: Promise<unknown>): Promise<WhatsAppSendError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WhatsAppSendError);
  return error as WhatsAppSendError;
}

describe('createTwilioWhatsAppSender', () => {
  it('sends the approved template with its variables to whatsapp:+…; the sink shows the Spanish text', async () => {
    const receipt = await createTwilioWhatsAppSender(settings, WHATSAPP).send({ to: '+34600123456', content: content() });
    expect(receipt.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    const recorded = sink.messages.find((m) => m.sid === receipt.providerId)!;
    expect(recorded).toMatchObject({ channel: 'whatsapp', to: 'whatsapp:+34600123456', from: DEV_WHATSAPP_FROM, contentSid: developmentContentSid('action_needed', 'es'), template: 'repair_action_needed_es' });
    expect(recorded.body).toBe('Acción necesaria en Casa Lola Group: Chamberí · Casa Lola no recibe pedidos de Glovo. Reparar ahora: https://repair.example.com/r/7k2m9q4x8r3t\nEl enlace abre la reparación directamente.');
  });

  it('reports sent, delivered and read, signed, with WhatsApp’s channel fields', async () => {
    const { providerId } = await createTwilioWhatsAppSender(settings, WHATSAPP).send({ to: '+34600123457', content: content() });
    const mine = await eventually(() => receiver.received.filter((c) => c.params.MessageSid === providerId), (list) => list.length === 3);
    expect(mine.map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
    expect(mine.every((c) => c.valid)).toBe(true);
    expect(mine[2]!.params).toMatchObject({ To: 'whatsapp:+34600123457', From: DEV_WHATSAPP_FROM, ChannelPrefix: 'whatsapp', ChannelToAddress: '+34600123457' });
  });

  it('is listed apart from SMS on the sink’s page', async () => {
    await createTwilioSmsSender(settings).send({ to: '+34600123458', body: 'un SMS de prueba' });
    await createTwilioWhatsAppSender(settings, WHATSAPP).send({ to: '+34600123459', content: content() });
    const page = await (await fetch(`${base}/`)).text();
    const [smsPart, whatsappPart] = page.split('id="whatsapp"');
    expect(smsPart).toContain('un SMS de prueba');
    expect(smsPart).not.toContain('whatsapp:+34600123459');
    expect(whatsappPart).toContain('whatsapp:+34600123459');
    expect(whatsappPart).toContain('repair_action_needed_es');
    expect(whatsappPart).not.toContain('un SMS de prueba');
  });

  it('fails for good, naming the cause, when WhatsApp is off, a template has no SID, or Twilio refuses the variables', async () => {
    const off = await failure(createTwilioWhatsAppSender(settings, null).send({ to: '+34600123460', content: content() }));
    expect(channelFailure(off, 'whatsapp')).toEqual({ final: true, reason: 'WhatsApp is not configured (TWILIO_WHATSAPP_FROM)' });
    const noSid = await failure(createTwilioWhatsAppSender(settings, { ...WHATSAPP, contentSids: {} }).send({ to: '+34600123460', content: content() }));
    expect(channelFailure(noSid, 'whatsapp')).toEqual({ final: true, reason: 'no approved WhatsApp template for action_needed.es' });
    const { '4': _link, ...withoutLink } = content().variables;
    const refused = await failure(createTwilioWhatsAppSender(settings, WHATSAPP).send({ to: '+34600123460', content: { ...content(), variables: withoutLink } }));
    expect(refused).toMatchObject({ twilioCode: 21656, httpStatus: 400, retryable: false });
    expect(channelFailure(refused, 'whatsapp')).toEqual({ final: true, reason: 'refused for good by the WhatsApp provider (code 21656)' });
    expect(refused.message).not.toContain(ACCOUNT.authToken);
  });

  it('a number that is not on WhatsApp fails after acceptance with Twilio’s 63003', async () => {
    const { providerId } = await createTwilioWhatsAppSender(settings, WHATSAPP).send({ to: '+34600000000', content: content() });
    const [failed] = await eventually(() => receiver.received.filter((c) => c.params.MessageSid === providerId), (list) => list.length === 1);
    expect(failed!.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63003' });
  });

  it('the sink refuses a send from a number that is not a WhatsApp sender, as Twilio does', async () => {
    const refused = await failure(createTwilioWhatsAppSender(settings, { ...WHATSAPP, from: '+15005550006' }).send({ to: '+34600123461', content: content() }));
    expect(refused.twilioCode).toBe(63007);
  });
});
