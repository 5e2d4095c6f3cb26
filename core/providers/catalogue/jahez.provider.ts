// Jahez: JHZ_ codes with Arabic and English messages (Saudi partner portal).
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const jahez: ProviderEntry = {
  id: 'jahez',
  name: 'Jahez',
  secondFactor: 'sms',
  portalName: 'Jahez Partner Portal',
  portalUrl: 'https://partners.jahez.net',
  helpUrl: 'https://partners.jahez.net/support',
  portalMenus: {
    stores: 'Branches',
    storeStatus: 'Branch status',
    menu: 'Menu',
    hours: 'Working hours',
    account: 'Profile',
    support: 'Support › New ticket',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'list',
  errors: [
    rule('JHZ_AUTH_INVALID', 'invalid_credentials', 401, 'Mobile number or password incorrect (رقم الجوال أو كلمة المرور غير صحيحة).'),
    rule('JHZ_OTP_REQUIRED', 'two_factor_required', 401, 'OTP sent to your mobile (تم إرسال رمز التحقق).'),
    rule('JHZ_OTP_WRONG', 'two_factor_required', 401, 'Wrong OTP (رمز التحقق غير صحيح).', { meaning: 'invalid_code' }),
    rule('JHZ_OTP_EXPIRED', 'two_factor_required', 401, 'OTP expired (انتهت صلاحية الرمز).', { meaning: 'code_expired' }),
    rule('JHZ_INTEGRATION_BLOCKED', 'third_party_blocked', 403, 'Integration access blocked.'),
    rule('JHZ_BRANCH_CLOSED', 'invalid_store_config', 409, 'Branch is closed by Jahez operations.', { cause: 'store_inactive' }),
    rule('JHZ_BRANCH_MISSING', 'invalid_store_config', 404, 'Branch not linked to this account.', { cause: 'store_not_found' }),
    rule('JHZ_DOWN', 'provider_unavailable', 503, 'Service unavailable.'),
  ],
};
