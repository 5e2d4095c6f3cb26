// The contract between the assistant and whatever answers: the offline engine today; an LLM
// engine could implement the same interface later without callers changing.
import type { ErrorType, Locale } from '../../core/providers/index.js';

export interface RepairContext {
  provider: string;
  errorType?: ErrorType | string | null;
  cause?: string | null;
}

export interface AskInput {
  question: string;
  locale?: Locale;
  repair?: RepairContext;
}

export interface AssistantAnswer {
  answered: boolean;
  locale: Locale;
  /** 0..1: how sure the engine is that the article answers the question. */
  confidence: number;
  article?: { slug: string; title: string; url: string };
  steps: string[];
  offerTicket: boolean;
  message: string;
}

export interface AnswerEngine {
  readonly name: string;
  answer(input: AskInput): Promise<AssistantAnswer>;
}

/** Ranked candidates, best first: what evaluation measures besides the single answer. */
export interface RankedCandidates {
  locale: Locale;
  slugs: string[];
}
