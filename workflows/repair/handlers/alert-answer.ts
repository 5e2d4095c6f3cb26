// The shape every answer to an alert must have (Updates refuse anything else before history is written).
import type { AlertAnswerInput } from '../messages.js';

const CHANNELS: readonly string[] = ['sms', 'whatsapp', 'call', 'page'];

export function validAnswer(input: AlertAnswerInput | undefined): void {
  if (typeof input?.by !== 'string' || input.by.trim().length === 0 || input.by.length > 120) throw new Error('by must be a name of 1 to 120 characters');
  if (!CHANNELS.includes(input.via)) throw new Error(`via must be one of ${CHANNELS.join(', ')}`);
  if (input.phone !== undefined && !/^\+[1-9]\d{6,14}$/.test(input.phone)) throw new Error('phone must be an E.164 number');
}
