// JSON views of registry rows: what the API answers, in one place.
import type { BrandRow, ConnectionRow, LocationRow, OrgRow, StoreRow, UserRow } from '../../db/entities/index.js';

const iso = (d: Date) => d.toISOString();

export const orgView = (o: OrgRow) => ({
  id: o.id,
  name: o.name,
  locale: o.locale,
  timezone: o.timezone,
  environment: o.environment,
  createdAt: iso(o.createdAt),
});

export const userView = (u: UserRow) => ({
  id: u.id,
  orgId: u.org,
  email: u.email,
  name: u.name ?? null,
  phone: u.phone ?? null,
  locale: u.locale ?? null,
  permissions: u.permissions,
  createdAt: iso(u.createdAt),
});

export const locationView = (l: LocationRow) => ({ id: l.id, orgId: l.org, name: l.name, timezone: l.timezone ?? null, createdAt: iso(l.createdAt) });

export const brandView = (b: BrandRow) => ({ id: b.id, orgId: b.org, name: b.name, createdAt: iso(b.createdAt) });

export const storeView = (s: StoreRow) => ({
  id: s.id,
  orgId: s.org,
  locationId: s.location,
  brandId: s.brand,
  printerAddress: s.printerAddress ?? null,
  alertPhones: s.alertPhones ?? [],
  salesProfile: s.salesProfile ?? null,
  createdAt: iso(s.createdAt),
});

export const connectionView = (c: ConnectionRow) => ({
  id: c.id,
  orgId: c.org,
  provider: c.provider,
  accountRef: c.accountRef,
  selfRepairable: c.selfRepairable,
  status: c.status,
  storeIds: c.storeIds,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});
