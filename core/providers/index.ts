// The provider catalogue and error classification: pure data and functions (no Node built-ins,
// no I/O), importable from workflows, activities and the API alike.
export * from './types.js';
export { PROVIDERS } from './catalogue/index.js';
export { classifyError, type ErrorReport } from './classify-error.js';
export { causesOf, codeRejection, codeRejectionRule, findProvider, isSelfRepairable, ruleFor, secondFactorErrorType } from './provider-lookup.js';
export { resolutionFor } from './resolutions.js';
export { unwrapError, wrapError, type ProviderError } from './error-envelopes.js';
export { causeLabel, errorTypeLabel, portalMenusFor, portalSteps, PROVIDER_TEXTS, resolutionLabel, type ProviderTexts, type StepsByCause } from './texts/index.js';
export { catalogueView, type CatalogueView } from './catalogue-view.js';
export { pickLocale } from './locale.js';
