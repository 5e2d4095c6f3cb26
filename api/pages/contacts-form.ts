// The contact-details form: flat HTML field names (`emergencyTechnical.0.email`) to the API's body,
// and the stored details (plus any errors) back to rows for the template. Blank rows are left out.
import { PHONE_MESSAGING, type PersonContact, type PhoneMessaging, type SupportHoursRange, type UserRow } from '../../core/db/entities/index.js';
import type { ContactDetails, ContactField } from '../../core/services/contacts/contact-completeness.js';
import type { FormFields } from './page-forms.js';
import { text } from './page-forms.js';

export const PEOPLE_LISTS = ['emergencyTechnical', 'nonEmergencyTechnical', 'merchantOperations', 'platformOperations'] as const;
type PeopleList = (typeof PEOPLE_LISTS)[number];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Rows a list may have; the form always offers one blank row more than it holds. */
const MAX_ROWS = 20;

const values = (form: FormFields, name: string): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => typeof v === 'string' && v !== '');
};

/** The posted choice as is (the API's schema refuses anything else); none posted, none sent. */
const messagingOf = (form: FormFields, name: string): { messaging?: PhoneMessaging } => {
  const value = text(form, name);
  return value ? { messaging: value as PhoneMessaging } : {};
};

function people(form: FormFields, list: PeopleList): Partial<PersonContact>[] {
  const rows: Partial<PersonContact>[] = [];
  for (let i = 0; i < MAX_ROWS; i += 1) {
    const [name, email, phone] = ['name', 'email', 'phone'].map((f) => text(form, `${list}.${i}.${f}`) ?? '');
    // The channel alone (it always has a value) does not make a blank row a contact.
    if (!name && !email && !phone) continue;
    rows.push({ name, email, ...(phone ? { phone } : {}), ...messagingOf(form, `${list}.${i}.messaging`) });
  }
  return rows;
}

/** The channel select (partial messaging-field): its field name and id, the saved (or posted) choice selected (SMS when none), its error. */
const messagingField = (name: string, id: string, chosen: PhoneMessaging | undefined, error: string | null) => ({
  name,
  id,
  options: PHONE_MESSAGING.map((value) => ({ value, labelKey: `page.messaging.${value}`, selected: value === (chosen ?? 'sms') })),
  error,
});

function supportHours(form: FormFields): Partial<SupportHoursRange>[] {
  const rows: Partial<SupportHoursRange>[] = [];
  for (let i = 0; i < 7; i += 1) {
    const days = values(form, `supportHours.${i}.days`);
    const from = text(form, `supportHours.${i}.from`) ?? '';
    const to = text(form, `supportHours.${i}.to`) ?? '';
    if (days.length === 0 && !from && !to) continue;
    rows.push({ days: days as SupportHoursRange['days'], from, to, timezone: text(form, `supportHours.${i}.timezone`) ?? '' });
  }
  return rows;
}

/** The API's PUT body, from the posted form. */
export function contactsBodyFromForm(form: FormFields) {
  const email = text(form, 'userFacingOperations.email') ?? '';
  const phone = text(form, 'userFacingOperations.phone') ?? '';
  return {
    alertContacts: values(form, 'alertContacts').map((userId) => ({ userId, ...messagingOf(form, `alertMessaging.${userId}`) })),
    emergencyTechnical: people(form, 'emergencyTechnical'),
    nonEmergencyTechnical: people(form, 'nonEmergencyTechnical'),
    merchantOperations: people(form, 'merchantOperations'),
    platformOperations: people(form, 'platformOperations'),
    userFacingOperations: email || phone ? { email, ...(phone ? { phone } : {}) } : null,
    supportHours: supportHours(form),
  };
}

type Errors = Record<string, string>;

/** A user in the alert-contacts list: ticked or not, and how their phone gets alerts. */
function alertContactRow(user: UserRow, chosen: { index: number; messaging?: PhoneMessaging } | undefined, errors: Errors) {
  return {
    id: user.id,
    label: user.name ? `${user.name} (${user.email})` : user.email,
    checked: chosen !== undefined,
    messaging: messagingField(`alertMessaging.${user.id}`, `alertMessaging-${user.id}`, chosen?.messaging, chosen ? errorAt(errors, `alertContacts.${chosen.index}.messaging`) : null),
  };
}
/** Field names and ids of row `i` of a list; `number` is what a screen reader announces. */
const rowNames = (list: string, i: number) => ({ prefix: `${list}.${i}`, idPrefix: `${list}-${i}`, number: i + 1 });
const errorAt = (errors: Errors, path: string) => errors[path] ?? null;

/** The form's sections as the template shows them: stored or posted values, one blank row more, errors beside fields. */
export function contactsFormModel(input: {
  details: ContactDetails | ReturnType<typeof contactsBodyFromForm>;
  missing: ContactField[];
  users: UserRow[];
  production: boolean;
  needsMerchantOperations: boolean;
  defaultTimezone: string;
  errors: Errors;
}) {
  const { details, errors } = input;
  const missing = new Set(input.missing);
  const lists = PEOPLE_LISTS.filter((list) => list !== 'merchantOperations' || input.needsMerchantOperations || details.merchantOperations.length > 0).map((list) => ({
    list,
    legendKey: `page.contacts.field.${list}`,
    hintKey: `page.contacts.hint.${list}`,
    missing: missing.has(list),
    rows: [...details[list], {}].map((person, i) => ({
      ...rowNames(list, i),
      name: person.name ?? '',
      email: person.email ?? '',
      phone: person.phone ?? '',
      messaging: messagingField(`${list}.${i}.messaging`, `${list}-${i}-messaging`, person.messaging, errorAt(errors, `${list}.${i}.messaging`)),
      errors: { name: errorAt(errors, `${list}.${i}.name`), email: errorAt(errors, `${list}.${i}.email`), phone: errorAt(errors, `${list}.${i}.phone`) },
    })),
  }));
  const alertAt = new Map(details.alertContacts.map((a, i) => [a.userId, { index: i, messaging: a.messaging }]));
  const hours = [...details.supportHours, { days: [], from: '', to: '', timezone: input.defaultTimezone }].map((range, i) => ({
    ...rowNames('supportHours', i),
    days: DAYS.map((day) => ({ day, labelKey: `page.day.${day}`, checked: (range.days ?? []).includes(day) })),
    from: range.from ?? '',
    to: range.to ?? '',
    timezone: range.timezone || input.defaultTimezone,
    errors: {
      days: errorAt(errors, `supportHours.${i}.days`),
      from: errorAt(errors, `supportHours.${i}.from`),
      to: errorAt(errors, `supportHours.${i}.to`),
      timezone: errorAt(errors, `supportHours.${i}.timezone`),
    },
  }));
  return {
    alertContacts: input.production
      ? { missing: missing.has('alertContacts'), error: errorAt(errors, 'alertContacts'), users: input.users.map((u) => alertContactRow(u, alertAt.get(u.id), errors)) }
      : null,
    lists,
    userFacing: {
      missing: missing.has('userFacingOperations'),
      email: details.userFacingOperations?.email ?? '',
      phone: details.userFacingOperations?.phone ?? '',
      errors: { email: errorAt(errors, 'userFacingOperations.email'), phone: errorAt(errors, 'userFacingOperations.phone') },
    },
    hours: { missing: missing.has('supportHours'), rows: hours.slice(0, 7) },
  };
}
