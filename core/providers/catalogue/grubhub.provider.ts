// Grubhub: GH-<status>-<reason> codes in a JSON:API-like error list.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const grubhub: ProviderEntry = {
  id: 'grubhub',
  name: 'Grubhub',
  secondFactor: 'totp',
  portalName: 'Grubhub for Restaurants',
  portalUrl: 'https://restaurant.grubhub.com',
  helpUrl: 'https://get.grubhub.com/support',
  portalMenus: {
    stores: 'Restaurant Info',
    storeStatus: 'Restaurant Status',
    menu: 'Menu',
    hours: 'Hours of Operation',
    account: 'Account › Security',
    support: 'Help › Contact Restaurant Care',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'list',
  errors: [
    rule('GH-401-CRED', 'invalid_credentials', 401, 'Username or password not recognized.'),
    rule('GH-401-2FA', 'two_factor_required', 401, 'Two-step verification is on. Enter the code from your authenticator app.'),
    rule('GH-401-2FA-BAD', 'two_factor_required', 401, 'Authenticator code rejected.', { meaning: 'invalid_code' }),
    rule('GH-401-2FA-OLD', 'two_factor_required', 401, 'Authenticator code is no longer valid.', { meaning: 'code_expired' }),
    rule('GH-403-PARTNER', 'third_party_blocked', 403, 'Third-party login disabled for this restaurant account.'),
    rule('GH-409-OFFLINE', 'invalid_store_config', 409, 'Restaurant is set to offline indefinitely.', { cause: 'store_inactive' }),
    rule('GH-404-REST', 'invalid_store_config', 404, 'Restaurant not found for this login.', { cause: 'store_not_found' }),
    rule('GH-503', 'provider_unavailable', 503, 'Grubhub services are down for maintenance.'),
  ],
};
