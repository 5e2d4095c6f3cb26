// Just Eat: dotted PascalCase codes (JE.Area.Reason) in a status/result body.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const justEat: ProviderEntry = {
  id: 'just_eat',
  name: 'Just Eat',
  secondFactor: 'email',
  portalName: 'Just Eat Partner Centre',
  portalUrl: 'https://partner-centre.just-eat.com',
  helpUrl: 'https://partner-centre.just-eat.com/help',
  portalMenus: {
    stores: 'Restaurant details',
    storeStatus: 'Open/closed status',
    menu: 'Menu',
    hours: 'Opening times',
    account: 'Users & access',
    support: 'Help › Contact us',
  },
  // The labels the portal shows in the languages it is offered in; other languages quote the English ones.
  localizedPortalMenus: {
    es: { stores: 'Datos del restaurante', storeStatus: 'Estado abierto/cerrado', menu: 'Carta', hours: 'Horario de apertura', account: 'Usuarios y accesos', support: 'Ayuda › Contacto' },
    it: { stores: 'Dati del ristorante', storeStatus: 'Stato aperto/chiuso', menu: 'Menu', hours: 'Orari di apertura', account: 'Utenti e accessi', support: 'Aiuto › Contattaci' },
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'status',
  errors: [
    rule('JE.Login.BadCredentials', 'invalid_credentials', 401, 'Login details not recognised.'),
    rule('JE.Login.EmailCodeRequired', 'two_factor_required', 401, 'Please enter the security code we emailed you.'),
    rule('JE.Login.EmailCodeWrong', 'two_factor_required', 401, 'Security code incorrect.', { meaning: 'invalid_code' }),
    rule('JE.Login.EmailCodeExpired', 'two_factor_required', 401, 'Security code expired.', { meaning: 'code_expired' }),
    rule('JE.Login.PartnerBlocked', 'third_party_blocked', 403, 'Partner login has been disabled.'),
    rule('JE.Restaurant.Offline', 'invalid_store_config', 409, 'Restaurant is offline: contact your account manager.', { cause: 'store_inactive' }),
    rule('JE.Restaurant.Unknown', 'invalid_store_config', 404, 'Restaurant ID unknown.', { cause: 'store_not_found' }),
    rule('JE.Menu.Invalid', 'invalid_store_config', 422, 'Menu failed validation.', { cause: 'menu_misconfigured' }),
    rule('JE.Platform.Unavailable', 'provider_unavailable', 503, 'Platform unavailable.'),
  ],
};
