// Building blocks shared by the route schemas.
import { Type, type TSchema } from 'typebox';
import { LOCALES } from '../../core/providers/index.js';
import { NameText } from './text.schemas.js';

export const Id = (prefix: string, description?: string) =>
  Type.String({ minLength: prefix.length + 2, maxLength: 64, pattern: `^${prefix}_[0-9a-z]+$`, description: description ?? `An id starting with \`${prefix}_\`.` });

export const Name = NameText();
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Phone = Type.String({ format: 'e164', description: 'E.164, e.g. +34600111222.' });
export const Timezone = Type.String({ format: 'iana-timezone', description: 'An IANA time zone, e.g. Europe/Madrid.' });
export const Locale = Type.Enum([...LOCALES], { description: 'One of en, es, fr, it, pt.' });
export const Timestamp = Type.String({ format: 'date-time' });

export const OrgIdParams = Type.Object({ orgId: Id('org') }, { additionalProperties: false });
export const OrgIdQuery = Type.Object({ orgId: Id('org') }, { additionalProperties: false });

export const ListOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** The standard problem answers a route can give, besides its success. */
export const problemResponses = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, Type.Ref('Problem')]));

/** How deep a list may be paged: far beyond any organization's records, and an OFFSET PostgreSQL reads cheaply (see docs/decisions.md). */
export const MAX_PAGE_OFFSET = 1_000_000;
export const MAX_PAGE_LIMIT = 500;

/** Every paginated list takes these two; the query validator reads them as plain decimal digits only. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: 100, description: `Items per page, 1 to ${MAX_PAGE_LIMIT}, in decimal digits.` })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0, description: `Items to skip, 0 to ${MAX_PAGE_OFFSET}, in decimal digits.` })),
};
export const pageOf = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 100, offset: q.offset ?? 0 });
