// The Handlebars environment of the merchant pages: strict (a missing field throws), HTML-escaped,
// helpers that speak the reader's language, partials from templates/pages/partials/.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { registerLocaleHelpers } from '../../templates/locale-helpers.js';

export const PAGE_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/pages/', import.meta.url));

export function createPageEngine(): typeof Handlebars {
  const hbs = Handlebars.create();
  registerLocaleHelpers(hbs);
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
