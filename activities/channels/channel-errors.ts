// Failures of the outside channels, typed so callers can tell "try again later" from "this will
// never work" (an invalid number, a refused address), and never carrying credentials.

export type ChannelName = 'sms' | 'whatsapp' | 'email' | 'ticket' | 'call';

export abstract class ChannelSendError extends Error {
  abstract readonly channel: ChannelName;
  /** True when the same message may succeed later (network, 5xx, rate limit). */
  abstract readonly retryable: boolean;
}

/** A send Twilio refused or could not take (SMS, WhatsApp, a voice call): Twilio's code and HTTP status. */
export abstract class TwilioSendError extends ChannelSendError {
  constructor(
    message: string,
    /** Twilio's error code (21211: invalid 'To' number; 63016: outside WhatsApp's session window), when Twilio answered. */
    readonly twilioCode: number | undefined,
    /** The HTTP status Twilio answered with; undefined when it could not be reached. */
    readonly httpStatus: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class SmsSendError extends TwilioSendError {
  readonly channel = 'sms';
}

/** Also for a WhatsApp message we cannot send at all (no sender, no approved template). */
export class WhatsAppSendError extends TwilioSendError {
  readonly channel = 'whatsapp';
}

/** A voice call (the emergency escalation's). */
export class CallSendError extends TwilioSendError {
  readonly channel = 'call';
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
    /** ETIMEDOUT for our own connect/write timeout, EINVAL for a malformed address, EOUTBOUNDREFUSED for an address the policy refuses, else the socket's error code (ECONNREFUSED, …). */
    readonly code: string | undefined,
    /** Final for a malformed address or one the policy will never allow; a printer that is off or out of paper comes back. */
    readonly retryable: boolean = code !== 'EINVAL',
  ) {
    super(message);
    this.name = 'PrinterSendError';
  }
}

/** How a failed send is recorded: final or worth retrying, with a reason fit for the delivery log. */
export interface ChannelFailure {
  final: boolean;
  /** Generic: names the cause (a code, a status), never the provider's wording, an address or a secret. */
  reason: string;
}

const WHO: Record<ChannelName, string> = { sms: 'the SMS provider', whatsapp: 'the WhatsApp provider', email: 'the mail server', ticket: 'the printer', call: 'the voice provider' };

export function channelFailure(error: unknown, channel: ChannelName): ChannelFailure {
  if (!(error instanceof ChannelSendError)) return { final: false, reason: `${WHO[channel]} could not be reached for now` };
  const twilio = error instanceof TwilioSendError ? error : null;
  const detail =
    twilio ? (twilio.twilioCode ?? twilio.httpStatus) : error instanceof EmailSendError ? (error.smtpCode ?? error.code) : error instanceof PrinterSendError ? error.code : undefined;
  if (!error.retryable) {
    if (error instanceof PrinterSendError && error.code === 'EINVAL') return { final: true, reason: 'not a printer address' };
    // Our own refusal before any request (no WhatsApp sender, no approved template): its message is ours, with no address.
    if (error instanceof WhatsAppSendError && detail === undefined) return { final: true, reason: error.message };
    return { final: true, reason: `refused for good by ${WHO[error.channel]}${detail !== undefined ? ` (code ${detail})` : ''}` };
  }
  const status = twilio && twilio.httpStatus !== undefined ? `HTTP ${twilio.httpStatus}` : error instanceof EmailSendError && error.smtpCode !== undefined ? `SMTP ${error.smtpCode}` : detail;
  return { final: false, reason: `${WHO[error.channel]} is unavailable for now${status !== undefined ? ` (${status})` : ''}` };
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
