import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A reply Twilio forwarded, acted on once (core/services/alert-answers/inbound-once.ts). */
export const TwilioInboundMessage = defineEntity({
  name: 'TwilioInboundMessage',
  tableName: 'twilio_inbound_messages',
  properties: {
    messageSid: p.string().length(34).primary(),
    receivedAt: p.datetime().index(),
  },
});
export type TwilioInboundMessageRow = InferEntity<typeof TwilioInboundMessage>;
