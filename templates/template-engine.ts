// One Handlebars environment for every message: strict compilation (a missing variable throws),
// helpers that speak the message's language, partials from templates/partials/ (`*-html.hbs`
// escape HTML, the others are plain text), everything compiled once.
import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { formatDateTime, translate, type MessageValues } from '../i18n/index.js';

const TEMPLATES_DIR = new URL('./', import.meta.url);
const PARTIALS_DIR = new URL('./partials/', import.meta.url);

/** What the helpers read from the root context of every template. */
interface RootContext {
  locale: string;
  timezone: string;
  kind: string;
  kindValues: MessageValues;
}

const rootOf = (options: Handlebars.HelperOptions) => options.data.root as RootContext;

/** Helper arguments are not covered by strict mode, so `t` checks its values itself. */
function checkedValues(key: string, hash: Record<string, unknown>): MessageValues {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(hash)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`{{t "${key}"}}: value "${name}" is ${value === null ? 'null' : typeof value}`);
    values[name] = value;
  }
  return values;
}

function createEngine(): typeof Handlebars {
  const hbs = Handlebars.create();
  /** `{{t "alert.button.repair"}}`, `{{t "alert.label.stores" count=storeCount}}`: ICU, plural-aware. */
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) => translate(rootOf(options).locale, key, checkedValues(key, options.hash as Record<string, unknown>)));
  /** `{{kt "alert.subject"}}` reads `alert.subject.<kind>` with the kind's standard values. */
  hbs.registerHelper('kt', (prefix: string, options: Handlebars.HelperOptions) => {
    const root = rootOf(options);
    return translate(root.locale, `${prefix}.${root.kind}`, root.kindValues);
  });
  /** `{{date generatedAt}}`: medium date and time in the reader's language and the organization's zone. */
  hbs.registerHelper('date', (iso: unknown, options: Handlebars.HelperOptions) => {
    if (typeof iso !== 'string') throw new Error('{{date}} needs an ISO date string');
    const root = rootOf(options);
    return formatDateTime(root.locale, iso, root.timezone);
  });
  // Compiled here rather than lazily, so each partial keeps its own escaping whoever includes it.
  for (const file of readdirSync(PARTIALS_DIR).filter((f) => f.endsWith('.hbs'))) {
    const name = file.replace(/\.hbs$/, '');
    hbs.registerPartial(name, hbs.compile(readFileSync(new URL(file, PARTIALS_DIR), 'utf8'), { strict: true, noEscape: !name.endsWith('-html') }));
  }
  return hbs;
}

const engine = createEngine();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** A template under templates/, e.g. `email/action-needed.html.hbs`; only `.html.hbs` files escape HTML. */
export function template(path: string): Handlebars.TemplateDelegate {
  let delegate = compiled.get(path);
  if (!delegate) {
    const source = readFileSync(new URL(path, TEMPLATES_DIR), 'utf8');
    delegate = engine.compile(source, { strict: true, noEscape: !path.endsWith('.html.hbs') });
    compiled.set(path, delegate);
  }
  return delegate;
}
