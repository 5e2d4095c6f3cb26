// An organization's wake mark (notifier_wakes), set by hand as a recorder would have set it, `ageSeconds`
// ago: what a test needs to stage a signal that was lost, or a notifier that is gone.
import type { RepairStack } from './repair-stack.js';

export async function setWakeMark(stack: RepairStack, orgId: string, ageSeconds = 0): Promise<void> {
  await stack.db.orm.em.fork().getConnection().execute(
    'insert into notifier_wakes (org_id, woken_at) values (?, now() - make_interval(secs => ?)) on conflict (org_id) do update set woken_at = excluded.woken_at',
    [orgId, ageSeconds],
  );
}

/** The mark's time as PostgreSQL's text (to the microsecond), or undefined without a mark. */
export async function wakeMarkOf(stack: RepairStack, orgId: string): Promise<string | undefined> {
  const rows = await stack.db.orm.em.fork().getConnection().execute<{ woken_at: string }[]>('select woken_at::text as woken_at from notifier_wakes where org_id = ?', [orgId]);
  return rows[0]?.woken_at;
}
