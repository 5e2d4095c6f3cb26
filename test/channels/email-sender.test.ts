// nodemailer over real SMTP to the real mail sink (MailDev) on 127.0.0.1: subject, HTML, text and
// headers arrive intact, accents included; failures are typed and never show the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender, EmailSendError } from '../../activities/channels/email-sender.js';
import { startMailSink, type MailSink } from '../../dev/sinks/mail-sink.js';
import { renderAlert } from '../../templates/render-alert.js';
import { freePort } from '../../dev/ports.js';
import { eventually } from '../sinks/callback-receiver.js';
import { severalStores } from '../templates/alert-fixtures.js';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink({ smtpPort: 0, webPort: 0 });
});
afterAll(async () => {
  await sink?.stop();
});

describe('createEmailSender', () => {
  it('delivers a rendered grouped alert with its HTML and plain-text parts', async () => {
    const sender = createEmailSender({ smtpUrl: sink.smtpUrl, from: 'Repair alerts <alerts@repair.localhost>' });
    const message = renderAlert('action_needed_grouped', 'email', 'pt', severalStores);
    const receipt = await sender.send({ to: ['joao@example.com', 'ops@example.com'], subject: message.subject!, html: message.html, text: message.text, headers: { 'X-Repair-Id': 'rep_deliveroo' } });
    sender.close();
    expect(receipt.providerId).toMatch(/^<.+@.+>$/);
    expect(receipt.accepted).toEqual(['joao@example.com', 'ops@example.com']);

    const [mail] = await eventually(sink.list, (all) => all.some((m) => m.headers['message-id'] === receipt.providerId));
    expect(mail!.subject).toBe('Ação necessária: 4 lojas desligadas');
    expect(mail!.to.map((t) => t.address)).toEqual(['joao@example.com', 'ops@example.com']);
    expect(mail!.from[0]).toEqual({ address: 'alerts@repair.localhost', name: 'Repair alerts' });
    expect(mail!.headers['x-repair-id']).toBe('rep_deliveroo');
    expect(mail!.html).toContain('<html lang="pt"');
    expect(mail!.html).toContain('São João');
    expect(mail!.text).toBe(message.text);
  });

  it('sends plain text alone when there is no HTML', async () => {
    const sender = createEmailSender({ smtpUrl: sink.smtpUrl, from: 'alerts@repair.localhost' });
    const { providerId } = await sender.send({ to: ['solo@example.com'], subject: 'Città Alta', text: 'Solo testo, però con accenti.' });
    sender.close();
    const mails = await eventually(sink.list, (all) => all.some((m) => m.headers['message-id'] === providerId));
    const mail = mails.find((m) => m.headers['message-id'] === providerId)!;
    expect(mail.text?.trim()).toBe('Solo testo, però con accenti.');
    expect(mail.html ?? '').toBe('');
  });

  it('verifies the server is there', async () => {
    const sender = createEmailSender({ smtpUrl: sink.smtpUrl, from: 'alerts@repair.localhost' });
    await expect(sender.verify()).resolves.toBeUndefined();
    sender.close();
  });

  it('fails with a retryable typed error when the server is down, without the password', async () => {
    const port = await freePort();
    const sender = createEmailSender({ smtpUrl: `smtp://mailer:s3cr%C3%A9t-pass@127.0.0.1:${port}`, from: 'alerts@repair.localhost', timeoutMs: 2_000 });
    const error = await sender.send({ to: ['x@example.com'], subject: 's', text: 't' }).catch((e: unknown) => e);
    sender.close();
    expect(error).toBeInstanceOf(EmailSendError);
    const typed = error as EmailSendError;
    expect(typed.retryable).toBe(true);
    expect(['ECONNECTION', 'ESOCKET']).toContain(typed.code);
    expect(`${typed.message} ${typed.stack}`).not.toMatch(/s3cr/);
  });
});
