// Wires the alert channels to the real clients: Twilio, SMTP and POS printers (local sinks unless
// production variables say otherwise).
import type { AppConfig } from '../../core/config/config.js';
import { createEmailSender } from '../channels/email-sender.js';
import { encodeTicket, sendToPrinter } from '../channels/printer-sender.js';
import { createTwilioSmsSender } from '../channels/sms-sender.js';
import { createTwilioWhatsAppSender } from '../channels/whatsapp-sender.js';
import { createTwilioCallSender } from '../channels/call-sender.js';
import { renderAlert } from '../../templates/render-alert.js';
import { stripUnsafe } from '../../templates/text-hygiene.js';
import type { AlertChannels } from './alert-channels.js';
import { OutboundPolicy } from '../outbound/outbound-policy.js';

export function createAlertChannels(config: AppConfig): AlertChannels {
  const sms = createTwilioSmsSender(config.channels.twilio);
  const whatsapp = createTwilioWhatsAppSender(config.channels.twilio, config.channels.whatsapp);
  const voice = createTwilioCallSender({ ...config.channels.twilio, publicUrl: config.publicUrl });
  const email = createEmailSender({ smtpUrl: config.channels.smtpUrl, from: config.channels.mailFrom });
  const outbound = new OutboundPolicy(config.outboundAllow);
  return {
    render: renderAlert,
    // Every message leaves without control, bidi or invisible characters, whatever text it was made from.
    sendEmail: (message) =>
      email.send({ ...message, subject: stripUnsafe(message.subject, { keepLines: false }), text: stripUnsafe(message.text), ...(message.html === undefined ? {} : { html: stripUnsafe(message.html) }) }),
    sendSms: (message) => sms.send({ ...message, body: stripUnsafe(message.body) }),
    // The template's text is Meta-approved; only the variables come from data.
    sendWhatsApp: ({ to, content }) => whatsapp.send({ to, content: { ...content, variables: Object.fromEntries(Object.entries(content.variables).map(([n, v]) => [n, stripUnsafe(v, { keepLines: false })])) } }),
    placeCall: (call) => voice.call(call),
    printTicket: async (address, message, link) => {
      await sendToPrinter(address, encodeTicket(message.text, link), { outbound });
      return { providerId: `ticket:${address}` };
    },
  };
}
