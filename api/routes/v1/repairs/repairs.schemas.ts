import { Type } from 'typebox';
import { REPAIR_ACTIONS, REPAIR_STATES } from '../../../../workflows/repair/repair-rules.js';
import { Id, Locale, PageQuery, Timestamp } from '../../../schemas/common.schemas.js';
import { LineText, MessageText, SecretText } from '../../../schemas/text.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DisconnectionBody = Type.Object(
  {
    connectionId: Id('con'),
    errorCode: LineText({ minLength: 1, maxLength: 200, description: 'The provider\'s error code, as GET /v1/providers lists them.' }),
    errorMessage: Type.Optional(MessageText({ maxLength: 2000 })),
    occurredAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

export const DisconnectionAnswer = Type.Object({
  repairId: Type.String(),
  workflowId: Type.String(),
  state: Type.String(),
  joined: Type.Boolean({ description: 'True when the report joined a repair already running for this connection.' }),
});

export const RepairSummary = Type.Object(
  {
    id: Type.String(),
    workflowId: Type.String(),
    orgId: Type.String(),
    connectionId: Type.String(),
    provider: Type.String(),
    providerName: Type.String(),
    accountRef: Type.String(),
    state: Type.String(),
    errorCode: Nullable(Type.String()),
    errorType: Nullable(Type.String()),
    cause: Nullable(Type.String()),
    resolution: Nullable(Type.String()),
    storeCount: Type.Integer(),
    attempts: Type.Integer(),
    lastOutcome: Nullable(Type.String()),
    openedAt: Timestamp,
    updatedAt: Timestamp,
    resolvedAt: Nullable(Timestamp),
    outcome: Nullable(Type.String()),
  },
  { additionalProperties: true },
);

export const RepairDetail = Type.Intersect([
  RepairSummary,
  Type.Object(
    {
      stores: Type.Array(Type.Object({ id: Type.String(), location: Type.Object({ id: Type.String(), name: Type.String() }), brand: Type.Object({ id: Type.String(), name: Type.String() }) })),
      help: Type.Object({ locale: Type.String(), steps: Type.Array(Type.String()) }, { additionalProperties: true }),
      history: Type.Array(Type.Object({ at: Timestamp, kind: Type.String() }, { additionalProperties: true })),
      allowedActions: Type.Array(Type.String()),
      notifications: Type.Array(
        Type.Object({
          kind: Type.String(),
          status: Type.String({ description: 'recorded, delivered, held (a planned closure: until `sendAfter`) or suppressed (see `reason`)' }),
          reason: Type.Union([Type.String(), Type.Null()]),
          sendAfter: Type.Union([Timestamp, Type.Null()]),
          createdAt: Timestamp,
        }),
      ),
      acknowledgedBy: Nullable(Type.String({ description: 'Who took the repair in hand by answering an alert (SMS reply 1, a key on the escalation call); null until someone did.' })),
      acknowledgedAt: Nullable(Timestamp),
    },
    { additionalProperties: true },
  ),
]);

export const RepairParams = Type.Object({ repairId: Id('rep') }, { additionalProperties: false });
export const RepairQuery = Type.Object({ actingUserId: Type.Optional(Id('usr')), locale: Type.Optional(Locale) }, { additionalProperties: false });
export const RepairListQuery = Type.Object(
  {
    orgId: Id('org'),
    actingUserId: Type.Optional(Id('usr', 'List for this user: they need integrations:view.')),
    state: Type.Optional(Type.Enum([...REPAIR_STATES, 'open', 'closed'])),
    sort: Type.Optional(Type.Enum(['opened_at', 'lost_revenue'], { description: 'lost_revenue: the most costly repairs first.' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Actor = { actingUserId: Id('usr') };
export const CredentialsBody = Type.Object(
  { ...Actor, username: LineText({ minLength: 1, maxLength: 320 }), password: SecretText({ minLength: 1, maxLength: 512, writeOnly: true }) },
  { additionalProperties: false },
);
export const CodeBody = Type.Object({ ...Actor, code: Type.String({ pattern: '^[0-9A-Za-z]{4,10}$', writeOnly: true }) }, { additionalProperties: false });
export const ActorBody = Type.Object(Actor, { additionalProperties: false });
export const SupportBody = Type.Object({ ...Actor, message: MessageText({ minLength: 1, maxLength: 5000, pattern: '\\S' }) }, { additionalProperties: false });

export const ActionResult = Type.Object({
  outcome: Type.String({ description: 'healthy, verification_required, invalid_credentials, invalid_code, unresolved, new_error, deferred, support_requested, entry_expired, submit_again, pairing_failed' }),
  codeExpired: Type.Optional(Type.Boolean()),
  remindAt: Type.Optional(Timestamp),
  repair: RepairDetail,
});

export { REPAIR_ACTIONS };
