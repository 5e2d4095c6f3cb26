import { Type } from '@fastify/type-provider-typebox';
import { Id } from '../../../schemas/common.schemas.js';
import { MessageText, NameText } from '../../../schemas/text.schemas.js';

export const Ticket = Type.Object(
  { id: Type.String(), orgId: Type.String(), subject: Type.String(), state: Type.String(), firstResponseDueAt: Type.Union([Type.String(), Type.Null()]), stateHistory: Type.Array(Type.Object({}, { additionalProperties: true })), messages: Type.Array(Type.Object({}, { additionalProperties: true })) },
  { additionalProperties: true },
);
export const TicketParams = Type.Object({ ticketId: Id('tkt') }, { additionalProperties: false });

export const NewTicketBody = Type.Object(
  { orgId: Id('org'), actingUserId: Id('usr'), subject: NameText({ maxLength: 200 }), message: MessageText({ minLength: 1, maxLength: 10_000, pattern: '\\S' }), repairId: Type.Optional(Id('rep')) },
  { additionalProperties: false },
);
export const TicketMessageBody = Type.Object({ author: Type.Enum(['merchant', 'agent']), actingUserId: Type.Optional(Id('usr')), body: MessageText({ minLength: 1, maxLength: 10_000, pattern: '\\S' }) }, { additionalProperties: false });
