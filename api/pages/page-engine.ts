// The Handlebars environment of the merchant pages: strict (a missing field throws), HTML-escaped,
// helpers that speak the reader's language, partials from templates/pages/partials/.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { formatDateTime, translate, type MessageValues } from '../../i18n/index.js';

export const PAGE_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/pages/', import.meta.url));

/** What the helpers read from the root context of every page. */
interface PageRoot {
  locale: string;
  timezone: string;
}

const rootOf = (options: Handlebars.HelperOptions) => options.data.root as PageRoot;

function checkedValues(key: string, hash: Record<string, unknown>): MessageValues {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(hash)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`{{t "${key}"}}: value "${name}" is ${value === null ? 'null' : typeof value}`);
    values[name] = value;
  }
  return values;
}

export function createPageEngine(): typeof Handlebars {
  const hbs = Handlebars.create();
  /** `{{t "page.home.title"}}`, `{{t "page.stores" count=n}}`: ICU messages in the page's language. */
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) => translate(rootOf(options).locale, key, checkedValues(key, options.hash as Record<string, unknown>)));
  /** `{{tv key values}}`: the same with values from an object (a notice's, a title's). */
  hbs.registerHelper('tv', (key: string, values: Record<string, unknown>, options: Handlebars.HelperOptions) => translate(rootOf(options).locale, key, checkedValues(key, values ?? {})));
  /** `{{date iso}}`: medium date and time in the reader's language and the organization's zone. */
  hbs.registerHelper('date', (iso: unknown, options: Handlebars.HelperOptions) => {
    if (typeof iso !== 'string') throw new Error('{{date}} needs an ISO date string');
    const root = rootOf(options);
    return formatDateTime(root.locale, iso, root.timezone);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  return hbs;
}

/** Partial names → files, for @fastify/view (which compiles them with the engine's options). */
export function pagePartials(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(new URL('../../templates/pages/partials/', import.meta.url))
      .filter((file) => file.endsWith('.hbs'))
      .map((file) => [file.replace(/\.hbs$/, ''), `partials/${file}`]),
  );
}
