// What Twilio does with a WhatsApp template send: look up the Content SID and fill its variables.
// The sink knows the development SIDs (templates/whatsapp/content-sids.ts) and renders the repo's
// copy of the template, so the message on the sink's page reads as the merchant's phone would show it.
import { developmentTemplateOf } from '../../templates/whatsapp/content-sids.js';
import { fillTemplate, whatsappContentTemplate } from '../../templates/whatsapp/whatsapp-templates.js';

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}
export const twilioError = (status: number, code: number, message: string): TwilioErrorBody => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/** The text the template and its variables make, with the template's name; or Twilio's 400. */
export function whatsappBody(contentSid: string, rawVariables: string | undefined): { body: string; template: string } | { error: TwilioErrorBody } {
  const template = developmentTemplateOf(contentSid);
  if (!template) return { error: twilioError(400, 21655, `The ContentSid is Invalid: ${contentSid}`) };
  let variables: unknown = {};
  try {
    variables = rawVariables ? JSON.parse(rawVariables) : {};
  } catch {
    return { error: twilioError(400, 21656, 'The ContentVariables Parameter is invalid: not JSON') };
  }
  const strings = typeof variables === 'object' && variables !== null && !Array.isArray(variables) && Object.values(variables).every((v) => typeof v === 'string');
  if (!strings) return { error: twilioError(400, 21656, 'The ContentVariables Parameter is invalid: expected an object of strings') };
  const registered = whatsappContentTemplate(template.kind, template.locale);
  const { text, missing } = fillTemplate(registered.body, variables as Record<string, string>);
  if (missing.length) return { error: twilioError(400, 21656, `The ContentVariables Parameter is invalid: missing ${missing.map((n) => `{{${n}}}`).join(', ')}`) };
  return { body: text, template: registered.friendlyName };
}
