// An article file read by gray-matter (YAML front matter) and checked against what an article may
// carry, so a bad article stops the load naming its file instead of showing a broken page.
import matter from 'gray-matter';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { ERROR_TYPES, LOCALES, STORE_CONFIG_CAUSES } from '../../core/providers/index.js';

const ArticleFields = Type.Object(
  {
    slug: Type.Optional(Type.String({ minLength: 1 })),
    locale: Type.Optional(Type.Enum([...LOCALES])),
    title: Type.String({ minLength: 1 }),
    errorType: Type.Optional(Type.Enum([...ERROR_TYPES])),
    cause: Type.Optional(Type.Enum([...STORE_CONFIG_CAUSES])),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);
type ArticleFields = Static<typeof ArticleFields>;

export interface ArticleSource {
  fields: ArticleFields;
  /** Markdown, trimmed. */
  body: string;
}

const failure = (file: string, problem: string, cause?: unknown) => new Error(`Help article ${file}: ${problem}`, { cause });

/** The front matter and body of one article or template file; `file` names it in errors. */
export function readArticleSource(source: string, file: string): ArticleSource {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A file saved with Windows line endings would otherwise keep \r in its body.
    parsed = matter(source.replace(/\r\n/g, '\n'));
  } catch (error) {
    throw failure(file, `front matter is not valid YAML (${String(error).split('\n')[0]}); quote values that start with { or hold ": "`, error);
  }
  const problems = Value.Errors(ArticleFields, parsed.data).map((e) => `${e.instancePath || 'front matter'} ${e.message}`);
  if (problems.length > 0) throw failure(file, problems.join('; '));
  const body = parsed.content.trim();
  // gray-matter reads an unclosed front matter as the whole file: it leaves no body.
  if (body === '') throw failure(file, 'no body (is the front matter closed by ---?)');
  return { fields: parsed.data as ArticleFields, body };
}
