// DoorDash: snake_case codes in a flat {errorCode, errorMessage} body.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const doordash: ProviderEntry = {
  id: 'doordash',
  name: 'DoorDash',
  secondFactor: 'sms',
  portalName: 'DoorDash Merchant Portal',
  portalUrl: 'https://merchant-portal.doordash.com',
  helpUrl: 'https://help.doordash.com/merchants',
  portalMenus: {
    stores: 'Stores',
    storeStatus: 'Store Availability',
    menu: 'Menu Manager',
    hours: 'Store Settings › Store Hours',
    account: 'Settings › Manage Account',
    support: 'Get Help › Chat with support',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'flat',
  errors: [
    rule('login_failed', 'invalid_credentials', 401, 'Incorrect email or password.'),
    rule('mfa_challenge_required', 'mfa_required', 401, 'We sent a verification code to the phone number on file.'),
    rule('mfa_code_invalid', 'mfa_required', 401, 'The verification code is incorrect.', { meaning: 'invalid_code' }),
    rule('mfa_code_expired', 'mfa_required', 401, 'The verification code has expired.', { meaning: 'code_expired' }),
    rule('integration_access_revoked', 'third_party_blocked', 403, 'Access for this integration partner was revoked by DoorDash security.'),
    rule('store_deactivated', 'invalid_store_config', 409, 'The store is deactivated. Contact DoorDash merchant support to reactivate.', { cause: 'store_inactive' }),
    rule('store_not_found', 'invalid_store_config', 404, 'Store ID not associated with this business.', { cause: 'store_not_found' }),
    rule('store_hours_missing', 'invalid_store_config', 422, 'Store has no active hours configured.', { cause: 'hours_misconfigured' }),
    rule('service_unavailable', 'provider_unavailable', 503, 'DoorDash is experiencing issues. Try again shortly.'),
  ],
};
