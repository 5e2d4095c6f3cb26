// The provider ids and locales the registry needs; the full catalogue replaces this file.
export const LOCALES = ['en', 'es', 'fr', 'it', 'pt'] as const;
const IDS = ['uber_eats','doordash','grubhub','skipthedishes','deliveroo','just_eat','coupang_eats','baemin','rappi','chownow','yogiyo','jahez','glovo','takeaway_web','foodpanda_web'];
export const isSelfRepairable = (id: string) => IDS.includes(id);
