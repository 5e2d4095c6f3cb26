// What a help article is once loaded: the same shape for general articles and expanded templates.
import type { ErrorType, Locale, StoreConfigCause } from '../../core/providers/index.js';

export interface HelpArticle {
  slug: string;
  locale: Locale;
  title: string;
  /** A catalogue provider id; absent for general articles. */
  provider?: string;
  errorType?: ErrorType;
  cause?: StoreConfigCause;
  tags: string[];
  /** Markdown, placeholders already filled. */
  body: string;
  /** The numbered steps of the body, in order (what the assistant hands back). */
  steps: string[];
}

export interface ArticleFilter {
  locale?: Locale;
  provider?: string;
  errorType?: ErrorType;
  cause?: StoreConfigCause;
}
