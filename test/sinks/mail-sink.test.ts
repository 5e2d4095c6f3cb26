// MailDev as our mail sink: started as a library on free ports, isolated per instance, its page
// and REST API answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startMailSink, type MailSink } from '../../dev/sinks/mail-sink.js';
import { eventually } from './callback-receiver.js';

let first: MailSink;
let second: MailSink;
beforeAll(async () => {
  [first, second] = await Promise.all([startMailSink({ smtpPort: 0, webPort: 0 }), startMailSink({ smtpPort: 0, webPort: 0 })]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

async function deliver(sink: MailSink, subject: string) {
  const transport = nodemailer.createTransport(sink.smtpUrl);
  await transport.sendMail({ from: 'alerts@repair.localhost', to: 'elodie@example.com', subject, text: 'Bonjour Élodie', html: '<p>Bonjour <strong>Élodie</strong></p>' });
  transport.close();
}

describe('the mail sink', () => {
  it('binds the ports it was given (0: any free one) and says where', () => {
    expect(first.smtpPort).toBeGreaterThan(0);
    expect(first.webPort).toBeGreaterThan(0);
    expect(first.smtpUrl).toBe(`smtp://127.0.0.1:${first.smtpPort}`);
    expect(first.webUrl).toBe(`http://127.0.0.1:${first.webPort}/`);
  });

  it('lists what arrived with subject, HTML and text, each instance its own inbox', async () => {
    await deliver(first, 'Réparation nécessaire');
    await deliver(second, 'Riparazione necessaria');
    const mails = await eventually(first.list, (all) => all.length === 1);
    expect(mails[0]).toMatchObject({ subject: 'Réparation nécessaire', text: 'Bonjour Élodie', html: '<p>Bonjour <strong>Élodie</strong></p>' });
    expect(mails[0]!.to).toEqual([{ address: 'elodie@example.com', name: '' }]);
    expect((await eventually(second.list, (all) => all.length === 1))[0]!.subject).toBe('Riparazione necessaria');
  });

  it('serves its web page to browsers', async () => {
    const res = await fetch(first.webUrl, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<html');
  });

  it('empties its inbox on request', async () => {
    await deliver(first, 'to be cleared');
    await eventually(first.list, (all) => all.length >= 1);
    await first.clear();
    expect(await first.list()).toEqual([]);
  });
});
