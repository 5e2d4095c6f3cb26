// SMS and WhatsApp reach the same phone and behave alike: held for support hours (but emergencies),
// a short link, the same delivery log and status callbacks. Only how the message leaves differs.
import { WhatsAppSendError } from '../channels/channel-errors.js';
import type { AlertChannels, RenderedAlert } from './alert-channels.js';

export type PhoneChannel = 'sms' | 'whatsapp';

export const isPhoneChannel = (channel: string): channel is PhoneChannel => channel === 'sms' || channel === 'whatsapp';

/** Sends a rendered (or held) message to a phone on its channel. */
export function phoneSender(d: { channels: AlertChannels }, channel: PhoneChannel, to: string, content: RenderedAlert): () => Promise<{ providerId: string }> {
  if (channel === 'sms') return () => d.channels.sendSms({ to, body: content.text });
  const whatsapp = content.whatsapp;
  // A WhatsApp message saved without its template cannot go out: final, not retried forever.
  if (!whatsapp) return () => Promise.reject(new WhatsAppSendError('the message has no WhatsApp template', undefined, undefined, false));
  return () => d.channels.sendWhatsApp({ to, content: whatsapp });
}
