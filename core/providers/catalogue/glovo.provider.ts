// Glovo: lower snake_case codes; its verification code arrives by e-mail.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const glovo: ProviderEntry = {
  id: 'glovo',
  name: 'Glovo',
  secondFactor: 'email',
  portalName: 'Glovo Manager Portal',
  portalUrl: 'https://managers.glovoapp.com',
  helpUrl: 'https://partners.glovoapp.com/help',
  portalMenus: {
    stores: 'Stores',
    storeStatus: 'Store status',
    menu: 'Menu',
    hours: 'Schedule',
    account: 'Account settings',
    support: 'Help › Contact Partner Support',
  },
  // The labels the portal shows in the languages it is offered in; other languages quote the English ones.
  localizedPortalMenus: {
    es: { stores: 'Tiendas', storeStatus: 'Estado de la tienda', menu: 'Menú', hours: 'Horario', account: 'Ajustes de la cuenta', support: 'Ayuda › Contactar con Partner Support' },
    it: { stores: 'Negozi', storeStatus: 'Stato del negozio', menu: 'Menu', hours: 'Orari', account: 'Impostazioni account', support: 'Aiuto › Contatta il Partner Support' },
    pt: { stores: 'Lojas', storeStatus: 'Estado da loja', menu: 'Menu', hours: 'Horário', account: 'Definições da conta', support: 'Ajuda › Contactar o Partner Support' },
  },
  requiresMerchantOperationsContact: true,
  errorEnvelope: 'nested',
  errors: [
    rule('wrong_credentials', 'invalid_credentials', 401, 'Wrong email or password.'),
    rule('two_factor_needed', 'two_factor_required', 401, 'We emailed you a 6-digit code to confirm it is you.'),
    rule('two_factor_wrong', 'two_factor_required', 401, 'The code is not correct.', { meaning: 'invalid_code' }),
    rule('two_factor_expired', 'two_factor_required', 401, 'The code expired, ask for a new one.', { meaning: 'code_expired' }),
    rule('partner_blocked', 'third_party_blocked', 403, 'Access through partners is blocked for this account.'),
    rule('store_closed_permanently', 'invalid_store_config', 409, 'Store is closed permanently in Glovo.', { cause: 'store_inactive' }),
    rule('store_unknown', 'invalid_store_config', 404, 'Unknown store address for this account.', { cause: 'store_not_found' }),
    rule('schedule_empty', 'invalid_store_config', 422, 'Store schedule has no opening slots.', { cause: 'hours_misconfigured' }),
    rule('glovo_unavailable', 'provider_unavailable', 503, 'Glovo is temporarily unavailable.'),
  ],
};
