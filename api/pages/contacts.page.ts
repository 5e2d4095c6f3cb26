// Settings → Contact details: the form (the API's PUT body and rules), and the Users tab to invite the
// right person. An incomplete form is saved as a draft and says what is still missing.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { User, type UserRow } from '../../core/db/entities/index.js';
import { ProblemError } from '../../core/services/problem.js';
import { translationsOf } from '../../core/i18n/index.js';
import { hasPermission } from '../../core/services/registry/permissions.js';
import { ContactsBody } from '../routes/v1/contacts/contacts.schemas.js';
import { UserBody } from '../routes/v1/registry/registry.schemas.js';
import type { ContactDetails } from '../../core/services/contacts/contact-completeness.js';
import { contactsContext, getContacts, putContacts } from '../../core/services/contacts/contacts.service.js';
import { inviteUser } from '../../core/services/registry/users.service.js';
import { sendInvitation } from '../../core/services/registry/invitations.js';
import { contactsBodyFromForm, contactsFormModel } from './contacts-form.js';
import { inviteBodyFromForm, inviteFormModel } from './invite-form.js';
import { merchantOf, requireMerchant, safeNext, setNotice } from './merchant-session.js';
import { fieldErrors, formHandling, seeOther, text, type FormFields } from './page-forms.js';
import { renderPage } from './page-layout.js';

const TIMEZONES = Intl.supportedValuesOf('timeZone');
type Posted = { details?: ReturnType<typeof contactsBodyFromForm>; errors?: Record<string, string>; invite?: Parameters<typeof inviteFormModel>[1] };

/** `body.alertContacts.0.userId` (a service's problem) → `alertContacts` beside the field. */
function problemErrors(problem: ProblemError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const path = e.name.replace(/^body\./, '').replace(/\.userId$/, '');
    const leaf = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? 'form';
    const key = `page.error.${leaf}.invalid`;
    errors[path] ??= Object.hasOwn(translationsOf('en'), key) ? key : 'page.error.field.invalid';
  }
  return errors;
}

async function renderContacts(request: FastifyRequest, reply: FastifyReply, posted: Posted = {}, status = 200) {
  const { user, org } = merchantOf(request);
  const [view, ctx, users] = await Promise.all([getContacts(request.em, org.id), contactsContext(request.em, org.id), request.em.find(User, { org: org.id }, { orderBy: { createdAt: 'asc' }, limit: 200 })]);
  const page = {
    canEdit: hasPermission(user, 'contacts:edit'),
    complete: view.complete,
    missing: view.missing.map((field) => ({ key: `page.contacts.field.${field}` })),
    form: contactsFormModel({
      details: posted.details ?? (view as ContactDetails),
      missing: view.missing,
      users,
      production: ctx.environment === 'production',
      needsMerchantOperations: ctx.needsMerchantOperations,
      defaultTimezone: org.timezone,
      errors: posted.errors ?? {},
    }),
    timezones: TIMEZONES,
    users: users.map((u) => ({ name: u.name ?? '', email: u.email, permissions: u.permissions.map((p) => ({ key: `page.permission.${p.replace(':', '.')}` })) })),
    invite: inviteFormModel(user, posted.invite),
  };
  return renderPage(request, reply, 'contacts', page, { titleKey: 'page.contacts.title', nav: 'contacts', withoutContactsDialog: true }, status);
}

export const contactsPages: FastifyPluginAsync = async (app) => {
  app.get('/settings/contacts', { schema: { hide: true }, onRequest: requireMerchant }, async (request, reply) => renderContacts(request, reply));

  app.post(
    '/settings/contacts',
    {
      schema: { hide: true, body: ContactsBody },
      attachValidation: true,
      onRequest: requireMerchant,
      preValidation: formHandling(app, (form, request) => ({ actingUserId: request.merchant?.user.id, ...contactsBodyFromForm(form) })),
    },
    async (request, reply) => {
      const { actingUserId, ...details } = request.body as ReturnType<typeof contactsBodyFromForm> & { actingUserId: string };
      if (request.validationError) return renderContacts(request, reply, { details, errors: fieldErrors(request.validationError) }, 400);
      try {
        await putContacts(request.em, merchantOf(request).org.id, details as ContactDetails, actingUserId);
        setNotice(request, { key: 'page.contacts.saved', tone: 'ok' });
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status !== 422) throw error;
        // Incomplete: kept as a draft; the page lists what is missing. Bad references: shown beside their fields.
        if (error.kind !== 'contacts-incomplete') return renderContacts(request, reply, { details, errors: problemErrors(error) }, 422);
        setNotice(request, { key: 'page.contacts.draft', tone: 'info' });
      }
      return seeOther(reply, '/settings/contacts');
    },
  );

  app.post(
    '/settings/users',
    {
      schema: { hide: true, body: UserBody },
      attachValidation: true,
      onRequest: requireMerchant,
      preValidation: formHandling(app, (form, request) => {
        request.inviteNext = safeNext(text(form, 'next'));
        return inviteBodyFromForm(form, merchantOf(request).user);
      }),
    },
    async (request, reply) => {
      const body = request.body as { email: string; name?: string; permissions: string[] };
      const posted = (errors: Record<string, string>) => ({ invite: { email: (body as FormFields).email as string, name: body.name, permissions: body.permissions, errors } });
      if (request.validationError) return renderContacts(request, reply, posted(fieldErrors(request.validationError)), 400);
      const inviter: UserRow = merchantOf(request).user;
      try {
        const invited = await inviteUser(request.em, inviter, body);
        await sendInvitation(app.services, { invitedUserId: invited.id, inviterUserId: inviter.id });
        setNotice(request, { key: 'page.users.invited', tone: 'ok', values: { email: invited.email } });
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status !== 409) throw error;
        return renderContacts(request, reply, posted({ email: 'page.error.email.taken' }), 409);
      }
      return seeOther(reply, request.inviteNext ?? '/settings/contacts');
    },
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    inviteNext?: string;
  }
}
