// Label values come only from bounded sets: anything outside them is "other", so a provider typed
// by a caller, or a value added later, can never mint one series per id. Org and store ids are never labels.
import { ERROR_TYPES, PROVIDERS } from '../providers/index.js';
import { REPAIR_STATES } from '../../workflows/repair/repair-rules.js';
import { TEMPLATE_KINDS } from '../../templates/alert-data.js';

export const OTHER = 'other';
export const CATALOGUE_PROVIDERS: readonly string[] = PROVIDERS.map((p) => p.id);
const PROVIDER_IDS = new Set(CATALOGUE_PROVIDERS);
const ERROR_TYPE_SET = new Set<string>(ERROR_TYPES);
const STATE_SET = new Set<string>(REPAIR_STATES);
const TEMPLATE_SET = new Set<string>(TEMPLATE_KINDS);
const CHANNELS = new Set(['email', 'sms', 'whatsapp', 'ticket', 'call']);

const within = (set: ReadonlySet<string>, value: string | null | undefined, fallback = OTHER) => (value && set.has(value) ? value : fallback);

/** A catalogue provider id, or "other". */
export const providerLabel = (provider: string | null | undefined) => within(PROVIDER_IDS, provider);
/** One of the classified error types; an error not (yet) classified is "unknown", as the classifier says. */
export const errorTypeLabel = (errorType: string | null | undefined) => within(ERROR_TYPE_SET, errorType, 'unknown');
export const repairStateLabel = (state: string | null | undefined) => within(STATE_SET, state);
export const channelLabel = (channel: string | null | undefined) => within(CHANNELS, channel);
/** The alert kind of a message's template: the grouped "action needed" is still "action needed". */
export const alertKindLabel = (template: string | null | undefined) => (template === 'action_needed_grouped' ? 'action_needed' : within(TEMPLATE_SET, template));
