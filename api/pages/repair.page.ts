// The repair dialog: every account that needs repair, then one account's screens (Reconnect →
// credentials → code → Done; merchant-portal steps; Unauthorized; Learn more). Actions go through
// the same services, schemas and authorization as the API's routes.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@fastify/type-provider-typebox';
import { Org, Repair, type RepairRow } from '../../core/db/entities/index.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { ProblemError, notFound } from '../../core/services/problem.js';
import { CLOSED_STATES, type RepairAction, type RepairState } from '../../workflows/repair/repair-rules.js';
import { hasPermission, requirePermission } from '../../core/services/registry/permissions.js';
import { ActorBody, CodeBody, CredentialsBody, RepairParams } from '../routes/v1/repairs/repairs.schemas.js';
import { LineText } from '../schemas/text.schemas.js';
import { actOnRepair, type ActedOn } from '../../core/services/repairs/repair-actions.js';
import { openRepairsOf, type OpenRepair } from '../views/open-repairs.js';
import { repairDetail } from '../views/repair-view.js';
import { findRepair } from '../../core/services/repairs/find-repair.js';
import { maySeeRepair, setFlash, takeFlash, merchantOf, requireMerchant, type Flash } from './merchant-session.js';
import { fieldErrors, formHandling, newFormId, secret, seeOther, text, type FormFields } from './page-forms.js';
import { pageLocale, renderFragment, renderPage } from './page-layout.js';
import { problemLabel, repairActionKey } from './repair-labels.js';
import { peopleToAsk, readOnlySteps, viewerNote } from './people-who-can.js';
import { repairStep } from './repair-step.js';
import { ACTION_LIMIT } from './rate-limits.js';
import { requirePagePermission } from './page-permissions.js';

type Params = { repairId: string };
type FormErrors = { username: string | null; password: string | null; code: string | null };
const NO_ERRORS: FormErrors = { username: null, password: null, code: null };

/** The repair, if the person looking may see it: a user of its organization (within their session's scope), or the guest its link opened. */
async function visibleRepair(request: FastifyRequest, repairId: string): Promise<RepairRow> {
  const repair = await findRepair(request.em, repairId);
  if (!maySeeRepair(request, repair)) throw notFound('repair', repairId);
  if (request.merchant) requirePermission(request.merchant.user, 'integrations:view');
  return repair;
}

/** What the live panel compares: it changes whenever the screen would. */
const liveKeyOf = (repair: RepairRow) => `${repair.state}:${repair.attempts}:${repair.lastOutcome ?? ''}`;


/** The organization's clock: a guest's session (a repair link) has no organization of its own loaded. */
const orgTimeZone = async (request: FastifyRequest, repair: RepairRow) => (await request.em.findOne(Org, { id: repair.org }))?.timezone ?? 'UTC';

async function repairModel(request: FastifyRequest, repair: RepairRow, consoleUrl: string | null, options: { flash: Flash | null; requested?: 'credentials'; form?: { username?: string; errors?: Partial<FormErrors> } }) {
  const locale = pageLocale(request);
  const user = request.merchant?.user;
  const detail = await repairDetail(request.em, repair, { user, locale });
  const step = repairStep({
    state: repair.state as RepairState,
    resolution: repair.resolution ?? null,
    lastOutcome: repair.lastOutcome ?? null,
    allowedActions: detail.allowedActions as RepairAction[],
    signedIn: Boolean(user),
    canReconnect: detail.permissions?.canReconnect ?? false,
    requested: options.requested,
    flash: options.flash,
  });
  // A session scoped to this repair has no list to go back to.
  const scoped = Boolean(request.merchant?.repairScope);
  const othersOpen = user && !scoped ? await request.em.count(Repair, { org: repair.org, state: { $nin: [...CLOSED_STATES] }, id: { $ne: repair.id } }) : 0;
  return {
    liveKey: liveKeyOf(repair),
    repair: {
      id: repair.id,
      providerName: detail.providerName,
      // Who answered an alert with "I'm on it" (null until someone did).
      acknowledgedBy: detail.acknowledgedBy,
      acknowledgedWhen: detail.acknowledgedAt ? formatDateTime(locale, detail.acknowledgedAt, await orgTimeZone(request, repair)) : null,
      accountRef: repair.accountRef,
      problemLabel: problemLabel(repair, locale),
      stores: detail.stores,
      storeCount: detail.stores.length,
      storesKey: 'page.stores.affected',
      multipleStores: detail.stores.length > 1,
      // Fixed in the provider's portal: the store is back, no account was reconnected.
      storeFixed: repair.resolution === 'merchant_portal',
      steps: step.kind === 'learn_more' ? readOnlySteps(detail.help.steps, locale) : detail.help.steps,
      portalName: detail.help.portalName ?? detail.providerName,
      portalUrl: detail.help.portalUrl,
      helpUrl: detail.help.article ? `/help/articles/${detail.help.article.slug}` : null,
    },
    step,
    people: step.kind === 'unauthorized' || step.kind === 'learn_more' ? await peopleToAsk(request, repair, { provider: detail.providerName, problem: problemLabel(repair, locale), locale }) : [],
    peopleKey: step.kind === 'learn_more' ? 'page.people.askConfirm' : 'page.people.askReconnect',
    form: { formId: newFormId(), username: options.form?.username ?? options.flash?.username ?? '', errors: { ...NO_ERRORS, ...options.form?.errors } },
    doneHref: scoped ? `/repairs/${repair.id}` : othersOpen > 0 ? '/repairs' : '/',
    sandboxConsole: consoleUrl && user && !CLOSED_STATES.includes(repair.state as RepairState) ? `${consoleUrl}/${repair.provider}/${encodeURIComponent(repair.accountRef)}` : null,
  };
}

async function renderRepair(request: FastifyRequest, reply: FastifyReply, repair: RepairRow, options: Parameters<typeof repairModel>[3], status = 200) {
  const page = await repairModel(request, repair, request.server.sandboxConsoleUrl, options);
  return renderPage(request, reply, 'repair', page, { titleKey: 'page.repair.pageTitle', titleValues: { provider: page.repair.providerName }, nav: 'home', withoutContactsDialog: true }, status);
}

function accountItem(r: OpenRepair, locale: ReturnType<typeof pageLocale>, canReconnect: boolean) {
  const waiting: Partial<Record<string, { key: string; tone: string }>> = {
    verifying: { key: 'page.status.verifying', tone: 'info' },
    retrying: { key: 'page.status.retrying', tone: 'info' },
    awaiting_support: { key: 'page.status.withSupport', tone: 'info' },
    awaiting_verification_code: { key: 'page.status.codeNeeded', tone: 'alert' },
  };
  const status = waiting[r.state];
  const actionKey = repairActionKey(r, canReconnect);
  return {
    id: r.id,
    providerName: r.providerName,
    accountRef: r.accountRef,
    problemLabel: problemLabel(r, locale),
    statusKey: status?.key ?? null,
    statusTone: status?.tone ?? 'info',
    stores: r.stores,
    storeCount: r.stores.length,
    storesKey: 'page.stores.affected',
    multipleStores: r.stores.length > 1,
    href: `/repairs/${r.id}`,
    actionKey,
    secondary: actionKey === 'page.action.view',
  };
}

/** Runs an action and answers the next screen: post/redirect/get on success, the form again on a refusal. */
async function act(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, run: () => Promise<ActedOn>, username?: string) {
  const repair = await visibleRepair(request, request.params.repairId);
  try {
    const acted = await run();
    if (acted.answer.outcome === 'deferred') {
      setFlash(request, { repairId: repair.id, outcome: 'deferred', ...(acted.answer.remindAt ? { remindAt: acted.answer.remindAt } : {}) });
      return seeOther(reply, request.merchant?.repairScope ? `/repairs/${repair.id}` : '/repairs');
    }
    setFlash(request, { repairId: repair.id, outcome: acted.answer.outcome, ...(acted.answer.codeExpired ? { codeExpired: true } : {}), ...(username && acted.answer.outcome === 'invalid_credentials' ? { username } : {}) });
    return seeOther(reply, `/repairs/${repair.id}`);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    // Not allowed: the Unauthorized screen. Moved on meanwhile (someone else acted): show where it is now.
    if (error.status === 403) return renderRepair(request, reply, repair, { flash: null }, 403);
    if (error.status === 409) {
      setFlash(request, { repairId: repair.id, outcome: 'moved_on' });
      return seeOther(reply, `/repairs/${repair.id}`);
    }
    throw error;
  }
}

function actionRoute<B>(app: FastifyInstance, path: string, body: object, toBody: (form: FormFields) => object, run: (request: FastifyRequest<{ Params: Params }>, body: B) => Promise<ActedOn>, onInvalid: (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, form: FormFields, errors: Record<string, string>) => Promise<unknown>) {
  app.post<{ Params: Params }>(
    `/repairs/:repairId/${path}`,
    {
      schema: { hide: true, params: RepairParams, body },
      attachValidation: true,
      onRequest: requireMerchant,
      preValidation: formHandling(app, (form, request) => ({ actingUserId: request.merchant?.user.id, ...toBody(form) })),
      config: { rateLimit: ACTION_LIMIT },
    },
    async (request, reply) => {
      if (request.validationError) return onInvalid(request, reply, request.body as FormFields, fieldErrors(request.validationError));
      const { username } = request.body as { username?: string };
      return act(request, reply, () => run(request, request.body as B), username);
    },
  );
}

export const repairPages: FastifyPluginAsync = async (app) => {
  const idempotency = (request: FastifyRequest) => (request.formId ? { idempotencyKey: `page-${request.formId}` } : {});

  app.get('/repairs', { schema: { hide: true }, onRequest: [requireMerchant, requirePagePermission('integrations:view')] }, async (request, reply) => {
    const { user, org } = merchantOf(request);
    const locale = pageLocale(request);
    const flash = takeFlash(request);
    const canReconnect = hasPermission(user, 'integrations:reconnect');
    const items = (await openRepairsOf(request.em, org.id)).map((r) => accountItem(r, locale, canReconnect));
    const notice = flash?.outcome === 'deferred' ? { key: flash.remindAt ? 'page.repairs.deferred' : 'page.repairs.deferredSoon', when: flash.remindAt ? formatDateTime(locale, flash.remindAt, org.timezone) : '' } : null;
    const viewer = canReconnect ? null : await viewerNote(request, org.id, locale);
    return renderPage(request, reply, 'repairs', { items, notice, viewerNote: viewer }, { titleKey: 'page.repairs.title', nav: 'home', withoutContactsDialog: true });
  });

  app.get<{ Params: Params; Querystring: { step?: string } }>(
    '/repairs/:repairId',
    { schema: { hide: true, params: RepairParams, querystring: Type.Object({ step: Type.Optional(Type.Literal('credentials')), locale: Type.Optional(LineText({ maxLength: 35 })) }) } },
    async (request, reply) => {
      if (!request.merchant && !request.guestRepairId) return seeOther(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
      const repair = await visibleRepair(request, request.params.repairId);
      return renderRepair(request, reply, repair, { flash: takeFlash(request, repair.id), requested: request.query.step === 'credentials' ? 'credentials' : undefined });
    },
  );

  app.get<{ Params: Params; Querystring: { key?: string } }>('/repairs/:repairId/panel', { schema: { hide: true, params: RepairParams, querystring: Type.Object({ key: Type.Optional(LineText({ maxLength: 200 })) }) } }, async (request, reply) => {
    const repair = await visibleRepair(request, request.params.repairId);
    // The page polls with the key it shows: nothing changed costs one row read and an empty answer.
    if (request.query.key === liveKeyOf(repair)) return reply.code(204).header('cache-control', 'no-store').send();
    return renderFragment(request, reply, 'repair-panel', await repairModel(request, repair, app.sandboxConsoleUrl, { flash: null }));
  });

  const showForm = (requested?: 'credentials') => async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, form: FormFields, errors: Record<string, string>) => {
    const repair = await visibleRepair(request, request.params.repairId);
    const username = typeof form.username === 'string' ? form.username : undefined;
    return renderRepair(request, reply, repair, { flash: null, requested, form: { username, errors } }, 400);
  };

  actionRoute<{ actingUserId: string; username: string; password: string }>(
    app,
    'credentials',
    CredentialsBody,
    (form) => ({ username: text(form, 'username'), password: secret(form, 'password') }),
    (request, body) => actOnRepair(request.em, app.services, 'submit_credentials', { repairId: request.params.repairId, ...body, ...idempotency(request) }),
    showForm('credentials'),
  );
  actionRoute<{ actingUserId: string; code: string }>(
    app,
    'verification-code',
    CodeBody,
    (form) => ({ code: text(form, 'code')?.replace(/[\s-]/g, '') }),
    (request, body) => actOnRepair(request.em, app.services, 'submit_verification_code', { repairId: request.params.repairId, ...body, ...idempotency(request) }),
    showForm(),
  );
  actionRoute<{ actingUserId: string }>(
    app,
    'steps-completed',
    ActorBody,
    () => ({}),
    (request, body) => actOnRepair(request.em, app.services, 'complete_steps', { repairId: request.params.repairId, ...body, ...idempotency(request) }),
    showForm(),
  );
  actionRoute<{ actingUserId: string }>(
    app,
    'defer',
    ActorBody,
    () => ({}),
    (request, body) => actOnRepair(request.em, app.services, 'defer', { repairId: request.params.repairId, ...body, ...idempotency(request) }),
    showForm(),
  );
};
