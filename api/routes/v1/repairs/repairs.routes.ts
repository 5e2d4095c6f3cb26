import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TObject } from 'typebox';
import { Org } from '../../../../core/db/entities/index.js';
import { ListOf, problemResponses } from '../../../schemas/common.schemas.js';
import { actOnRepair, type ActedOn, type ActionRequest } from '../../../../core/services/repairs/repair-actions.js';
import { RepairListCache } from '../../../../core/services/repairs/repair-list-cache.js';
import type { AnswerSource } from '../../../../core/services/repairs/kept-answers.js';
import { RepairDetailCache } from '../../../views/repair-detail-cache.js';
import { localeFor, repairDetail } from '../../../views/repair-view.js';
import { findRepair } from '../../../../core/services/repairs/find-repair.js';
import { reportConnectionHealthy, reportDisconnection } from '../../../../core/services/repairs/start-repair.js';
import { Type } from '@fastify/type-provider-typebox';
import { Counter } from 'prom-client';
import { Id } from '../../../schemas/common.schemas.js';
import { notFound } from '../../../../core/services/problem.js';
import { ticketPreview } from '../../../views/ticket-preview.js';
import { requestRepairSupport } from '../../../../core/services/repairs/request-support.js';
import {
  ActionResult,
  ActorBody,
  CodeBody,
  CredentialsBody,
  DisconnectionAnswer,
  DisconnectionBody,
  RepairDetail,
  RepairListQuery,
  RepairParams,
  RepairQuery,
  RepairSummary,
  SupportBody,
} from './repairs.schemas.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';
import { actingUserIn } from '../../../../core/services/registry/acting-user.js';

const tags = ['repairs'];
const actionResponses = { 200: ActionResult, ...problemResponses(400, 401, 403, 404, 409, 422) };
const idempotencyKey = (request: FastifyRequest) => {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : undefined;
};

type App = Parameters<FastifyPluginAsyncTypebox>[0];

const answerWith = async (request: FastifyRequest, acted: ActedOn) => ({
  outcome: acted.answer.outcome,
  ...(acted.answer.codeExpired ? { codeExpired: true } : {}),
  ...(acted.answer.remindAt ? { remindAt: acted.answer.remindAt } : {}),
  repair: await repairDetail(request.em, acted.repair, { user: acted.user, locale: await localeFor(request.em, acted.repair.org, acted.user) }),
});

/** A string with a JSON content type goes out as is (the schema still documents it): the untyped reply takes it. */
const sendJsonText = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);

/** Reports from backends: a broken connection, or one seen working again. */
function reportRoutes(app: App): void {
  app.post(
    '/v1/disconnections',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Report a broken connection: starts its repair, or joins the one running', body: DisconnectionBody, response: { 202: DisconnectionAnswer, ...problemResponses(400, 401, 404, 503) } } },
    async (request, reply) => reply.code(202).send(await reportDisconnection(request.em, app.services, request.body)),
  );

  app.post(
    '/v1/connections/:connectionId/healthy',
    {
      config: SERVICE_ONLY,
      schema: {
        tags,
        summary: 'A backend saw the connection working again: ends its open repair as repaired elsewhere',
        params: Type.Object({ connectionId: Id('con') }, { additionalProperties: false }),
        response: { 202: Type.Object({ connectionId: Type.String(), repairId: Type.Union([Type.String(), Type.Null()]), signalled: Type.Boolean() }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => reply.code(202).send(await reportConnectionHealthy(request.em, app.services, request.params.connectionId)),
  );
}

/** Reading repairs: the list, one repair, and its printed ticket. */
function readRoutes(app: App): void {
  // This app's kept answers of the list and the detail (each answer checks them against the database's revision).
  const answered = new Counter({
    name: 'repair_read_answers_total',
    help: 'Answers of the repair list and detail by where they came from: kept (their read revision still current) or read from PostgreSQL.',
    labelNames: ['route', 'answer'] as const,
    registers: [app.metrics],
  });
  const counted = (route: string) => (answer: AnswerSource) => answered.inc({ route, answer });
  for (const route of ['/v1/repairs', '/v1/repairs/:repairId']) for (const answer of ['kept', 'read'] as const) answered.inc({ route, answer }, 0);
  const listPages = new RepairListCache(counted('/v1/repairs'));
  const details = new RepairDetailCache(counted('/v1/repairs/:repairId'));
  app.get(
    '/v1/repairs',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Repairs of an organization, newest first', querystring: RepairListQuery, response: { 200: ListOf(RepairSummary), ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request, reply) => {
      const { orgId, actingUserId, state, sort, limit = 100, offset = 0 } = request.query;
      if (actingUserId) await actingUserIn(request.em, orgId, actingUserId, 'integrations:view', 'querystring.actingUserId');
      // PostgreSQL writes the page's JSON (no rows to parse, nothing to serialize), kept until a write moves its revision.
      const body = await listPages.read(request.em, orgId, { state, sort, limit, offset }, new Date());
      if (body === null) throw notFound('organization', orgId);
      return sendJsonText(reply, body);
    },
  );

  app.get(
    '/v1/repairs/:repairId',
    { config: SUPPORT_TOO, schema: { tags, summary: 'A repair with its stores, help, history and the actions a user may take', params: RepairParams, querystring: RepairQuery, response: { 200: RepairDetail, ...problemResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      const { repairId } = request.params;
      const { actingUserId, locale } = request.query;
      return sendJsonText(reply, await details.read(request.em, { repairId, actingUserId, locale }, (view) => reply.serialize(view) as string, new Date()));
    },
  );

  app.get(
    '/v1/repairs/:repairId/ticket',
    { config: SUPPORT_TOO, schema: { tags, summary: 'HTML preview of the printed ticket for this repair (what a POS printer prints)', params: RepairParams, querystring: RepairQuery, produces: ['text/html'] } },
    async (request, reply) => {
      const repair = await findRepair(request.em, request.params.repairId);
      if (request.query.actingUserId) await actingUserIn(request.em, repair.org, request.query.actingUserId, 'integrations:view', 'querystring.actingUserId');
      const locale = await localeFor(request.em, repair.org, undefined, request.query.locale);
      const detail = await repairDetail(request.em, repair, { locale });
      const org = await request.em.findOne(Org, { id: repair.org });
      return reply.type('text/html; charset=utf-8').send(ticketPreview(detail, locale, org?.name ?? repair.org));
    },
  );
}

/** One action route answered with {outcome, repair}; `run` gets the body as its schema types it. */
function actionRoute<S extends TObject>(app: App, route: { path: string; summary: string; body: S }, run: (request: FastifyRequest, input: FastifyRequest<{ Body: Static<S> }>['body'] & Omit<ActionRequest, 'actingUserId'>) => Promise<ActedOn>): void {
  app.post<{ Params: Static<typeof RepairParams>; Body: Static<S> }>(
    `/v1/repairs/:repairId/${route.path}`,
    { config: SUPPORT_TOO, schema: { tags, summary: route.summary, params: RepairParams, body: route.body, response: actionResponses } },
    async (request) => answerWith(request, await run(request, Object.assign({}, request.body, { repairId: request.params.repairId, idempotencyKey: idempotencyKey(request) }))),
  );
}

function actionRoutes(app: App): void {
  const { services } = app;
  actionRoute(app, { path: 'credentials', summary: 'Re-enter provider credentials: pairs the account and answers the outcome', body: CredentialsBody }, (request, input) =>
    actOnRepair(request.em, services, 'submit_credentials', input),
  );
  actionRoute(app, { path: 'verification-code', summary: 'Submit the verification code the provider sent', body: CodeBody }, (request, input) => actOnRepair(request.em, services, 'submit_verification_code', input));
  actionRoute(app, { path: 'steps-completed', summary: '"I have completed these steps": re-checks the connection', body: ActorBody }, (request, input) => actOnRepair(request.em, services, 'complete_steps', input));
  actionRoute(app, { path: 'defer', summary: '"I\'ll do it later": schedules a reminder', body: ActorBody }, (request, input) => actOnRepair(request.em, services, 'defer', input));

  app.post(
    '/v1/repairs/:repairId/support',
    {
      config: SUPPORT_TOO,
      schema: {
        tags,
        summary: 'Ask people for help: opens a chat ticket carrying the repair\'s full context',
        params: RepairParams,
        body: SupportBody,
        response: { 201: Type.Object({ ticketId: Type.String(), ticket: Type.Object({}, { additionalProperties: true }), outcome: Type.String(), repair: RepairDetail }), ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { acted, ticket } = await requestRepairSupport(request.em, app.services, { ...request.body, repairId: request.params.repairId, idempotencyKey: idempotencyKey(request) });
      return reply.code(201).send({ ticketId: ticket.id, ticket, ...(await answerWith(request, acted)) });
    },
  );
}

export const repairsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  reportRoutes(app);
  readRoutes(app);
  actionRoutes(app);
};
