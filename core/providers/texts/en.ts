import type { ProviderTexts } from './provider-texts.js';

export const en: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Sign-in details no longer work',
    two_factor_required: 'A verification code is needed',
    mfa_required: 'Multi-factor verification is needed',
    third_party_blocked: 'The provider blocked our sign-in',
    invalid_store_config: 'The store needs a fix at the provider',
    provider_unavailable: 'The provider is having problems',
    unknown: 'An unrecognized problem',
  },
  causes: {
    store_inactive: 'The store is inactive or paused',
    non_traditional_login: 'The account signs in with Google or Apple only',
    store_not_found: 'The store is not linked to this account',
    menu_misconfigured: 'The menu cannot be published',
    hours_misconfigured: 'The opening hours are missing or invalid',
  },
  resolutions: {
    reconnect: 'Reconnect the account',
    merchant_portal: 'Follow the steps in the provider portal',
    retry: 'Nothing to do: we retry automatically',
    support: 'Our support team takes it from here',
  },
  quotes: ['“', '”'],
  done: 'I have completed these steps',
  generic: {
    portal: 'the {provider} merchant portal',
    stores: 'the list of stores',
    storeStatus: 'the store status',
    menu: 'the menu editor',
    hours: 'the opening hours',
    account: 'the users and sign-in settings',
    support: 'the merchant support contact',
  },
  steps: {
    store_inactive: [
      'Open {portal}{portalLink} and sign in with an administrator account.',
      'Open {stores} and select the affected store.',
      'Check {storeStatus}: if the store is paused, closed or inactive, switch it back to open.',
      'If the portal does not let you reopen it, {provider} closed it on their side: ask them to reactivate it through {support}.',
      'Once the store accepts orders again, return to the repair page and select {done}.',
    ],
    non_traditional_login: [
      'Open {portal}{portalLink} and sign in the way you usually do (Google, Apple or another single sign-on).',
      'Open {account} and select the user that is connected to us.',
      'Give that user a password sign-in (an e-mail address and a password), or invite a new user who signs in with a password.',
      'Return to the repair page, select {done}, then reconnect with that e-mail address and password.',
    ],
    store_not_found: [
      'Open {portal}{portalLink} and sign in with the account that is connected to us.',
      'Open {stores} and check that every affected store is in the list.',
      'If a store is missing, it belongs to another account at {provider}: connect that account instead, or ask {provider} to move the store through {support}.',
      'Return to the repair page and select {done}.',
    ],
    menu_misconfigured: [
      'Open {portal}{portalLink} and sign in.',
      'Open {menu} for the affected store.',
      'Fix every item the portal flags: a missing price, an empty category or option group, a missing photo.',
      'Publish the menu and wait until {provider} shows it as live.',
      'Return to the repair page and select {done}.',
    ],
    hours_misconfigured: [
      'Open {portal}{portalLink} and sign in.',
      'Open {hours} for the affected store.',
      'Set hours for every day the store takes orders, and remove time slots that overlap.',
      'Save, then check that the store shows as open at this time of day.',
      'Return to the repair page and select {done}.',
    ],
  },
  providerSteps: {
    deliveroo: {
      store_inactive: [
        'Open {portal}{portalLink} and go to {stores}.',
        'Find the affected site and look at {storeStatus}: a site marked inactive receives no orders.',
        'If you closed the site yourself, open it again for today’s opening hours.',
        'If Deliveroo made it inactive, for instance while a document is pending or after a tablet check, write to them through {support} and ask what they need to reactivate it.',
        'When the site shows as active, return to the repair page and select {done}.',
      ],
    },
    doordash: {
      store_inactive: [
        'Open {portal}{portalLink} and select the affected store in {stores}.',
        'Open {storeStatus}: if the store is paused, end the pause.',
        'If it is marked as deactivated, only DoorDash can turn it back on: contact them through {support}.',
        'Once the store accepts orders again, return to the repair page and select {done}.',
      ],
    },
  },
};
