// E-mail through a real SMTP client (nodemailer): the local mail sink in development and tests
// (SMTP_URL=smtp://127.0.0.1:1025), the provider's relay in production.
import nodemailer from 'nodemailer';
import { EmailSendError, redact } from './channel-errors.js';

export { EmailSendError } from './channel-errors.js';

export interface EmailSettings {
  /** smtp://host:port or smtps://user:pass@host:465 */
  smtpUrl: string;
  /** "Repair alerts <alerts@example.com>" */
  from: string;
  /** Connect, greeting and socket timeouts; 15 s unless told. */
  timeoutMs?: number;
}

export interface EmailMessage {
  to: string[];
  subject: string;
  html?: string;
  text: string;
  /** Extra headers (X-Repair-Id, List-Unsubscribe, …). */
  headers?: Record<string, string>;
  replyTo?: string;
}

export interface EmailReceipt {
  /** The Message-ID header we sent. */
  providerId: string;
  accepted: string[];
  rejected: string[];
}

export interface EmailSender {
  send(message: EmailMessage): Promise<EmailReceipt>;
  /** Connects and greets the server: a readiness check. */
  verify(): Promise<void>;
  close(): void;
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

const RETRYABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET']);

function toSendError(error: unknown, settings: EmailSettings): EmailSendError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const password = URL.canParse(settings.smtpUrl) ? decodeURIComponent(new URL(settings.smtpUrl).password) : undefined;
  const reason = redact(failure.message ?? String(error), [password]);
  // 4xx SMTP replies are temporary by definition; 5xx are final; network trouble passes.
  const smtpCode = failure.responseCode;
  const retryable = smtpCode !== undefined ? smtpCode < 500 : RETRYABLE_CODES.has(failure.code ?? '');
  return new EmailSendError(`SMTP send failed${smtpCode ? ` (${smtpCode})` : failure.code ? ` (${failure.code})` : ''}: ${reason}`, smtpCode, failure.code, retryable);
}

const addresses = (list: readonly unknown[]) => list.map((a) => (typeof a === 'string' ? a : ((a as { address?: string }).address ?? '')));

export function createEmailSender(settings: EmailSettings): EmailSender {
  const timeout = settings.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        });
        return { providerId: info.messageId, accepted: addresses(info.accepted), rejected: addresses(info.rejected) };
      } catch (error) {
        throw toSendError(error, settings);
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (error) {
        throw toSendError(error, settings);
      }
    },
    close: () => transport.close(),
  };
}
