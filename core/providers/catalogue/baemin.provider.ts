// Baemin (배달의민족): BM-<area>-<status><n> codes with Korean messages.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const baemin: ProviderEntry = {
  id: 'baemin',
  name: 'Baemin',
  secondFactor: 'sms',
  portalName: 'Baemin Self-Service (배민셀프서비스)',
  portalUrl: 'https://self.baemin.com',
  helpUrl: 'https://ceo.baemin.com/help',
  portalMenus: {
    stores: 'Shop management (가게관리)',
    storeStatus: 'Business status (영업상태)',
    menu: 'Menu management (메뉴관리)',
    hours: 'Business hours (운영시간)',
    account: 'My info (내정보)',
    support: 'Customer center (고객센터)',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'result',
  errors: [
    rule('BM-AUTH-40101', 'invalid_credentials', 401, 'Login information is incorrect (로그인 정보가 올바르지 않습니다).'),
    rule('BM-AUTH-40110', 'two_factor_required', 401, 'Additional identity verification required (추가 본인인증이 필요합니다).'),
    rule('BM-AUTH-40111', 'two_factor_required', 401, 'Wrong verification number (인증번호 오류).', { meaning: 'invalid_code' }),
    rule('BM-AUTH-40112', 'two_factor_required', 401, 'Verification number expired (인증번호 만료).', { meaning: 'code_expired' }),
    rule('BM-AUTH-40301', 'third_party_blocked', 403, 'Access from linked services is blocked (연동 서비스 접근 차단).'),
    rule('BM-SHOP-40901', 'invalid_store_config', 409, 'Shop is temporarily closed (가게 임시중지).', { cause: 'store_inactive' }),
    rule('BM-SHOP-40401', 'invalid_store_config', 404, 'Shop information not found (가게 정보 없음).', { cause: 'store_not_found' }),
    rule('BM-MENU-42201', 'invalid_store_config', 422, 'Menu option group is empty (메뉴 옵션 그룹이 비어 있습니다).', { cause: 'menu_misconfigured' }),
    rule('BM-SYS-50301', 'provider_unavailable', 503, 'Service check in progress (서비스 점검 중).'),
  ],
};
