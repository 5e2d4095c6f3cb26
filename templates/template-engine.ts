// One Handlebars environment for every message: strict compilation (a missing variable throws),
// helpers that speak the message's language, partials from templates/partials/ (`*-html.hbs`
// escape HTML, the others are plain text), everything compiled once.
import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { translate, type MessageValues } from '../core/i18n/index.js';
import { registerLocaleHelpers, rootOf } from './locale-helpers.js';

const TEMPLATES_DIR = new URL('./', import.meta.url);
const PARTIALS_DIR = new URL('./partials/', import.meta.url);

/** What the helpers read from the root context of every template. */
interface RootContext {
  locale: string;
  timezone: string;
  kind: string;
  kindValues: MessageValues;
}

function createEngine(): typeof Handlebars {
  const hbs = Handlebars.create();
  registerLocaleHelpers(hbs);
  /** `{{kt "alert.subject"}}` reads `alert.subject.<kind>` with the kind's standard values. */
  hbs.registerHelper('kt', (prefix: string, options: Handlebars.HelperOptions) => {
    const root = rootOf<RootContext>(options);
    return translate(root.locale, `${prefix}.${root.kind}`, root.kindValues);
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
