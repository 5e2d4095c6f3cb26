// SkipTheDishes: numbered SKIP_<area>_<n> codes; second factor by e-mail.
import type { ProviderEntry } from '../types.js';
import { rule } from './rule.js';

export const skipTheDishes: ProviderEntry = {
  id: 'skipthedishes',
  name: 'SkipTheDishes',
  secondFactor: 'email',
  portalName: 'Skip Restaurant Portal',
  portalUrl: 'https://restaurant.skipthedishes.com',
  helpUrl: 'https://restaurants.skipthedishes.com/support',
  portalMenus: {
    stores: 'Restaurant Settings',
    storeStatus: 'Restaurant Status',
    menu: 'Menu Management',
    hours: 'Operating Hours',
    account: 'My Profile',
    support: 'Help Centre › Contact us',
  },
  // The labels the portal shows in the languages it is offered in; other languages quote the English ones.
  localizedPortalMenus: {
    fr: { stores: 'Paramètres du restaurant', storeStatus: 'Statut du restaurant', menu: 'Gestion du menu', hours: 'Heures d’ouverture', account: 'Mon profil', support: 'Centre d’aide › Nous joindre' },
  },
  requiresMerchantOperationsContact: false,
  errorEnvelope: 'nested',
  errors: [
    rule('SKIP_AUTH_001', 'invalid_credentials', 401, 'Invalid email/password combination.'),
    rule('SKIP_AUTH_010', 'two_factor_required', 401, 'A one-time code was emailed to you.'),
    rule('SKIP_AUTH_011', 'two_factor_required', 401, 'One-time code does not match.', { meaning: 'invalid_code' }),
    rule('SKIP_AUTH_012', 'two_factor_required', 401, 'One-time code expired.', { meaning: 'code_expired' }),
    rule('SKIP_AUTH_020', 'third_party_blocked', 403, 'Automated access from partner systems is blocked.'),
    rule('SKIP_REST_404', 'invalid_store_config', 404, 'Restaurant could not be found.', { cause: 'store_not_found' }),
    rule('SKIP_REST_409', 'invalid_store_config', 409, 'Restaurant is closed by Skip operations.', { cause: 'store_inactive' }),
    rule('SKIP_SYS_503', 'provider_unavailable', 503, 'Temporary outage.'),
  ],
};
