// "Yes, they are still right": the confirm button of the mandatory dialog records who confirmed the
// contact details and when, then returns to the page the dialog covered.
import type { FastifyPluginAsync } from 'fastify';
import { confirmContacts } from '../../core/services/contacts/contact-confirmation.js';
import { merchantOf, requireMerchant, safeNext, setNotice } from './merchant-session.js';
import { formHandling, seeOther, text } from './page-forms.js';

export const contactsConfirmPage: FastifyPluginAsync = async (app) => {
  app.post(
    '/settings/contacts/confirm',
    { schema: { hide: true }, onRequest: requireMerchant, preValidation: formHandling(app, (form) => ({ next: text(form, 'next') })) },
    async (request, reply) => {
      const { user, org } = merchantOf(request);
      // A user who may not edit the details is refused (403) by the service, as over the API.
      await confirmContacts(request.em, org.id, user.id);
      setNotice(request, { key: 'page.contacts.confirmed', tone: 'ok' });
      return seeOther(reply, safeNext((request.body as { next?: string }).next));
    },
  );
};
