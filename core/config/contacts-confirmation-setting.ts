// How often an organization confirms its contact details, unless CONTACTS_CONFIRM_EVERY_DAYS says otherwise.
export const DEFAULT_CONFIRM_EVERY_DAYS = 90;
