// WhatsApp's settings, read once at start: off in production until a sender is named, and then
// every approved template's SID is required; on in development with SIDs the local sink knows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config/env-readers.js';
import { DEV_WHATSAPP_FROM, readWhatsApp } from '../../core/config/whatsapp-settings.js';
import { contentSidsFile, developmentContentSids } from '../../templates/whatsapp/content-sids.js';

const sidsFile = (content: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'repair-whatsapp-config-')), 'sids.json');
  writeFileSync(file, content);
  return file;
};
const refusal = (env: NodeJS.ProcessEnv, production = true) => {
  try {
    readWhatsApp(env, production);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('accepted');
};

describe('WhatsApp settings', () => {
  it('are off in production without a sender, and on in development with the derived SIDs', () => {
    expect(readWhatsApp({}, true)).toBeNull();
    expect(readWhatsApp({}, false)).toEqual({ from: DEV_WHATSAPP_FROM, contentSids: developmentContentSids() });
  });

  it('read a complete SID file in production', () => {
    const file = sidsFile(JSON.stringify(contentSidsFile(developmentContentSids())));
    expect(readWhatsApp({ TWILIO_WHATSAPP_FROM: 'whatsapp:+34911222333', TWILIO_WHATSAPP_CONTENT_SIDS: file }, true)).toEqual({ from: 'whatsapp:+34911222333', contentSids: developmentContentSids() });
  });

  it('refuse a sender that is not whatsapp:+E.164, a sender without SIDs, an unreadable file and an incomplete one, naming the variable', () => {
    expect(refusal({ TWILIO_WHATSAPP_FROM: '+34911222333' })).toMatch(/^TWILIO_WHATSAPP_FROM: /);
    expect(refusal({ TWILIO_WHATSAPP_FROM: 'whatsapp:+34911222333' })).toMatch(/^TWILIO_WHATSAPP_CONTENT_SIDS: WhatsApp is on/);
    expect(refusal({ TWILIO_WHATSAPP_FROM: 'whatsapp:+34911222333', TWILIO_WHATSAPP_CONTENT_SIDS: sidsFile('{not json') })).toMatch(/^TWILIO_WHATSAPP_CONTENT_SIDS: cannot read/);
    const partial = contentSidsFile(developmentContentSids());
    delete partial.reminder;
    expect(refusal({ TWILIO_WHATSAPP_FROM: 'whatsapp:+34911222333', TWILIO_WHATSAPP_CONTENT_SIDS: sidsFile(JSON.stringify(partial)) })).toMatch(/^TWILIO_WHATSAPP_CONTENT_SIDS: 5 template\(s\) without a usable SID: reminder\.en: missing/);
  });
});
