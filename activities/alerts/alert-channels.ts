// What delivering alerts needs from the outside world, as one interface: the worker wires it to
// the real Twilio, SMTP and printer clients (pointed at the local sinks in development and tests).
import type { AlertKind } from '../../workflows/messages.js';

export type Channel = 'email' | 'sms' | 'ticket';

export interface RenderedMessage {
  subject?: string;
  html?: string;
  text: string;
}

export interface AlertStoreLine {
  location: string;
  brand: string;
  provider: string;
}

export interface AlertRepairLine {
  repairId: string;
  provider: string;
  errorTypeLabel: string;
  resolution: 'reconnect' | 'merchant_portal' | 'retry' | 'support';
  actionLabel: string;
  link: string;
  stores: AlertStoreLine[];
  steps?: string[];
  /** "€412 so far, €96/h": what the open connection is costing, when the stores have sales figures. */
  estimatedLoss?: string;
}

export interface AlertData {
  orgName: string;
  recipientName?: string;
  repairs: AlertRepairLine[];
  supportPhone?: string;
  generatedAt: string;
  timezone: string;
}

export type TemplateKind = AlertKind | 'action_needed_grouped';

export interface AlertChannels {
  render(kind: TemplateKind, channel: Channel, locale: string, data: AlertData): RenderedMessage;
  sendEmail(message: { to: string[]; subject: string; html?: string; text: string }): Promise<{ providerId: string }>;
  sendSms(message: { to: string; body: string }): Promise<{ providerId: string; status: string }>;
  printTicket(address: string, message: RenderedMessage, link?: string): Promise<{ providerId: string }>;
}
