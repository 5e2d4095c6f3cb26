import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A number that texted STOP (or another opt-out keyword): it gets no SMS until it texts START.
 * Twilio refuses such sends anyway (error 21610); we skip them and alert by another channel.
 */
export const SmsOptOut = defineEntity({
  name: 'SmsOptOut',
  tableName: 'sms_opt_outs',
  properties: {
    /** E.164, the same number whether the reply came by SMS or WhatsApp. */
    phone: p.string().length(32).primary(),
    /** The keyword it sent (STOP, UNSUBSCRIBE, …), for the delivery log's reason. */
    keyword: p.string().length(32),
    createdAt: p.datetime(),
  },
});
export type SmsOptOutRow = InferEntity<typeof SmsOptOut>;
