// The channels' second line of defence: whatever text reaches them (stored before the API's door
// refused it), what the SMS provider, the mail server and the printer receive holds no control,
// bidi or invisible character — ESC and GS never reach a printer as commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertChannels } from '../../activities/alerts/create-alert-channels.js';
import { testConfig } from '../helpers/api.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { isCleanLine, isCleanMessage } from '../../templates/text-hygiene.js';

let sinks: Sinks;
beforeAll(async () => {
  sinks = await startSinks();
});
afterAll(async () => sinks?.close());

const HOSTILE = 'Casa\u001b@ \u202eozzip\u202c\u200b\u0007 Centro\u001dV\u0001';

describe('channels', () => {
  it('send SMS, e-mail and tickets without control, bidi or invisible characters', async () => {
    const channels = createAlertChannels(testConfig(sinks.env));
    await channels.sendSms({ to: '+34600111222', body: `Store ${HOSTILE} is offline` });
    await channels.sendEmail({ to: ['ops@example.com'], subject: `Alert ${HOSTILE}`, text: `Store ${HOSTILE}\nline two`, html: `<p>${HOSTILE}</p>` });
    await channels.printTicket(sinks.printerAddress, { text: `Alert\nStore ${HOSTILE}` }, 'https://repair.example.com/r/x');

    expect(sinks.sms.at(-1)?.body).toBe('Store Casa@ ozzip CentroV is offline');
    const mail = (await sinks.mails()).at(-1)!;
    expect(isCleanLine(mail.subject)).toBe(true);
    expect(mail.subject).toContain('Alert Casa@ ozzip');
    expect(isCleanMessage(mail.text ?? '')).toBe(true);
    expect(mail.text).toContain('line two');
    const ticket = sinks.tickets().at(-1)!;
    expect(isCleanMessage(ticket.text)).toBe(true);
    expect(ticket.text).toContain('Store Casa@ ozzip CentroV');
  });
});
