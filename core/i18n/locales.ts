// The five languages every text ships in. The list lives with the provider catalogue (its texts are
// localized too); this module re-exports it so templates and pages need not know that.
export { LOCALES, pickLocale, type Locale } from '../providers/index.js';
import { LOCALES } from '../providers/index.js';

export const SUPPORTED_LOCALES = LOCALES;
