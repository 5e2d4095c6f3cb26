// Foodpanda Web: a web-portal integration (vendors, not stores). Like Takeaway Web, its page
// messages are recognizable without a code.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const foodpandaWeb: ProviderEntry = {
  id: 'foodpanda_web',
  name: 'Foodpanda Web',
  secondFactor: 'sms',
  portalName: 'foodpanda Partner Portal',
  portalUrl: 'https://partner.foodpanda.com',
  helpUrl: 'https://partner.foodpanda.com/help',
  portalMenus: {
    stores: 'Vendor settings',
    storeStatus: 'Vendor status',
    menu: 'Menu',
    hours: 'Opening hours',
    account: 'User management',
    support: 'Help center › Contact us',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'list',
  errors: [
    rule('FP_INVALID_LOGIN', 'invalid_credentials', 401, 'Invalid login credentials.', { messagePattern: 'invalid login credentials' }),
    rule('FP_MFA_REQUIRED', 'mfa_required', 401, 'Multi-factor authentication required: enter the SMS code.', { messagePattern: 'multi-factor authentication required' }),
    rule('FP_MFA_INVALID', 'mfa_required', 401, 'Invalid MFA code.', { meaning: 'invalid_code', messagePattern: 'invalid mfa code' }),
    rule('FP_MFA_EXPIRED', 'mfa_required', 401, 'MFA code expired.', { meaning: 'code_expired', messagePattern: 'mfa code expired' }),
    rule('FP_PARTNER_LOCKED', 'third_party_blocked', 403, 'Partner access locked after suspicious activity.', { messagePattern: 'partner access locked' }),
    rule('FP_VENDOR_INACTIVE', 'invalid_store_config', 409, 'Vendor is inactive.', { cause: 'store_inactive', messagePattern: 'vendor is inactive' }),
    rule('FP_VENDOR_NOT_FOUND', 'invalid_store_config', 404, 'Vendor not found.', { cause: 'store_not_found', messagePattern: 'vendor not found' }),
    rule('FP_SERVICE_DOWN', 'provider_unavailable', 503, 'Service is down.', { messagePattern: 'service is down' }),
  ],
};
