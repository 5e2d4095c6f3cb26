// Uber Eats: dotted upper-case codes grouped by domain (AUTH., STORE., MENU.).
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const uberEats: ProviderEntry = {
  id: 'uber_eats',
  name: 'Uber Eats',
  secondFactor: 'sms',
  portalName: 'Uber Eats Manager',
  portalUrl: 'https://merchants.ubereats.com/manager',
  helpUrl: 'https://help.uber.com/merchants-and-restaurants',
  portalMenus: {
    stores: 'Stores',
    storeStatus: 'Store availability',
    menu: 'Menu Maker',
    hours: 'Menu Maker › Menu hours',
    account: 'Settings › Users',
    support: 'Help › Contact support',
  },
  // The labels the portal shows in the languages it is offered in; other languages quote the English ones.
  localizedPortalMenus: {
    es: { stores: 'Tiendas', storeStatus: 'Disponibilidad de la tienda', menu: 'Editor de menús', hours: 'Editor de menús › Horario del menú', account: 'Configuración › Usuarios', support: 'Ayuda › Contactar con soporte' },
    fr: { stores: 'Établissements', storeStatus: 'Disponibilité de l’établissement', menu: 'Éditeur de menus', hours: 'Éditeur de menus › Horaires du menu', account: 'Paramètres › Utilisateurs', support: 'Aide › Contacter l’assistance' },
    it: { stores: 'Negozi', storeStatus: 'Disponibilità del negozio', menu: 'Editor menu', hours: 'Editor menu › Orari del menu', account: 'Impostazioni › Utenti', support: 'Aiuto › Contatta l’assistenza' },
    pt: { stores: 'Lojas', storeStatus: 'Disponibilidade da loja', menu: 'Editor de menus', hours: 'Editor de menus › Horário do menu', account: 'Definições › Utilizadores', support: 'Ajuda › Contactar o suporte' },
  },
  requiresMerchantOperationsContact: true,
  errorEnvelope: 'nested',
  errors: [
    rule('AUTH.INVALID_CREDENTIALS', 'invalid_credentials', 401, 'The email or password you entered is incorrect.'),
    rule('AUTH.OTP_REQUIRED', 'two_factor_required', 401, 'Enter the code we sent to your phone by text message.'),
    rule('AUTH.OTP_INVALID', 'two_factor_required', 401, 'That code is not valid. Try again.', { meaning: 'invalid_code' }),
    rule('AUTH.OTP_EXPIRED', 'two_factor_required', 401, 'That code has expired. Request a new one.', { meaning: 'code_expired' }),
    rule('AUTH.PARTNER_ACCESS_BLOCKED', 'third_party_blocked', 403, 'Sign-in from this partner integration has been blocked for security reasons.'),
    rule('ACCOUNT.NON_TRADITIONAL_LOGIN', 'invalid_store_config', 409, 'This account signs in with Google or Apple; password sign-in is disabled.', { cause: 'non_traditional_login' }),
    rule('STORE.INACTIVE', 'invalid_store_config', 409, 'Store is paused or deactivated in Uber Eats Manager.', { cause: 'store_inactive' }),
    rule('STORE.NOT_FOUND', 'invalid_store_config', 404, 'No store matches this location for the signed-in account.', { cause: 'store_not_found' }),
    rule('MENU.PUBLISH_FAILED', 'invalid_store_config', 422, 'Menu could not be published: items without price.', { cause: 'menu_misconfigured' }),
    rule('SERVICE.UNAVAILABLE', 'provider_unavailable', 503, 'Service temporarily unavailable. Please retry later.'),
  ],
};
