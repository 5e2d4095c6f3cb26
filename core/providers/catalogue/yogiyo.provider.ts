// Yogiyo (요기요): YGY-<n> codes with Korean messages.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const yogiyo: ProviderEntry = {
  id: 'yogiyo',
  name: 'Yogiyo',
  secondFactor: 'sms',
  portalName: 'Yogiyo Owner Center (요기요 사장님)',
  portalUrl: 'https://owner.yogiyo.co.kr',
  helpUrl: 'https://owner.yogiyo.co.kr/help',
  portalMenus: {
    stores: 'Store settings (매장 설정)',
    storeStatus: 'Business status (영업 상태)',
    menu: 'Menu settings (메뉴 설정)',
    hours: 'Business hours (영업시간)',
    account: 'Account (계정)',
    support: 'Owner support (사장님 고객센터)',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'result',
  errors: [
    rule('YGY-1001', 'invalid_credentials', 401, 'Please check your ID and password (아이디와 비밀번호를 확인하세요).'),
    rule('YGY-1010', 'two_factor_required', 401, 'Enter the SMS verification code (SMS 인증번호를 입력하세요).'),
    rule('YGY-1011', 'two_factor_required', 401, 'Incorrect verification code (인증번호가 틀렸습니다).', { meaning: 'invalid_code' }),
    rule('YGY-1012', 'two_factor_required', 401, 'Verification code expired (인증번호 유효시간 초과).', { meaning: 'code_expired' }),
    rule('YGY-1030', 'third_party_blocked', 403, 'Partner API login blocked (제휴사 로그인 차단).'),
    rule('YGY-2010', 'invalid_store_config', 409, 'Store is suspended (영업 중지된 매장).', { cause: 'store_inactive' }),
    rule('YGY-2040', 'invalid_store_config', 404, 'Store not found (매장 없음).', { cause: 'store_not_found' }),
    rule('YGY-5030', 'provider_unavailable', 503, 'Server busy (서버 혼잡).'),
  ],
};
