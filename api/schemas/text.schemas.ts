// The kinds of text the API stores, in one place. Every string a route accepts is one of these (or
// an enum, an id, or a strict format such as email): test/api/text-kinds.test.ts walks every route.
//   NameText     a name or title on one line: trimmed, white space collapsed, no control/invisible chars
//   LineText     one line kept as typed (username, error code, search words)
//   MessageText  multi-line free text: as LineText, but tabs and line breaks are allowed
//   SecretText   a password or secret: anything printable or not, but no NUL and no undecodable bytes
// Undecodable UTF-8 arrives as U+FFFD and lone surrogates stay as they are: every kind refuses both.
import { Type, type TStringOptions } from 'typebox';

export const TEXT_FORMATS = ['text-name', 'text-line', 'text-message', 'text-secret'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** The keyword that stores a name in its normalized form (ajv runs it after the checks above it). */
export const NORMALIZE_KEYWORD = 'x-normalize';

type Limits = Pick<TStringOptions, 'minLength' | 'maxLength' | 'pattern' | 'description' | 'writeOnly'>;

export const NameText = (limits: Limits = {}) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', ...limits, format: 'text-name', [NORMALIZE_KEYWORD]: 'name' });
export const LineText = (limits: Limits = {}) => Type.String({ maxLength: 200, ...limits, format: 'text-line' });
export const MessageText = (limits: Limits = {}) => Type.String({ maxLength: 5000, ...limits, format: 'text-message' });
export const SecretText = (limits: Limits = {}) => Type.String({ maxLength: 512, ...limits, format: 'text-secret' });

/** Why a field of each kind was refused, as the problem's `reason`. */
export const TEXT_FORMAT_REASONS: Record<TextFormat, string> = {
  'text-name': 'must be one line of visible characters (no control, bidirectional-override, zero-width or undecodable characters)',
  'text-line': 'must be one line of visible characters (no control, bidirectional-override, zero-width or undecodable characters)',
  'text-message': 'must be text without control characters other than line breaks and tabs (no bidirectional-override, zero-width or undecodable characters)',
  'text-secret': 'must not contain NUL or undecodable characters',
};
