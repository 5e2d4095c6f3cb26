// Takeaway Web: a web-portal integration. Its errors are read off the portal's pages, so callers
// often report only the message: every rule carries a pattern to recognize it without a code.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const takeawayWeb: ProviderEntry = {
  id: 'takeaway_web',
  name: 'Takeaway Web',
  secondFactor: 'email',
  portalName: 'Takeaway Restaurant Portal',
  portalUrl: 'https://restaurant.takeaway.com',
  helpUrl: 'https://restaurant.takeaway.com/help',
  portalMenus: {
    stores: 'Restaurant profile',
    storeStatus: 'Restaurant status',
    menu: 'Menu',
    hours: 'Delivery times',
    account: 'Login details',
    support: 'Help › Contact form',
  },
  // The labels the portal shows in the languages it is offered in; other languages quote the English ones.
  localizedPortalMenus: {
    fr: { stores: 'Profil du restaurant', storeStatus: 'Statut du restaurant', menu: 'Menu', hours: 'Horaires de livraison', account: 'Identifiants de connexion', support: 'Aide › Formulaire de contact' },
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'status',
  errors: [
    rule('TKW-LOGIN-401', 'invalid_credentials', 401, 'Gebruikersnaam of wachtwoord onjuist / username or password incorrect.', { messagePattern: 'wachtwoord onjuist|password incorrect' }),
    rule('TKW-2FA-401', 'two_factor_required', 401, 'Verificatiecode verstuurd per e-mail / verification code sent by e-mail.', { messagePattern: 'code (verstuurd|sent)' }),
    rule('TKW-2FA-402', 'two_factor_required', 401, 'Verificatiecode ongeldig / verification code invalid.', { meaning: 'invalid_code', messagePattern: 'code (ongeldig|invalid)' }),
    rule('TKW-2FA-410', 'two_factor_required', 401, 'Verificatiecode verlopen / verification code expired.', { meaning: 'code_expired', messagePattern: 'code (verlopen|expired)' }),
    rule('TKW-LOGIN-403', 'third_party_blocked', 403, 'Automatisch inloggen niet toegestaan / automated logins are not permitted.', { messagePattern: 'automatisch inloggen|automated logins' }),
    rule('TKW-REST-409', 'invalid_store_config', 409, 'Restaurant offline (administratief gesloten / administratively closed).', { cause: 'store_inactive', messagePattern: 'restaurant offline|administrat\\w+ (gesloten|closed)' }),
    rule('TKW-REST-404', 'invalid_store_config', 404, 'Restaurant niet gevonden / restaurant not found.', { cause: 'store_not_found', messagePattern: 'restaurant (niet gevonden|not found)' }),
    rule('TKW-MENU-422', 'invalid_store_config', 422, 'Menukaart onvolledig / menu incomplete: categories without products.', { cause: 'menu_misconfigured', messagePattern: 'menukaart onvolledig|menu incomplete' }),
    rule('TKW-SYS-503', 'provider_unavailable', 503, 'Portaal in onderhoud / portal under maintenance.', { messagePattern: 'onderhoud|maintenance' }),
  ],
};
