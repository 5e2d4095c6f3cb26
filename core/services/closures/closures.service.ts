// Planned closures of an organization's locations: created, listed, withdrawn. Every check of a
// closure's times is the closure rule's (closure-rule.ts), so the API and the pages refuse alike.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Location, LocationClosure, Org, type ClosureReason, type LocationClosureRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { ProblemError, notFound, unprocessable } from '../problem.js';
import { actingUserIn } from '../registry/acting-user.js';
import { findInOrg } from '../registry/lookup.js';
import { getOrg } from '../registry/orgs.service.js';
import { closureWindow, overlapping } from './closure-rule.js';

export interface ClosureInput {
  locationId: string;
  reason: ClosureReason;
  note?: string;
  startsLocal: string;
  endsLocal: string;
  /** Defaults to the location's time zone, else the organization's. */
  timezone?: string;
  actingUserId?: string;
}

export interface ClosureView {
  id: string;
  orgId: string;
  locationId: string;
  reason: ClosureReason;
  note: string | null;
  startsLocal: string;
  endsLocal: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  /** True while the closure is under way: the location's alerts are held. */
  active: boolean;
  createdBy: string | null;
  createdAt: string;
}

export const closureView = (c: LocationClosureRow, now = Date.now()): ClosureView => ({
  id: c.id,
  orgId: c.org,
  locationId: c.location,
  reason: c.reason,
  note: c.note ?? null,
  startsLocal: c.startsLocal,
  endsLocal: c.endsLocal,
  timezone: c.timezone,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt.toISOString(),
  active: c.startsAt.getTime() <= now && now < c.endsAt.getTime(),
  createdBy: c.createdBy ?? null,
  createdAt: c.createdAt.toISOString(),
});

async function locationOf(em: EntityManager, orgId: string, locationId: string) {
  const location = await em.findOne(Location, { id: locationId, org: orgId });
  if (!location) throw unprocessable('The location is not a location of this organization.', [{ name: 'body.locationId', in: 'body', reason: 'not a location of this organization' }]);
  return location;
}

/** Saves a closure the rule accepts; one that shares time with another of the location answers 409. */
export async function createClosure(em: EntityManager, orgId: string, input: ClosureInput, now = Date.now()): Promise<LocationClosureRow> {
  const org = await getOrg(em, orgId);
  if (input.actingUserId) await actingUserIn(em, orgId, input.actingUserId, 'contacts:edit', 'body.actingUserId');
  const location = await locationOf(em, orgId, input.locationId);
  const timezone = input.timezone ?? location.timezone ?? org.timezone;
  const checked = closureWindow({ startsLocal: input.startsLocal, endsLocal: input.endsLocal, timezone }, now);
  if ('problems' in checked) throw unprocessable('The closure cannot be planned as stated.', checked.problems.map((p) => ({ name: `body.${p.field === 'timezone' ? 'timezone' : p.field}`, in: 'body', reason: p.reason })));
  const existing = await em.find(LocationClosure, { location: location.id, endsAt: { $gt: new Date(checked.window.start) } });
  const clashes = overlapping(checked.window, existing.map((c) => ({ id: c.id, start: c.startsAt.getTime(), end: c.endsAt.getTime() })));
  if (clashes.length > 0) {
    throw new ProblemError({
      status: 409,
      kind: 'closure-overlaps',
      title: 'The location is already closed then',
      detail: 'This closure shares time with another closure of the location: change that one instead.',
      errors: [{ name: 'body.startsLocal', in: 'body', reason: `overlaps closure ${clashes.map((c) => c.id).join(', ')}` }],
      extra: { conflictingClosureIds: clashes.map((c) => c.id) },
    });
  }
  const closure = em.create(LocationClosure, {
    id: newId('clo'),
    org: orgId,
    location: location.id,
    reason: input.reason,
    note: input.note ?? null,
    startsLocal: input.startsLocal,
    endsLocal: input.endsLocal,
    timezone,
    startsAt: new Date(checked.window.start),
    endsAt: new Date(checked.window.end),
    createdBy: input.actingUserId ?? null,
  });
  await em.flush();
  return closure;
}

/** The closures under way or to come (those over are history), soonest first; one location's when asked. */
export async function listClosures(em: EntityManager, orgId: string, options: { locationId?: string; now?: number } = {}): Promise<LocationClosureRow[]> {
  await getOrg(em, orgId);
  const where = { org: orgId, endsAt: { $gt: new Date(options.now ?? Date.now()) }, ...(options.locationId ? { location: options.locationId } : {}) };
  return em.find(LocationClosure, where, { orderBy: { startsAt: 'asc', id: 'asc' }, limit: 500 });
}

export const getClosure = (em: EntityManager, orgId: string, id: string) => findInOrg(em, LocationClosure, orgId, id, 'closure');

/** Withdraws a closure (plans change). Alerts it already held still wait for its planned end. */
export async function deleteClosure(em: EntityManager, orgId: string, id: string, actingUserId?: string): Promise<void> {
  if (!(await em.findOne(Org, { id: orgId }))) throw notFound('organization', orgId);
  if (actingUserId) await actingUserIn(em, orgId, actingUserId, 'contacts:edit', 'query.actingUserId');
  const closure = await getClosure(em, orgId, id);
  await em.remove(closure).flush();
}
