// E-mail through a real SMTP client: the local mail sink in development and tests, SMTP_URL in production.
import nodemailer from 'nodemailer';

export function createEmailSender(settings: { smtpUrl: string; from: string }) {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(message: { to: string[]; subject: string; html?: string; text: string }): Promise<{ providerId: string }> {
      const info = await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
      return { providerId: info.messageId };
    },
    close: () => transport.close(),
  };
}
