// Settings → Planned closures: the locations' closures under way or to come, a form to plan one (the
// API's body schema and the closure rule check it, so pages and API refuse alike) and withdrawal.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Location } from '../../core/db/entities/index.js';
import { ProblemError } from '../../core/services/problem.js';
import { hasPermission } from '../../core/services/registry/permissions.js';
import { closureView, createClosure, deleteClosure, listClosures, type ClosureInput } from '../../core/services/closures/closures.service.js';
import { ClosureBody } from '../routes/v1/closures/closures.schemas.js';
import { merchantOf, requireMerchant, setNotice } from './merchant-session.js';
import { fieldErrors, formHandling, seeOther, text, type FormFields } from './page-forms.js';
import { renderPage } from './page-layout.js';

const TIMEZONES = Intl.supportedValuesOf('timeZone');
const REASONS = ['holiday', 'renovation', 'other'] as const;
type Posted = { values?: Partial<ClosureInput>; errors?: Record<string, string> };

function bodyFromForm(form: FormFields): Partial<ClosureInput> {
  const note = text(form, 'note');
  return { locationId: text(form, 'locationId') || undefined, reason: text(form, 'reason') as ClosureInput['reason'], startsLocal: text(form, 'startsLocal'), endsLocal: text(form, 'endsLocal'), timezone: text(form, 'timezone') || undefined, ...(note ? { note } : {}) };
}

/** A refusal of the service (the closure rule, an overlap) as message keys beside its fields. */
function problemErrors(problem: ProblemError): Record<string, string> {
  if (problem.kind === 'closure-overlaps') return { startsLocal: 'page.error.closure.overlaps' };
  return Object.fromEntries((problem.errors ?? []).map((e) => {
    const field = e.name.replace(/^body\./, '');
    return [field, `page.error.${field}.invalid`];
  }));
}

async function renderClosures(request: FastifyRequest, reply: FastifyReply, posted: Posted = {}, status = 200) {
  const { user, org } = merchantOf(request);
  const [locations, closures] = await Promise.all([request.em.find(Location, { org: org.id }, { orderBy: { name: 'asc' }, limit: 500 }), listClosures(request.em, org.id)]);
  const names = new Map(locations.map((l) => [l.id, l.name]));
  const values = posted.values ?? {};
  const errors = posted.errors ?? {};
  const page = {
    canEdit: hasPermission(user, 'contacts:edit'),
    closures: closures.map((c) => ({ ...closureView(c), startsText: c.startsLocal.replace('T', ' '), endsText: c.endsLocal.replace('T', ' '), locationName: names.get(c.location) ?? '', reasonKey: `page.closures.reason.${c.reason}`, note: c.note ?? '' })),
    locations: locations.map((l) => ({ id: l.id, name: l.name, selected: l.id === values.locationId })),
    reasons: REASONS.map((r) => ({ value: r, key: `page.closures.reason.${r}`, selected: r === (values.reason ?? 'holiday') })),
    timezones: TIMEZONES.map((z) => ({ value: z, selected: z === (values.timezone ?? org.timezone) })),
    values: { startsLocal: values.startsLocal ?? '', endsLocal: values.endsLocal ?? '', note: values.note ?? '' },
    errors: { locationId: errors.locationId ?? '', startsLocal: errors.startsLocal ?? '', endsLocal: errors.endsLocal ?? '', timezone: errors.timezone ?? '', reason: errors.reason ?? '' },
  };
  return renderPage(request, reply, 'closures', page, { titleKey: 'page.closures.title', nav: 'closures' }, status);
}

export const closuresPages: FastifyPluginAsync = async (app) => {
  app.get('/settings/closures', { schema: { hide: true }, onRequest: requireMerchant }, async (request, reply) => renderClosures(request, reply));

  app.post(
    '/settings/closures',
    {
      schema: { hide: true, body: ClosureBody },
      attachValidation: true,
      onRequest: requireMerchant,
      preValidation: formHandling(app, (form, request) => ({ actingUserId: request.merchant?.user.id, ...bodyFromForm(form) })),
    },
    async (request, reply) => {
      const input = request.body as ClosureInput;
      if (request.validationError) return renderClosures(request, reply, { values: input, errors: fieldErrors(request.validationError) }, 400);
      try {
        await createClosure(request.em, merchantOf(request).org.id, input);
      } catch (error) {
        if (!(error instanceof ProblemError) || (error.status !== 422 && error.status !== 409)) throw error;
        return renderClosures(request, reply, { values: input, errors: problemErrors(error) }, error.status);
      }
      setNotice(request, { key: 'page.closures.saved', tone: 'ok' });
      return seeOther(reply, '/settings/closures');
    },
  );

  app.post<{ Params: { closureId: string } }>(
    '/settings/closures/:closureId/withdraw',
    { schema: { hide: true }, onRequest: requireMerchant, preValidation: formHandling(app, () => ({})) },
    async (request, reply) => {
      const { user, org } = merchantOf(request);
      await deleteClosure(request.em, org.id, request.params.closureId, user.id);
      setNotice(request, { key: 'page.closures.removed', tone: 'ok' });
      return seeOther(reply, '/settings/closures');
    },
  );
};
