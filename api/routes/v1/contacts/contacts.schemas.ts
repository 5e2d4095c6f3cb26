import { Type } from 'typebox';
import { Email, Id, Name, Phone, Timezone } from '../../../schemas/common.schemas.js';

const Messaging = Type.Enum(['sms', 'whatsapp', 'both'], { description: 'How the phone gets alerts: sms, whatsapp or both; sms when left out. WhatsApp needs a mobile number.' });
const Person = Type.Object({ name: Name, email: Email, phone: Type.Optional(Phone), messaging: Type.Optional(Messaging) }, { additionalProperties: false });
const People = Type.Array(Person, { maxItems: 20 });
const Clock = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'HH:MM, 24-hour clock' });

export const SupportHours = Type.Object(
  {
    days: Type.Array(Type.Enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), { minItems: 1, maxItems: 7, uniqueItems: true }),
    from: Clock,
    to: Clock,
    timezone: Timezone,
  },
  { additionalProperties: false },
);

export const ContactsBody = Type.Object(
  {
    actingUserId: Type.Optional(Id('usr')),
    alertContacts: Type.Array(Type.Object({ userId: Id('usr'), messaging: Type.Optional(Messaging) }, { additionalProperties: false }), { maxItems: 50 }),
    emergencyTechnical: People,
    nonEmergencyTechnical: People,
    merchantOperations: People,
    platformOperations: People,
    userFacingOperations: Type.Union([Type.Object({ email: Email, phone: Type.Optional(Phone) }, { additionalProperties: false }), Type.Null()]),
    supportHours: Type.Array(SupportHours, { maxItems: 21 }),
  },
  { additionalProperties: false },
);

export const ContactsView = Type.Object(
  {
    orgId: Type.String(),
    complete: Type.Boolean(),
    missing: Type.Array(Type.String()),
    updatedAt: Type.Union([Type.String(), Type.Null()]),
    confirmation: Type.Object({
      confirmedAt: Type.Union([Type.String(), Type.Null()]),
      confirmedBy: Type.Union([Type.String(), Type.Null()], { description: 'The user who confirmed; null when a backend did.' }),
      dueAt: Type.Union([Type.String(), Type.Null()], { description: 'When the organization is asked to confirm again (CONTACTS_CONFIRM_EVERY_DAYS after the last confirmation).' }),
      due: Type.Boolean({ description: 'The pages show the mandatory dialog until someone confirms.' }),
    }),
  },
  { additionalProperties: true },
);

export const ConfirmationBody = Type.Object({ actingUserId: Type.Optional(Id('usr')) }, { additionalProperties: false });
