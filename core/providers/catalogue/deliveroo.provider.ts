// Deliveroo: SCREAMING_SNAKE codes in an error list; "restaurant inactive" is its best-known fault.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const deliveroo: ProviderEntry = {
  id: 'deliveroo',
  name: 'Deliveroo',
  secondFactor: 'sms',
  portalName: 'Deliveroo Partner Hub',
  portalUrl: 'https://partner-hub.deliveroo.com',
  helpUrl: 'https://restaurants.deliveroo.com/help',
  portalMenus: {
    stores: 'Sites',
    storeStatus: 'Site status',
    menu: 'Menus',
    hours: 'Opening hours',
    account: 'Account › Team',
    support: 'Help › Message us',
  },
  // The labels the portal shows in the languages it is offered in; other languages quote the English ones.
  localizedPortalMenus: {
    fr: { stores: 'Établissements', storeStatus: 'Statut de l’établissement', menu: 'Menus', hours: 'Horaires d’ouverture', account: 'Compte › Équipe', support: 'Aide › Nous contacter' },
    it: { stores: 'Sedi', storeStatus: 'Stato della sede', menu: 'Menu', hours: 'Orari di apertura', account: 'Account › Team', support: 'Aiuto › Scrivici' },
  },
  requiresMerchantOperationsContact: true,
  errorEnvelope: 'list',
  errors: [
    rule('INVALID_LOGIN', 'invalid_credentials', 401, 'Your email address or password is incorrect.'),
    rule('SMS_VERIFICATION_REQUIRED', 'two_factor_required', 401, 'Enter the verification code sent by SMS.'),
    rule('SMS_VERIFICATION_FAILED', 'two_factor_required', 401, 'The SMS code entered is wrong.', { meaning: 'invalid_code' }),
    rule('SMS_VERIFICATION_EXPIRED', 'two_factor_required', 401, 'The SMS code has timed out.', { meaning: 'code_expired' }),
    rule('PARTNER_LOGIN_BLOCKED', 'third_party_blocked', 403, 'Logins from integration partners are blocked for this account.'),
    rule('RESTAURANT_INACTIVE', 'invalid_store_config', 409, 'Restaurant is inactive on Deliveroo.', { cause: 'store_inactive' }),
    rule('SITE_NOT_FOUND', 'invalid_store_config', 404, 'Site not found for this brand.', { cause: 'store_not_found' }),
    rule('OPENING_HOURS_INVALID', 'invalid_store_config', 422, 'Opening hours overlap or are empty.', { cause: 'hours_misconfigured' }),
    rule('UPSTREAM_UNAVAILABLE', 'provider_unavailable', 503, 'Partner Hub is temporarily unavailable.'),
  ],
};
