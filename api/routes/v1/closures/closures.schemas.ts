import { Type } from 'typebox';
import { Id, Timestamp, Timezone } from '../../../schemas/common.schemas.js';
import { LineText } from '../../../schemas/text.schemas.js';

// The closure rule (core/services/closures/closure-rule.ts) decides whether the times make sense;
// the schema only says what shape they come in.
const LocalDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', description: 'Local wall-clock time in the closure\'s time zone, YYYY-MM-DDTHH:mm.' });
const Reason = Type.Enum(['holiday', 'renovation', 'other'], { description: 'Why the location is closed.' });

export const ClosureBody = Type.Object(
  {
    locationId: Id('loc'),
    reason: Reason,
    note: Type.Optional(LineText({ maxLength: 200 })),
    startsLocal: LocalDateTime,
    endsLocal: Type.String({ ...LocalDateTime, description: 'First local minute the location is open again (excluded from the closure).' }),
    timezone: Type.Optional(Type.String({ ...Timezone, description: 'IANA time zone of the local times; defaults to the location\'s, else the organization\'s.' })),
    actingUserId: Type.Optional(Id('usr', 'Plan it for this user: they need contacts:edit.')),
  },
  { additionalProperties: false },
);

export const ClosureView = Type.Object({
  id: Id('clo'),
  orgId: Type.String(),
  locationId: Type.String(),
  reason: Reason,
  note: Type.Union([Type.String(), Type.Null()]),
  startsLocal: Type.String(),
  endsLocal: Type.String(),
  timezone: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  active: Type.Boolean({ description: 'Under way now: alerts about the location\'s stores are held until `endsAt`.' }),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

export const ClosureParams = Type.Object({ orgId: Id('org'), closureId: Id('clo') }, { additionalProperties: false });
export const ClosureListQuery = Type.Object({ locationId: Type.Optional(Id('loc')) }, { additionalProperties: false });
export const ClosureDeleteQuery = Type.Object({ actingUserId: Type.Optional(Id('usr')) }, { additionalProperties: false });
