// ChowNow: OAuth-style codes; `invalid_grant` covers both a wrong password and a revoked
// partner grant, so its message decides.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const chownow: ProviderEntry = {
  id: 'chownow',
  name: 'ChowNow',
  secondFactor: 'email',
  portalName: 'ChowNow Dashboard',
  portalUrl: 'https://dashboard.chownow.com',
  helpUrl: 'https://help.chownow.com',
  portalMenus: {
    stores: 'Locations',
    storeStatus: 'Ordering status',
    menu: 'Menu',
    hours: 'Hours',
    account: 'Settings › Team',
    support: 'Help › Contact ChowNow',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'flat',
  errors: [
    rule('invalid_grant', 'invalid_credentials', 401, 'Invalid username or password.', { messagePattern: 'password|credentials' }),
    rule('invalid_grant', 'third_party_blocked', 403, 'Grant revoked: partner access disabled by restaurant admin.', { messagePattern: 'revoked|partner access' }),
    rule('verification_required', 'two_factor_required', 401, 'Check your email for a verification code.'),
    rule('verification_failed', 'two_factor_required', 401, 'Verification code did not match.', { meaning: 'invalid_code' }),
    rule('verification_expired', 'two_factor_required', 401, 'Verification code expired.', { meaning: 'code_expired' }),
    rule('location_inactive', 'invalid_store_config', 409, 'Location is not accepting orders (inactive).', { cause: 'store_inactive' }),
    rule('location_not_found', 'invalid_store_config', 404, 'Location does not exist.', { cause: 'store_not_found' }),
    rule('temporarily_unavailable', 'provider_unavailable', 503, 'The server is temporarily unable to handle the request.'),
  ],
};
