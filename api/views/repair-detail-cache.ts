// A repair's detail as the API answers it, kept by one API process per repair, acting user and
// locale under the organization's read revision (core/services/repairs/kept-answers.ts). Only the
// lost sales change with the clock: the kept text leaves their place open and they are counted per
// answer, as the list's pages do.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pickLocale } from '../../core/providers/index.js';
import { notFound } from '../../core/services/problem.js';
import { requirePermission } from '../../core/services/registry/permissions.js';
import { KeptAnswers, type AnswerSource } from '../../core/services/repairs/kept-answers.js';
import { lostSalesOf, type SalesProfile } from '../../core/services/repairs/lost-sales.js';
import { readRepairDetail } from '../../core/services/repairs/repair-reads.js';
import { detailView } from './repair-view.js';

/** Details kept, in characters of JSON (a few KB each). */
export const DETAIL_CACHE_MAX_CHARS = 16 * 1024 * 1024;

interface KeptDetail {
  orgId: string;
  revision: string | null;
  /** The answer's text before and after its lost sales (after: null when the text has no place for them, and is the whole answer). */
  before: string;
  after: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  salesProfiles: SalesProfile[];
  size: number;
}

// The top level's key, unescaped: no JSON string can hold it (its quotes would be escaped), and no nested object has the key.
const LOST_SALES_SLOT = '"lostSales":null';

const render = (d: KeptDetail, now: Date) => (d.after === null ? d.before : d.before + JSON.stringify(lostSalesOf(d, d.salesProfiles, now)) + d.after);

export interface DetailRequest {
  repairId: string;
  actingUserId?: string;
  locale?: string;
}

export class RepairDetailCache {
  private readonly details: KeptAnswers<KeptDetail>;

  /** `answered` hears where each answer came from (a metric). */
  constructor(answered?: (source: AnswerSource) => void, maxChars = DETAIL_CACHE_MAX_CHARS) {
    this.details = new KeptAnswers(maxChars, answered);
  }

  /** The detail's JSON text at `now`, written by `serialize` (the route's own serializer); throws the route's 404 and 403. */
  async read(em: EntityManager, request: DetailRequest, serialize: (view: object) => string, now: Date): Promise<string> {
    const key = JSON.stringify([request.repairId, request.actingUserId ?? null, request.locale ?? null]);
    return render((await this.details.answer(em, key, () => readDetail(em, request, serialize)))!, now);
  }
}

async function readDetail(em: EntityManager, { repairId, actingUserId, locale }: DetailRequest, serialize: (view: object) => string): Promise<KeptDetail> {
  // The repair, its organization's locale and the acting user come in the one query.
  const repair = await readRepairDetail(em, repairId, actingUserId);
  if (!repair || (actingUserId && !repair.userId)) throw notFound('repair', repairId);
  const user = repair.userId ? { id: repair.userId, permissions: repair.userPermissions ?? [] } : undefined;
  if (user) requirePermission(user, 'integrations:view');
  const view = await detailView(em, repair, { user, locale: pickLocale([locale, repair.userLocale, repair.orgLocale]) });
  const text = serialize({ ...view, lostSales: null });
  const slot = text.indexOf(LOST_SALES_SLOT);
  const lostSalesInputs = { openedAt: new Date(repair.openedAt), resolvedAt: repair.resolvedAt ? new Date(repair.resolvedAt) : null, salesProfiles: repair.salesProfiles };
  // Without a place for the lost sales (not expected), the whole answer is written with them and not kept.
  if (slot < 0) return { orgId: repair.orgId, revision: null, before: serialize(view), after: null, ...lostSalesInputs, size: 0 };
  return {
    orgId: repair.orgId,
    revision: repair.revision,
    before: text.slice(0, slot + LOST_SALES_SLOT.length - 'null'.length),
    after: text.slice(slot + LOST_SALES_SLOT.length),
    ...lostSalesInputs,
    size: text.length,
  };
}
