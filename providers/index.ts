// The provider catalogue and error classification: pure data and functions, importable from
// workflows, activities and the API alike.
export * from './types.js';
export { PROVIDERS } from './catalogue.js';
export { classifyError, codeRejection, codeRejectionRule, findProvider, isSelfRepairable, resolutionFor, ruleFor } from './classify.js';
export { causeLabel, errorTypeLabel, portalSteps, PROVIDER_TEXTS, resolutionLabel } from './texts/index.js';
export { catalogueView } from './catalogue-view.js';
export { pickLocale } from './locale.js';
