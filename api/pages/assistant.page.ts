// "Ask the assistant" in the merchant pages: a conversation that is a plain form (post, then the
// page shows the whole conversation), which assistant.js turns into an in-place chat. Signed-in
// merchants get answers from their own open repairs; "Talk to a person" opens a ticket prefilled
// with the conversation and, where one matches, the repair.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HelpTurn } from '../../core/db/entities/index.js';
import { askInConversation } from '../help/assistant-conversation.js';
import { AskBody } from '../routes/v1/help/help.schemas.js';
import { currentConversation, currentConversationId, matchingRepair, pageScope, setCurrentConversation } from './assistant-session.js';
import { fieldErrors, formHandling, newFormId, seeOther, text } from './page-forms.js';
import { pageLocale, renderPage } from './page-layout.js';
import { ACTION_LIMIT } from './rate-limits.js';

const AssistantForm = Type.Object({ question: AskBody.properties.question }, { additionalProperties: false });

/** Where "Talk to a person" goes: the repair's ticket form when the conversation is about one repair. */
function talkHref(request: FastifyRequest, turns: readonly HelpTurn[]): string {
  const scope = request.merchant?.repairScope;
  if (scope) return `/repairs/${scope}/support?from=assistant`;
  if (!request.merchant) return `/sign-in?next=${encodeURIComponent('/support/tickets/new')}`;
  const repairId = matchingRepair(turns);
  return repairId ? `/repairs/${repairId}/support?from=assistant` : '/support/tickets/new?from=assistant';
}

const turnView = (turn: HelpTurn, index: number, all: readonly HelpTurn[]) => ({
  anchor: index === all.length - 1 ? 'latest' : `turn-${index + 1}`,
  question: turn.question,
  message: turn.message,
  steps: turn.steps,
  articles: turn.articles,
  repairs: turn.repairs.map((r) => ({ href: `/repairs/${r.repairId}`, providerName: r.providerName, accountRef: r.accountRef })),
});

interface AskForm {
  question: string;
  error: string | null;
  focus: boolean;
}

async function renderAssistant(request: FastifyRequest, reply: FastifyReply, form: AskForm, status = 200) {
  const turns = (await currentConversation(request))?.turns ?? [];
  const page = { turns: turns.map(turnView), talkHref: talkHref(request, turns), form: { ...form, formId: newFormId() } };
  return renderPage(request, reply, 'assistant', page, { titleKey: 'page.assistant.title', nav: 'support', withoutContactsDialog: true }, status);
}

export const assistantPage: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/support/assistant', { schema: { hide: true } }, async (request, reply) => renderAssistant(request, reply, { question: '', error: null, focus: false }));

  app.post(
    '/support/assistant',
    {
      schema: { hide: true, body: AssistantForm },
      attachValidation: true,
      config: { rateLimit: ACTION_LIMIT },
      preValidation: formHandling(app, (form) => ({ question: text(form, 'question') })),
    },
    async (request, reply) => {
      if (request.validationError) {
        const error = fieldErrors(request.validationError).question ?? 'page.error.question.invalid';
        return renderAssistant(request, reply, { question: request.body.question ?? '', error, focus: true }, 400);
      }
      const merchant = request.merchant;
      const conversationId = currentConversationId(request);
      const answer = await askInConversation(request.em, {
        question: request.body.question,
        locale: pageLocale(request),
        ...(conversationId ? { conversationId } : {}),
        scope: pageScope(request),
        // Someone not signed in is asking about nothing of theirs: no organization, no repairs.
        user: merchant?.user ?? { permissions: [] },
        onlyRepairId: merchant?.repairScope ?? null,
        linkTo: (id) => `/repairs/${id}`,
        unknownConversation: 'restart',
      });
      setCurrentConversation(request, answer.conversationId);
      request.log.info({ conversationId: answer.conversationId, orgId: merchant?.org.id, answered: answer.answered, followUp: answer.followUp, repairIds: answer.repairs.map((r) => r.repairId) }, 'help assistant answered');
      return seeOther(reply, '/support/assistant#latest');
    },
  );

  app.post('/support/assistant/restart', { schema: { hide: true }, preValidation: formHandling(app, () => ({})) }, async (request, reply) => {
    setCurrentConversation(request, undefined);
    return seeOther(reply, '/support/assistant');
  });
};
