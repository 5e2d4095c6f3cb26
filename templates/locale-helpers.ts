// Handlebars helpers that speak the reader's language, shared by the message templates and the
// merchant pages: both read `locale` and `timezone` from the root context.
import type Handlebars from 'handlebars';
import { formatDateTime, translate, type MessageValues } from '../core/i18n/index.js';

interface LocaleRoot {
  locale: string;
  timezone: string;
}

export const rootOf = <T extends LocaleRoot>(options: Handlebars.HelperOptions) => options.data.root as T;

/** Helper arguments are not covered by strict mode, so `t` checks its values itself. */
function checkedValues(key: string, hash: Record<string, unknown>): MessageValues {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(hash)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`{{t "${key}"}}: value "${name}" is ${value === null ? 'null' : typeof value}`);
    values[name] = value;
  }
  return values;
}

export function registerLocaleHelpers(hbs: typeof Handlebars): void {
  /** `{{t "alert.button.repair"}}`, `{{t "page.stores.count" count=n}}`: ICU, plural-aware. */
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) => translate(rootOf(options).locale, key, checkedValues(key, options.hash as Record<string, unknown>)));
  /** `{{tv key values}}`: the same with values from an object (a notice's, a title's). */
  hbs.registerHelper('tv', (key: string, values: Record<string, unknown>, options: Handlebars.HelperOptions) => translate(rootOf(options).locale, key, checkedValues(key, values ?? {})));
  /** `{{date iso}}`: medium date and time in the reader's language and the organization's zone. */
  hbs.registerHelper('date', (iso: unknown, options: Handlebars.HelperOptions) => {
    if (typeof iso !== 'string') throw new Error('{{date}} needs an ISO date string');
    const root = rootOf(options);
    return formatDateTime(root.locale, iso, root.timezone);
  });
}
