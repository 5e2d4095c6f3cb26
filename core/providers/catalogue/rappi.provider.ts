// Rappi: RP_ codes with Spanish messages (Latin American partner portal).
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const rappi: ProviderEntry = {
  id: 'rappi',
  name: 'Rappi',
  secondFactor: 'sms',
  portalName: 'Portal Partners Rappi',
  portalUrl: 'https://partners.rappi.com',
  helpUrl: 'https://partners.rappi.com/ayuda',
  portalMenus: {
    stores: 'Mis tiendas',
    storeStatus: 'Estado de la tienda',
    menu: 'Menú',
    hours: 'Horarios',
    account: 'Mi cuenta',
    support: 'Ayuda › Chat con soporte',
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'nested',
  errors: [
    rule('RP_LOGIN_INVALID', 'invalid_credentials', 401, 'Usuario o contraseña inválidos.'),
    rule('RP_OTP_REQUIRED', 'two_factor_required', 401, 'Ingresa el código enviado por SMS.'),
    rule('RP_OTP_INVALID', 'two_factor_required', 401, 'El código ingresado no es correcto.', { meaning: 'invalid_code' }),
    rule('RP_OTP_EXPIRED', 'two_factor_required', 401, 'El código ha expirado.', { meaning: 'code_expired' }),
    rule('RP_PARTNER_BLOCKED', 'third_party_blocked', 403, 'El acceso de integraciones externas está bloqueado.'),
    rule('RP_STORE_DISABLED', 'invalid_store_config', 409, 'La tienda está deshabilitada.', { cause: 'store_inactive' }),
    rule('RP_STORE_NOT_FOUND', 'invalid_store_config', 404, 'La tienda no existe para este usuario.', { cause: 'store_not_found' }),
    rule('RP_SCHEDULE_INVALID', 'invalid_store_config', 422, 'Horarios de atención inválidos.', { cause: 'hours_misconfigured' }),
    rule('RP_UNAVAILABLE', 'provider_unavailable', 503, 'Servicio no disponible temporalmente.'),
  ],
};
