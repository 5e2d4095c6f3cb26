export { LOCALES, pickLocale, SUPPORTED_LOCALES, type Locale } from './locales.js';
export { translationsOf } from './translation-catalogue.js';
export { formatList, MissingMessageError, translate, type MessageValues } from './translate.js';
export { formatDateTime, formatMoney, formattingLocale, isKnownTimeZone } from './formatting-locale.js';
