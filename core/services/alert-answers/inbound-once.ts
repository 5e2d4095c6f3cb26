// A reply is acted on once: Twilio signs the URL and the form but adds no timestamp or nonce, so the
// same signed request replayed later would pass the signature check. Its MessageSid is remembered
// for a year (Twilio retries a webhook within minutes; a year outlives any link or alert it touches).
import type { EntityManager } from '@mikro-orm/postgresql';

/** Twilio's id of an inbound SMS/WhatsApp message (SM…) or MMS (MM…). */
export const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/;

/** True the first time this MessageSid arrives; false for a replay or Twilio's own retry. */
export async function firstArrival(em: EntityManager, messageSid: string): Promise<boolean> {
  const conn = em.getConnection();
  await conn.execute(`delete from twilio_inbound_messages where received_at < now() - interval '1 year'`);
  const inserted = await conn.execute<{ message_sid: string }[]>(
    'insert into twilio_inbound_messages (message_sid, received_at) values (?, now()) on conflict (message_sid) do nothing returning message_sid',
    [messageSid],
  );
  return inserted.length === 1;
}
