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
  steps: {
    store_inactive: [
      'Sign in to {portal} ({portalUrl}) with an administrator account.',
      'Open {stores} and pick the affected store.',
      'Check its status: if it is paused, inactive or closed, switch it back to open or active.',
      'If {provider} deactivated it, contact {provider} support from the portal and ask them to reactivate it.',
      'Come back here and choose "I have completed these steps".',
    ],
    non_traditional_login: [
      'Sign in to {portal} with the Google or Apple account you normally use.',
      'Open {account} and add a password sign-in (email and password) to this user.',
      'Keep the email and the new password at hand.',
      'Come back here, choose "I have completed these steps", then reconnect with that email and password.',
    ],
    store_not_found: [
      'Sign in to {portal} with the account connected to us.',
      'Open {stores} and check that every affected store is listed under this account.',
      'If a store is missing, ask {provider} support to add it to this account, or connect the account that owns it.',
      'Come back here and choose "I have completed these steps".',
    ],
    menu_misconfigured: [
      'Sign in to {portal} and open the menu of the affected store.',
      'Fix the items the portal marks as incomplete (a price, a category, an image) and publish the menu.',
      'Wait until {provider} shows the menu as published.',
      'Come back here and choose "I have completed these steps".',
    ],
    hours_misconfigured: [
      'Sign in to {portal} and open {stores}.',
      'Set opening hours for every day the store takes orders; remove overlapping slots.',
      'Save the hours and check that the store shows as open at the current time.',
      'Come back here and choose "I have completed these steps".',
    ],
  },
};
