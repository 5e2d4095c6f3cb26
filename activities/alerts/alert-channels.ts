// What delivering alerts needs from the outside world, as one interface: the worker wires it to
// the real Twilio, SMTP and printer clients (pointed at the local sinks in development and tests).

// The message data is the templates' own: one definition for both sides.
import type { AlertData, Channel, RenderedAlert, TemplateKind, WhatsAppContent } from '../../templates/alert-data.js';
export type { AlertData, Channel, RenderedAlert, TemplateKind, WhatsAppContent };
export type { RepairLine as AlertRepairLine, StoreLine as AlertStoreLine } from '../../templates/alert-data.js';

export interface AlertChannels {
  render(kind: TemplateKind, channel: Channel, locale: string, data: AlertData): RenderedAlert;
  sendEmail(message: { to: string[]; subject: string; html?: string; text: string }): Promise<{ providerId: string }>;
  sendSms(message: { to: string; body: string }): Promise<{ providerId: string; status: string }>;
  /** An approved template and its variables to an E.164 number (Twilio adds nothing: we send `whatsapp:+…`). */
  sendWhatsApp(message: { to: string; content: WhatsAppContent }): Promise<{ providerId: string; status: string }>;
  /** A voice call playing this TwiML (the emergency escalation's call). */
  placeCall(call: { to: string; twiml: string }): Promise<{ providerId: string; status: string }>;
  printTicket(address: string, message: RenderedAlert, link?: string): Promise<{ providerId: string }>;
}
