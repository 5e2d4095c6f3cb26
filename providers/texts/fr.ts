import type { ProviderTexts } from './provider-texts.js';

export const fr: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Les identifiants ne fonctionnent plus',
    two_factor_required: 'Un code de vérification est nécessaire',
    mfa_required: 'Une vérification en plusieurs étapes est nécessaire',
    third_party_blocked: 'Le fournisseur a bloqué notre connexion',
    invalid_store_config: 'Le magasin doit être corrigé chez le fournisseur',
    provider_unavailable: 'Le fournisseur rencontre des difficultés',
    unknown: 'Un problème non reconnu',
  },
  causes: {
    store_inactive: 'Le magasin est inactif ou en pause',
    non_traditional_login: 'Le compte ne se connecte qu’avec Google ou Apple',
    store_not_found: 'Le magasin n’est pas rattaché à ce compte',
    menu_misconfigured: 'Le menu ne peut pas être publié',
    hours_misconfigured: 'Les horaires manquent ou sont invalides',
  },
  resolutions: {
    reconnect: 'Reconnecter le compte',
    merchant_portal: 'Suivre les étapes dans le portail du fournisseur',
    retry: 'Rien à faire : nous réessayons automatiquement',
    support: 'Notre équipe support prend le relais',
  },
  steps: {
    store_inactive: [
      'Connectez-vous à {portal} ({portalUrl}) avec un compte administrateur.',
      'Ouvrez {stores} et choisissez le magasin concerné.',
      'Vérifiez son statut : s’il est en pause, inactif ou fermé, remettez-le en service.',
      'Si {provider} l’a désactivé, contactez le support {provider} depuis le portail pour demander sa réactivation.',
      'Revenez ici et choisissez « J’ai terminé ces étapes ».',
    ],
    non_traditional_login: [
      'Connectez-vous à {portal} avec le compte Google ou Apple habituel.',
      'Ouvrez {account} et ajoutez à cet utilisateur une connexion par e-mail et mot de passe.',
      'Gardez cet e-mail et le nouveau mot de passe sous la main.',
      'Revenez ici, choisissez « J’ai terminé ces étapes », puis reconnectez-vous avec cet e-mail et ce mot de passe.',
    ],
    store_not_found: [
      'Connectez-vous à {portal} avec le compte relié à notre service.',
      'Ouvrez {stores} et vérifiez que chaque magasin concerné apparaît sous ce compte.',
      'S’il en manque un, demandez au support {provider} de l’ajouter à ce compte, ou connectez le compte qui le détient.',
      'Revenez ici et choisissez « J’ai terminé ces étapes ».',
    ],
    menu_misconfigured: [
      'Connectez-vous à {portal} et ouvrez le menu du magasin concerné.',
      'Corrigez les articles signalés comme incomplets (prix, catégorie, image) puis publiez le menu.',
      'Attendez que {provider} indique le menu comme publié.',
      'Revenez ici et choisissez « J’ai terminé ces étapes ».',
    ],
    hours_misconfigured: [
      'Connectez-vous à {portal} et ouvrez {stores}.',
      'Renseignez les horaires de chaque jour d’ouverture et supprimez les créneaux qui se chevauchent.',
      'Enregistrez et vérifiez que le magasin apparaît ouvert à l’heure actuelle.',
      'Revenez ici et choisissez « J’ai terminé ces étapes ».',
    ],
  },
};
