// What a caller hands to renderAlert: plain data, already in the recipient's language where it
// comes from elsewhere (provider names, error labels, portal steps). Templates add our own words.

/** The channels a message can go out on. */
export type Channel = 'email' | 'sms' | 'whatsapp' | 'ticket';

export const TEMPLATE_KINDS = [
  /** One repair needs a person (one or more stores). */
  'action_needed',
  /** Several repairs or stores of one organization in one message (mass outages). */
  'action_needed_grouped',
  /** Nobody acted yet. */
  'reminder',
  /** For technical (emergency) contacts: an integration stayed down too long. */
  'escalated_emergency',
  /** Support has taken the repair over (a ticket is open). */
  'escalated_support',
  /** The merchant asked for help (for support and technical contacts). */
  'support_requested',
  /** The connection works again. */
  'reconnected',
  /** The provider itself is failing: nothing for the merchant to do. */
  'provider_issue',
  /** Someone who got the alert took the repair in hand ("I'm on it"): the others hear who. */
  'acknowledged',
] as const;

export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export type Resolution = 'reconnect' | 'merchant_portal' | 'retry' | 'support';

export interface StoreLine {
  /** The store's id: a store on several providers' connections is still one store in every count. */
  storeId?: string;
  /** The location's name ("São João"); may be empty when unknown. */
  location: string;
  /** The brand sold at that location ("Pão Quente"); may be empty when unknown. */
  brand: string;
  /** The provider's display name ("Uber Eats"). */
  provider: string;
  /** This store's own share of the repair's lost sales, formatted like the repair's. */
  estimatedLostRevenue?: string;
}

export interface RepairLine {
  repairId: string;
  /** The provider's display name. */
  provider: string;
  /** The error type in the recipient's language ("Sign-in details no longer work"). */
  errorTypeLabel: string;
  resolution: Resolution;
  /** The resolution in the recipient's language ("Reconnect the account"). */
  actionLabel: string;
  /** Absolute (signed) link to this repair's page. */
  link: string;
  /** A shorter link to the same page for SMS and tickets, when a shortener is available. */
  shortLink?: string;
  stores: StoreLine[];
  /** Provider-specific steps for `merchant_portal`, in the recipient's language. */
  steps?: string[];
  /** The whole connection's, already formatted for the recipient ("1.240 €", or `label.loss`:
   * "€412 (€96 per hour)"); each store's share, when known, is on its StoreLine. */
  estimatedLostRevenue?: string;
  /** When the connection broke, ISO 8601; shown to technical contacts. */
  openedAt?: string;
}

export interface AlertData {
  orgName: string;
  /** For `acknowledged`: who took the repair in hand. */
  acknowledgedBy?: string;
  recipientName?: string;
  /** At least one. */
  repairs: RepairLine[];
  /** The number merchants can call, shown in e-mail footers. */
  supportPhone?: string;
  /** When the message was generated, ISO 8601. */
  generatedAt: string;
  /** IANA zone of the organization; dates are shown in it. */
  timezone: string;
  /** Absolute URL of the organization's logo for e-mails (described by its alt text). */
  logoUrl?: string;
  /** A page listing every open repair; the grouped e-mail's main button uses it when given. */
  overviewLink?: string;
}

export interface RenderedAlert {
  /** E-mail subject (also given for tickets, as the preview's title). */
  subject?: string;
  /** E-mail HTML; for tickets, an HTML preview of the printed paper. */
  html?: string;
  /** E-mail plain-text part, SMS body, WhatsApp text as the reader sees it, or the ticket's printed lines. */
  text: string;
  /** WhatsApp only: the approved template the text comes from and the values of its `{{n}}` variables. */
  whatsapp?: WhatsAppContent;
}

/** A business-initiated WhatsApp message: which template (kind and language) and its variables. */
export interface WhatsAppContent {
  kind: TemplateKind;
  locale: string;
  /** Twilio's `ContentVariables`: `{ "1": "Casa Lola Group", "2": … }`. */
  variables: Record<string, string>;
}
