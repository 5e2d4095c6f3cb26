// Cloud printers (Star CloudPRNT) of an organization: registered to a store by MAC address, with a
// password answered once (the printer keeps it; we keep its hash), listed with their last poll.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { PrinterRow } from '../../../../core/db/entities/index.js';
import { MAC_PATTERN } from '../../../../core/services/printers/mac-address.js';
import { listPrinters, registerPrinter, rotatePrinterPassword } from '../../../../core/services/printers/printers.service.js';
import { Id, ListOf, OrgIdParams, PageQuery, Timestamp, pageOf, problemResponses } from '../../../schemas/common.schemas.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';

const PrinterBody = Type.Object(
  {
    storeId: Id('str'),
    mac: Type.String({ pattern: MAC_PATTERN, description: 'The printer\'s MAC address, e.g. 00:11:62:0a:1b:2c (as on its self-test print).' }),
    codepage: Type.Optional(Type.Enum(['windows1252', 'cp858'], { description: 'windows1252 (default) prints every letter of en/es/fr/it/pt; cp858 for printers without it.' })),
  },
  { additionalProperties: false },
);

const PrinterView = Type.Object({
  id: Id('prn'),
  orgId: Type.String(),
  storeId: Type.String(),
  mac: Type.String(),
  codepage: Type.String(),
  lastPollAt: Type.Union([Timestamp, Type.Null()]),
  lastStatus: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});

const RegisteredPrinter = Type.Intersect([
  PrinterView,
  Type.Object({
    cloudprntUrl: Type.String({ description: 'The Server URL to set in the printer\'s CloudPRNT settings.' }),
    username: Type.String({ description: 'HTTP Basic user name to set in the printer (its id).' }),
    password: Type.String({ description: 'HTTP Basic password to set in the printer. Shown only in this answer.' }),
  }),
]);

const PrinterParams = Type.Object({ orgId: Id('org'), printerId: Id('prn') }, { additionalProperties: false });

const printerView = (p: PrinterRow): Static<typeof PrinterView> => ({
  id: p.id,
  orgId: p.org,
  storeId: p.store,
  mac: p.mac,
  codepage: p.codepage,
  lastPollAt: p.lastPollAt?.toISOString() ?? null,
  lastStatus: p.lastStatus ?? null,
  createdAt: p.createdAt.toISOString(),
});

export const printersRoutes: FastifyPluginAsync<{ publicUrl: string }> = async (app, options) => {
  const tags = ['registry'];
  const withCredentials = (printer: PrinterRow, password: string) => ({ ...printerView(printer), cloudprntUrl: `${options.publicUrl.replace(/\/$/, '')}/cloudprnt`, username: printer.id, password });
  app.post<{ Params: { orgId: string }; Body: Static<typeof PrinterBody> }>(
    '/v1/orgs/:orgId/printers',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Register a cloud printer (Star CloudPRNT) to a store', params: OrgIdParams, body: PrinterBody, response: { 201: RegisteredPrinter, ...problemResponses(400, 401, 404, 409, 422) } } },
    async (request, reply) => {
      const { printer, password } = await registerPrinter(request.em, app.services, request.params.orgId, request.body);
      request.log.info({ printerId: printer.id, storeId: printer.store }, 'cloud printer registered');
      return reply.code(201).send(withCredentials(printer, password));
    },
  );
  app.post<{ Params: Static<typeof PrinterParams> }>(
    '/v1/orgs/:orgId/printers/:printerId/password',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Give a cloud printer a new password (the old one stops working)', params: PrinterParams, response: { 200: RegisteredPrinter, ...problemResponses(400, 401, 404) } } },
    async (request) => {
      const { printer, password } = await rotatePrinterPassword(request.em, app.services, request.params.orgId, request.params.printerId);
      request.log.info({ printerId: printer.id }, 'cloud printer password replaced');
      return withCredentials(printer, password);
    },
  );
  app.get<{ Params: { orgId: string }; Querystring: { limit?: number; offset?: number } }>(
    '/v1/orgs/:orgId/printers',
    { config: SUPPORT_TOO, schema: { tags, summary: 'List the cloud printers of an organization, with their last poll', params: OrgIdParams, querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: ListOf(PrinterView), ...problemResponses(400, 401, 404) } } },
    async (request) => ({ items: (await listPrinters(request.em, request.params.orgId, pageOf(request.query))).map(printerView) }),
  );
};
