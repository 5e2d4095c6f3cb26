// TypeBox schemas of the help center routes.
import { Type } from 'typebox';
import { ERROR_TYPES } from '../../../../core/providers/index.js';
import { Id, Locale } from '../../../schemas/common.schemas.js';
import { LineText, MessageText } from '../../../schemas/text.schemas.js';

const ErrorType = Type.Enum([...ERROR_TYPES]);
const Slug = Type.String({ minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' });

export const ArticleListQuery = Type.Object(
  {
    q: Type.Optional(LineText({ maxLength: 500, description: 'Words to search for; without it, the list of articles.' })),
    locale: Type.Optional(Locale),
    provider: Type.Optional(LineText({ minLength: 1, maxLength: 64, description: 'A provider id, e.g. `uber_eats`.' })),
    errorType: Type.Optional(ErrorType),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);

export const ArticleSummary = Type.Object({
  slug: Type.String(),
  locale: Locale,
  title: Type.String(),
  provider: Type.Union([Type.String(), Type.Null()]),
  errorType: Type.Union([Type.String(), Type.Null()]),
  cause: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
  url: Type.String(),
  snippet: Type.Optional(Type.String({ description: 'Search only: the sentence that best matches `q`.' })),
  score: Type.Optional(Type.Number({ description: 'Search only: relevance, higher is better.' })),
});

export const ArticleList = Type.Object({ items: Type.Array(ArticleSummary) });

export const ArticleParams = Type.Object({ slug: Slug }, { additionalProperties: false });
export const ArticleQuery = Type.Object({ locale: Type.Optional(Locale) }, { additionalProperties: false });

export const ArticleDetail = Type.Object({
  ...ArticleSummary.properties,
  body: Type.String({ description: 'Markdown.' }),
  steps: Type.Array(Type.String()),
});

export const AskBody = Type.Object(
  {
    question: MessageText({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
    locale: Type.Optional(Locale),
    repairId: Type.Optional(Id('rep', 'A repair the question is about (of `orgId` when one is given).')),
    orgId: Type.Optional(Id('org', 'The organization asking: its open repairs come first in the answer.')),
    userId: Type.Optional(Id('usr', 'The merchant user asking (needs `orgId`): what they may see and do shapes the answer.')),
    conversationId: Type.Optional(Id('hcv', 'Continues a conversation (from a previous answer of the same organization): follow-ups keep its topic.')),
  },
  { additionalProperties: false },
);

const ArticleRef = Type.Object({ slug: Type.String(), title: Type.String(), url: Type.String() });

export const RepairRef = Type.Object({
  repairId: Type.String(),
  provider: Type.String(),
  accountRef: Type.String(),
  state: Type.String(),
  link: Type.String({ description: 'The repair in the merchant pages (sign-in needed).' }),
  readOnly: Type.Boolean({ description: 'The user may follow the repair and read its steps, not reconnect or confirm a fix.' }),
});

export const AskAnswer = Type.Object({
  answered: Type.Boolean(),
  locale: Locale,
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  message: Type.String({ description: 'What the assistant says: first where the open repairs it is about stand, then the answer.' }),
  article: Type.Optional(ArticleRef),
  steps: Type.Array(Type.String()),
  articles: Type.Array(ArticleRef, { description: 'The articles the answer comes from, best first.' }),
  repairs: Type.Array(RepairRef, { description: 'Open repairs of `orgId` the answer is about; never another organization\'s.' }),
  offerTicket: Type.Boolean(),
  conversationId: Type.String({ description: 'Send it back with the next question to keep the context; it expires a day after the last question.' }),
  followUp: Type.Boolean({ description: 'The question was read with the previous question\'s topic ("and on Deliveroo?").' }),
});
