// Coupang Eats: numeric E-codes with Korean messages (English first, as its partner API returns them).
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const coupangEats: ProviderEntry = {
  id: 'coupang_eats',
  name: 'Coupang Eats',
  secondFactor: 'sms',
  portalName: 'Coupang Eats Store Partner Center',
  portalUrl: 'https://store.coupangeats.com',
  helpUrl: 'https://store.coupangeats.com/help',
  portalMenus: {
    stores: 'Store management (매장관리)',
    storeStatus: 'Operating status (영업상태)',
    menu: 'Menu management (메뉴관리)',
    hours: 'Operating hours (영업시간)',
    account: 'Account information (계정정보)',
    support: 'Customer center (고객센터)',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'result',
  errors: [
    rule('E1001', 'invalid_credentials', 401, 'ID or password mismatch (아이디 또는 비밀번호가 일치하지 않습니다).'),
    rule('E1101', 'two_factor_required', 401, 'Mobile verification required (휴대폰 인증이 필요합니다).'),
    rule('E1102', 'two_factor_required', 401, 'Verification number incorrect (인증번호가 올바르지 않습니다).', { meaning: 'invalid_code' }),
    rule('E1103', 'two_factor_required', 401, 'Verification time exceeded (인증 시간이 초과되었습니다).', { meaning: 'code_expired' }),
    rule('E1201', 'third_party_blocked', 403, 'External system login restricted (외부 시스템 로그인이 제한되었습니다).'),
    rule('E2001', 'invalid_store_config', 409, 'Store suspended (영업 정지 상태입니다).', { cause: 'store_inactive' }),
    rule('E2004', 'invalid_store_config', 404, 'Store not registered (등록되지 않은 매장입니다).', { cause: 'store_not_found' }),
    rule('E9999', 'provider_unavailable', 503, 'System inspection in progress (시스템 점검 중입니다).'),
  ],
};
