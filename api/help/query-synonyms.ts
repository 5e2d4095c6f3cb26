// Words merchants use that our articles say differently: a question is searched with its own
// words plus these. Keys and values are accent-folded.
import type { Locale } from '../../core/providers/index.js';
import { wordsOf } from './search-terms.js';

const SYNONYMS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { pwd: 'password', login: 'sign in', logon: 'sign in', otp: 'verification code', '2fa': 'verification code', sms: 'verification code', text: 'code', down: 'outage', closed: 'inactive', paused: 'inactive' },
  es: { clave: 'contrasena', cambie: 'cambiada', olvide: 'restablecer', login: 'iniciar sesion', sms: 'codigo verificacion', caido: 'caida', cerrado: 'inactivo', pausado: 'inactivo' },
  fr: { mdp: 'mot de passe', oublie: 'reinitialisez', login: 'connexion', sms: 'code verification', ferme: 'inactif', pause: 'inactif' },
  it: { login: 'accesso', sms: 'codice verifica', giu: 'disservizio', chiuso: 'inattivo', sospeso: 'inattivo' },
  pt: { mudei: 'alterada', mudou: 'alterada', esqueci: 'redefina', login: 'entrar', sms: 'codigo verificacao', fora: 'indisponivel', fechada: 'inativa', pausada: 'inativa' },
};

export function expandQuery(q: string, locale: Locale): string {
  const extra = wordsOf(q).flatMap((w) => SYNONYMS[locale][w] ?? []);
  return extra.length > 0 ? `${q} ${extra.join(' ')}` : q;
}

/** The synonym words of one (folded) question word, if any. */
export const synonymsOf = (word: string, locale: Locale): string | undefined => SYNONYMS[locale][word];
