// Numbers that texted STOP get no SMS until they text START (carrier and Twilio rules: Twilio would
// refuse the send with 21610 anyway). Their alerts still go by e-mail to the same people.
import type { EntityManager } from '@mikro-orm/postgresql';
import { SmsOptOut } from '../../core/db/entities/index.js';

export async function optedOutNumbers(em: EntityManager, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await em.find(SmsOptOut, { phone: { $in: [...new Set(numbers)] } });
  return new Set(rows.map((r) => r.phone));
}
