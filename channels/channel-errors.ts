// Failures of the outside channels, typed so callers can tell "try again later" from "this will
// never work" (an invalid number, a refused address), and never carrying credentials.

export type ChannelName = 'sms' | 'email' | 'ticket';

export abstract class ChannelSendError extends Error {
  abstract readonly channel: ChannelName;
  /** True when the same message may succeed later (network, 5xx, rate limit). */
  abstract readonly retryable: boolean;
}

export class SmsSendError extends ChannelSendError {
  readonly channel = 'sms';
  constructor(
    message: string,
    /** Twilio's error code (21211: invalid 'To' number), when Twilio answered. */
    readonly twilioCode: number | undefined,
    /** The HTTP status Twilio answered with; undefined when it could not be reached. */
    readonly httpStatus: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

export class EmailSendError extends ChannelSendError {
  readonly channel = 'email';
  constructor(
    message: string,
    /** The SMTP reply code (550, 421, …), when the server answered. */
    readonly smtpCode: number | undefined,
    /** nodemailer's error code (ECONNECTION, EAUTH, EENVELOPE, …). */
    readonly code: string | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'EmailSendError';
  }
}

export class PrinterSendError extends ChannelSendError {
  readonly channel = 'ticket';
  constructor(
    message: string,
    /** ETIMEDOUT for our own connect/write timeout, EOUTBOUNDREFUSED for an address the policy refuses, else the socket's error code (ECONNREFUSED, …). */
    readonly code: string | undefined,
    /** False only for an address that will never be allowed. */
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'PrinterSendError';
  }
}

/** Replaces every secret (and its Basic-auth form) in text; errors may echo requests back. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of [secret, encodeURIComponent(secret)]) out = out.split(form).join('***');
  }
  return out;
}
