// The help assistant: one entry point, with the engine chosen once from the environment. Only
// the offline engine exists; HELP_ASSISTANT_ENGINE names another when one is written.
import type { AnswerEngine, AskInput, AssistantAnswer } from './answer-engine.js';
import { offlineAnswerEngine } from './offline-answer-engine.js';

export type { AnswerEngine, AskInput, AssistantAnswer, RepairContext } from './answer-engine.js';

const ENGINES: Readonly<Record<string, AnswerEngine>> = { offline: offlineAnswerEngine };

/** The engine named by the environment; an unknown or absent name means offline (never the network). */
export const answerEngineFrom = (env: NodeJS.ProcessEnv = process.env): AnswerEngine => ENGINES[env.HELP_ASSISTANT_ENGINE ?? 'offline'] ?? offlineAnswerEngine;

let engine: AnswerEngine | undefined;

export function askAssistant(input: AskInput): Promise<AssistantAnswer> {
  engine ??= answerEngineFrom();
  return engine.answer(input);
}
