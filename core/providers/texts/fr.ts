import type { ProviderTexts } from './provider-texts.js';

export const fr: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Les identifiants ne fonctionnent plus',
    two_factor_required: 'Un code de vérification est nécessaire',
    mfa_required: 'Une vérification en plusieurs étapes est nécessaire',
    third_party_blocked: 'La plateforme a bloqué notre connexion',
    invalid_store_config: 'Le magasin doit être corrigé sur la plateforme',
    provider_unavailable: 'La plateforme rencontre des difficultés',
    unknown: 'Un problème non reconnu',
  },
  causes: {
    store_inactive: 'Le magasin est inactif ou en pause',
    non_traditional_login: 'Le compte ne se connecte qu’avec Google ou Apple',
    store_not_found: 'Le magasin n’est pas rattaché à ce compte',
    menu_misconfigured: 'La carte ne peut pas être publiée',
    hours_misconfigured: 'Les horaires manquent ou sont invalides',
  },
  resolutions: {
    reconnect: 'Reconnecter le compte',
    merchant_portal: 'Suivre les étapes dans le portail de la plateforme',
    retry: 'Rien à faire : nous réessayons automatiquement',
    support: 'Notre équipe support prend le relais',
  },
  quotes: ['« ', ' »'],
  done: 'J’ai terminé ces étapes',
  generic: {
    portal: 'le portail marchand de {provider}',
    stores: 'la liste des magasins',
    storeStatus: 'le statut du magasin',
    menu: 'l’éditeur de carte',
    hours: 'les horaires d’ouverture',
    account: 'les utilisateurs et les accès',
    support: 'le support marchand',
  },
  steps: {
    store_inactive: [
      'Ouvrez {portal}{portalLink} et connectez-vous avec un compte administrateur.',
      'Ouvrez {stores} et sélectionnez le magasin concerné.',
      'Vérifiez {storeStatus} : si le magasin est en pause, fermé ou inactif, rouvrez-le.',
      'Si le portail ne vous permet pas de le rouvrir, c’est {provider} qui l’a fermé : demandez sa réactivation via {support}.',
      'Dès que le magasin accepte de nouveau des commandes, revenez sur la page de réparation et choisissez {done}.',
    ],
    non_traditional_login: [
      'Ouvrez {portal}{portalLink} et connectez-vous comme d’habitude (Google, Apple ou une autre connexion unique).',
      'Ouvrez {account} et sélectionnez l’utilisateur relié à notre service.',
      'Ajoutez à cet utilisateur une connexion par mot de passe (une adresse e-mail et un mot de passe), ou invitez un nouvel utilisateur qui se connecte avec un mot de passe.',
      'Revenez sur la page de réparation, choisissez {done}, puis reconnectez-vous avec cette adresse e-mail et ce mot de passe.',
    ],
    store_not_found: [
      'Ouvrez {portal}{portalLink} et connectez-vous avec le compte relié à notre service.',
      'Ouvrez {stores} et vérifiez que chaque magasin concerné figure dans la liste.',
      'S’il en manque un, il est rattaché à un autre compte chez {provider} : reliez plutôt ce compte, ou demandez le transfert du magasin via {support}.',
      'Revenez sur la page de réparation et choisissez {done}.',
    ],
    menu_misconfigured: [
      'Ouvrez {portal}{portalLink} et connectez-vous.',
      'Ouvrez {menu} pour le magasin concerné.',
      'Corrigez chaque élément signalé par le portail : prix manquant, catégorie ou groupe d’options vide, photo absente.',
      'Publiez la carte et attendez que {provider} l’affiche comme en ligne.',
      'Revenez sur la page de réparation et choisissez {done}.',
    ],
    hours_misconfigured: [
      'Ouvrez {portal}{portalLink} et connectez-vous.',
      'Ouvrez {hours} pour le magasin concerné.',
      'Renseignez des horaires pour chaque jour où le magasin prend des commandes et supprimez les créneaux qui se chevauchent.',
      'Enregistrez, puis vérifiez que le magasin apparaît ouvert à cette heure-ci.',
      'Revenez sur la page de réparation et choisissez {done}.',
    ],
  },
  providerSteps: {
    deliveroo: {
      store_inactive: [
        'Ouvrez {portal}{portalLink}, puis {stores}.',
        'Repérez le site concerné et regardez {storeStatus} : un site marqué inactif ne reçoit aucune commande.',
        'Si vous l’avez fermé vous-même, rouvrez-le pour les horaires d’aujourd’hui.',
        'Si Deliveroo l’a rendu inactif, par exemple dans l’attente d’un document ou après un contrôle de la tablette, écrivez-leur via {support} pour savoir ce qu’il faut pour le réactiver.',
        'Quand le site apparaît actif, revenez sur la page de réparation et choisissez {done}.',
      ],
    },
    doordash: {
      store_inactive: [
        'Ouvrez {portal}{portalLink}, puis {stores}, et sélectionnez le magasin concerné.',
        'Ouvrez {storeStatus} : si le magasin est en pause, levez la pause.',
        'S’il est indiqué comme désactivé, seul DoorDash peut le réactiver : contactez-les via {support}.',
        'Dès que le magasin accepte de nouveau des commandes, revenez sur la page de réparation et choisissez {done}.',
      ],
    },
  },
};
