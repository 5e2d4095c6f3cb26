// Request and response shapes of the registry (orgs, users, locations, brands, stores, connections).
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../../core/services/registry/permissions.js';
import { Email, Id, Locale, Name, Phone, Timestamp, Timezone } from '../../../schemas/common.schemas.js';
import { LineText } from '../../../schemas/text.schemas.js';

export const OrgBody = Type.Object(
  {
    name: Name,
    locale: Locale,
    timezone: Timezone,
    environment: Type.Enum(['sandbox', 'production']),
  },
  { additionalProperties: false },
);
export const OrgView = Type.Object(
  { id: Id('org'), name: Type.String(), locale: Type.String(), timezone: Type.String(), environment: Type.String(), createdAt: Timestamp },

);

export const UserBody = Type.Object(
  {
    email: Email,
    name: Type.Optional(Name),
    phone: Type.Optional(Phone),
    locale: Type.Optional(Locale),
    permissions: Type.Array(Type.Enum([...PERMISSIONS]), { maxItems: PERMISSIONS.length * 2 }),
  },
  { additionalProperties: false },
);
export const UserView = Type.Object(
  {
    id: Id('usr'),
    orgId: Type.String(),
    email: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    locale: Type.Union([Type.String(), Type.Null()]),
    permissions: Type.Array(Type.String()),
    createdAt: Timestamp,
  },

);

export const LocationBody = Type.Object({ name: Name, timezone: Type.Optional(Timezone) }, { additionalProperties: false });
export const LocationView = Type.Object(
  { id: Id('loc'), orgId: Type.String(), name: Type.String(), timezone: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp },

);

export const BrandBody = Type.Object({ name: Name }, { additionalProperties: false });
export const BrandView = Type.Object({ id: Id('brd'), orgId: Type.String(), name: Type.String(), createdAt: Timestamp });

export const StoreBody = Type.Object(
  {
    locationId: Id('loc'),
    brandId: Id('brd'),
    printerAddress: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.-]+(:[0-9]{1,5})?$', maxLength: 255, description: 'host[:port] of a POS printer (ESC/POS over TCP, port 9100 by default).' })),
    alertPhones: Type.Optional(Type.Array(Phone, { maxItems: 5, description: 'Phones that get this store\'s SMS alerts.' })),
    salesProfile: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[a-z0-9_]{2,40}$' }),
        Type.Object({ ordersPerHour: Type.Number({ minimum: 0, maximum: 10_000 }), averageOrderValue: Type.Number({ minimum: 0, maximum: 100_000 }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) }, { additionalProperties: false }),
        { description: 'Usual sales per provider, for lost-sales estimates.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export const StoreView = Type.Object(
  {
    id: Id('str'),
    orgId: Type.String(),
    locationId: Type.String(),
    brandId: Type.String(),
    printerAddress: Type.Union([Type.String(), Type.Null()]),
    alertPhones: Type.Array(Type.String()),
    salesProfile: Type.Union([Type.Record(Type.String(), Type.Object({ ordersPerHour: Type.Number(), averageOrderValue: Type.Number(), currency: Type.String() })), Type.Null()]),
    createdAt: Timestamp,
  },

);

export const ConnectionBody = Type.Object(
  {
    orgId: Id('org'),
    provider: Type.String({ pattern: '^[a-z0-9_]{2,40}$', description: 'A provider id from GET /v1/providers; any other is accepted and routed to support.' }),
    accountRef: LineText({ minLength: 1, maxLength: 200, pattern: '^[^\\s]+$' }),
    storeIds: Type.Array(Id('str'), { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export const ConnectionView = Type.Object(
  {
    id: Id('con'),
    orgId: Type.String(),
    provider: Type.String(),
    accountRef: Type.String(),
    selfRepairable: Type.Boolean({ description: 'False for providers outside the catalogue: their repairs go straight to support.' }),
    status: Type.Enum(['healthy', 'needs_attention']),
    storeIds: Type.Array(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },

);
