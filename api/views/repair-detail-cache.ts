// A repair's detail as the API answers it, kept by one API process per repair, acting user and
// locale under the organization's read revision (core/services/repairs/kept-answers.ts). Only the
// lost sales change with the clock: the kept text leaves their place open and they are counted per
// answer, as the list's pages do.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pickLocale } from '../../core/providers/index.js';
import { notFound } from '../../core/services/problem.js';
import { requirePermission } from '../../core/services/registry/permissions.js';
import { KeptAnswers, mayKeep } from '../../core/services/repairs/kept-answers.js';
import { lostSalesOf, type SalesProfile } from '../../core/services/repairs/lost-sales.js';
import type { AnswerSource } from '../../core/services/repairs/repair-list-cache.js';
import { readOrgRevision, readRepairDetail } from '../../core/services/repairs/repair-reads.js';
import { detailView } from './repair-view.js';

/** Details kept, in characters of JSON (a few KB each). */
export const DETAIL_CACHE_MAX_CHARS = 16 * 1024 * 1024;

interface KeptDetail {
  orgId: string;
  revision: string | null;
  /** The answer's text before and after its lost sales. */
  before: string;
  after: string;
  openedAt: Date;
  resolvedAt: Date | null;
  salesProfiles: SalesProfile[];
  size: number;
}

// The top level's key, unescaped: no JSON string can hold it (its quotes would be escaped), and no nested object has the key.
const LOST_SALES_SLOT = '"lostSales":null';

const render = (d: KeptDetail, now: Date) => d.before + JSON.stringify(lostSalesOf(d, d.salesProfiles, now)) + d.after;

export interface DetailRequest {
  repairId: string;
  actingUserId?: string;
  locale?: string;
}

export class RepairDetailCache {
  private readonly details: KeptAnswers<KeptDetail>;

  /** `answered` hears where each answer came from (a metric). */
  constructor(
    private readonly answered: (source: AnswerSource) => void = () => {},
    maxChars = DETAIL_CACHE_MAX_CHARS,
  ) {
    this.details = new KeptAnswers(maxChars);
  }

  /** The detail's JSON text at `now`, written by `serialize` (the route's own serializer); throws the route's 404 and 403. */
  async read(em: EntityManager, { repairId, actingUserId, locale }: DetailRequest, serialize: (view: object) => string, now: Date): Promise<string> {
    const key = JSON.stringify([repairId, actingUserId ?? null, locale ?? null]);
    const keeping = mayKeep(em);
    const kept = keeping ? await this.details.valid(key, (orgId) => readOrgRevision(em, orgId)) : undefined;
    if (kept) {
      this.answered('kept');
      return render(kept, now);
    }
    // The repair, its organization's locale and the acting user come in the one query.
    const repair = await readRepairDetail(em, repairId, actingUserId);
    if (!repair || (actingUserId && !repair.userId)) throw notFound('repair', repairId);
    const user = repair.userId ? { id: repair.userId, permissions: repair.userPermissions ?? [] } : undefined;
    if (user) requirePermission(user, 'integrations:view');
    const view = await detailView(em, repair, { user, locale: pickLocale([locale, repair.userLocale, repair.orgLocale]) });
    const text = serialize({ ...view, lostSales: null });
    const slot = text.indexOf(LOST_SALES_SLOT);
    this.answered('read');
    if (slot < 0) return serialize(view);
    const detail: KeptDetail = {
      orgId: repair.orgId,
      revision: repair.revision,
      before: text.slice(0, slot + LOST_SALES_SLOT.length - 'null'.length),
      after: text.slice(slot + LOST_SALES_SLOT.length),
      openedAt: new Date(repair.openedAt),
      resolvedAt: repair.resolvedAt ? new Date(repair.resolvedAt) : null,
      salesProfiles: repair.salesProfiles,
      size: text.length,
    };
    if (keeping) this.details.keep(key, detail);
    return render(detail, now);
  }
}
