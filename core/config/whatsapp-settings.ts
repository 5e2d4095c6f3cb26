// WhatsApp through Twilio: the sender (`whatsapp:+…`, a number Meta approved for the business) and
// the Content SID of each approved template. Production turns WhatsApp on by naming the sender, and
// must then name every template's SID; development uses the local sink and its derived SIDs.
import { readFileSync } from 'node:fs';
import { developmentContentSids, parseContentSids, type ContentSids } from '../../templates/whatsapp/content-sids.js';
import { ConfigError } from './env-readers.js';

export interface WhatsAppSettings {
  /** `whatsapp:+14155238886`. */
  from: string;
  contentSids: ContentSids;
}

const WHATSAPP_ADDRESS = /^whatsapp:\+[1-9]\d{6,14}$/;
/** Twilio's WhatsApp sandbox number: what development sends from. */
export const DEV_WHATSAPP_FROM = 'whatsapp:+14155238886';

function readSidsFile(path: string): ContentSids {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('TWILIO_WHATSAPP_CONTENT_SIDS', `cannot read a JSON file there (${(error as NodeJS.ErrnoException).code ?? 'invalid JSON'})`);
  }
  const { sids, problems } = parseContentSids(json);
  if (problems.length) throw new ConfigError('TWILIO_WHATSAPP_CONTENT_SIDS', `${problems.length} template(s) without a usable SID: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`);
  return sids;
}

/** Null when production has no WhatsApp sender: WhatsApp is off and its messages fail with that reason. */
export function readWhatsApp(env: NodeJS.ProcessEnv, production: boolean): WhatsAppSettings | null {
  const from = env.TWILIO_WHATSAPP_FROM || (production ? '' : DEV_WHATSAPP_FROM);
  if (!from) return null;
  if (!WHATSAPP_ADDRESS.test(from)) throw new ConfigError('TWILIO_WHATSAPP_FROM', 'expected whatsapp:+ and an E.164 number, e.g. whatsapp:+34600111222');
  const file = env.TWILIO_WHATSAPP_CONTENT_SIDS;
  if (!file && production) throw new ConfigError('TWILIO_WHATSAPP_CONTENT_SIDS', 'WhatsApp is on (TWILIO_WHATSAPP_FROM): name the JSON file of the approved templates\' Content SIDs (docs/whatsapp.md)');
  return { from, contentSids: file ? readSidsFile(file) : developmentContentSids() };
}
