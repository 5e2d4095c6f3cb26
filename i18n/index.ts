export { formatDate, messagesOf, pickLocale, SUPPORTED_LOCALES, translate, type Locale } from './translate.js';
