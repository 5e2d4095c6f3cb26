// WhatsApp through the same Twilio client and account as SMS: `whatsapp:+…` addresses, and, since
// every alert is a message the business starts, an approved template (Content SID) and its
// variables instead of a free body. Status callbacks come to the same signed route.
import type { WhatsAppSettings } from '../../core/config/whatsapp-settings.js';
import type { WhatsAppContent } from '../../templates/alert-data.js';
import { contentSidKey } from '../../templates/whatsapp/content-sids.js';
import { WhatsAppSendError } from './channel-errors.js';
import { createTwilioClient, twilioFailure, type SmsReceipt, type TwilioSettings } from './sms-sender.js';

export interface WhatsAppMessage {
  /** E.164 number; the sender adds the `whatsapp:` prefix. */
  to: string;
  content: WhatsAppContent;
}

export interface WhatsAppSender {
  send(message: WhatsAppMessage): Promise<SmsReceipt>;
}

export const whatsappAddress = (phone: string) => (phone.startsWith('whatsapp:') ? phone : `whatsapp:${phone}`);

/** `whatsapp` null: WhatsApp is off in this deployment, and each message fails for good saying so. */
export function createTwilioWhatsAppSender(settings: TwilioSettings, whatsapp: WhatsAppSettings | null): WhatsAppSender {
  const client = createTwilioClient(settings);
  return {
    async send({ to, content }) {
      if (!whatsapp) throw new WhatsAppSendError('WhatsApp is not configured (TWILIO_WHATSAPP_FROM)', undefined, undefined, false);
      const contentSid = whatsapp.contentSids[contentSidKey(content.kind, content.locale)];
      if (!contentSid) throw new WhatsAppSendError(`no approved WhatsApp template for ${contentSidKey(content.kind, content.locale)}`, undefined, undefined, false);
      try {
        const sent = await client.messages.create({
          to: whatsappAddress(to),
          from: whatsapp.from,
          contentSid,
          contentVariables: JSON.stringify(content.variables),
          ...(settings.statusCallbackUrl ? { statusCallback: settings.statusCallbackUrl } : {}),
        });
        return { providerId: sent.sid, status: sent.status };
      } catch (error) {
        const failure = twilioFailure(error, settings);
        throw new WhatsAppSendError(failure.message, failure.twilioCode, failure.status, failure.retryable);
      }
    },
  };
}
