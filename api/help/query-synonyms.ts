// Words merchants use that our articles say differently: a question is searched with its own
// words plus these. This is the per-language symptom table: the left side is what a merchant
// writes when something is wrong ("broken", "tonight", "my manager's mobile"), the right side
// the words of the article that covers it. Keys are matched by their stem (accent-folded, one
// typo allowed for long words), so "reminding" finds "remind" and "desactivada" "desactivado".
import type { Locale } from '../../core/providers/index.js';
import { withinOneEdit } from './edit-distance.js';
import { LANGUAGE_STEMMERS } from './language-stemmers.js';
import { wordsOf } from './search-terms.js';
import { foldAccents } from './text-folding.js';

const SYMPTOMS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    pwd: 'password', login: 'sign in', logon: 'sign in', otp: 'verification code', '2fa': 'verification code', sms: 'verification code', text: 'code', pin: 'code',
    down: 'outage', broken: 'not working outage', loads: 'not working', crashing: 'not working outage',
    closed: 'inactive', paused: 'inactive', offline: 'inactive paused', deactivated: 'inactive',
    branch: 'store location', missing: 'not found',
    mobile: 'contact phone number', add: 'update contact', manager: 'contact', chef: 'contact',
    tonight: 'later', tomorrow: 'later', slammed: 'busy', weird: 'alert message',
  },
  es: {
    clave: 'contrasena', password: 'contrasena', cambie: 'cambiada', olvide: 'restablecer', login: 'iniciar sesion', sms: 'codigo verificacion',
    caido: 'caida', carga: 'caida no funciona', funciona: 'caida no funciona', cerrado: 'inactivo', pausado: 'inactivo', desactivado: 'inactivo',
    encargado: 'contacto', movil: 'contacto telefono', socio: 'contacto', lleguen: 'quien recibe',
    luego: 'mas tarde', noche: 'mas tarde', tope: 'ocupado',
  },
  fr: {
    mdp: 'mot de passe', password: 'mot de passe', oublie: 'reinitialisez', login: 'connexion', sms: 'code verification', redemande: 'code',
    ferme: 'inactif', pause: 'inactif', ligne: 'inactif', tablette: 'etablissement inactif',
    marche: 'panne', bug: 'panne', plante: 'panne', charger: 'panne',
    portable: 'contact telephone', chef: 'contact', ajouter: 'modifier contact', droit: 'autorisation bloque',
    soir: 'plus tard', rush: 'occupe',
  },
  it: {
    login: 'accesso', sms: 'codice verifica', giu: 'disservizio', down: 'disservizio', carica: 'disservizio non funziona', ferma: 'disservizio',
    chiuso: 'inattivo', sospeso: 'inattivo',
    cellulare: 'contatti', socio: 'contatti', stasera: 'piu tardi', ricordamelo: 'promemoria', pieni: 'occupato', strana: 'avviso',
  },
  pt: {
    mudei: 'alterada', mudou: 'alterada', esqueci: 'redefina', login: 'entrar', password: 'senha', sms: 'codigo verificacao',
    fora: 'indisponivel', baixo: 'indisponivel', fechada: 'inativa', pausada: 'inativa', almoco: 'horario', jantar: 'horario',
    telemovel: 'contacto', socio: 'contacto', authenticator: 'autenticacao', esquisito: 'alerta', logo: 'mais tarde', cheios: 'ocupado',
  },
};

const stemmed = new Map<Locale, ReadonlyArray<readonly [string, string]>>();

function tableOf(locale: Locale): ReadonlyArray<readonly [string, string]> {
  let table = stemmed.get(locale);
  if (!table) {
    const { stem } = LANGUAGE_STEMMERS[locale];
    table = Object.entries(SYMPTOMS[locale]).map(([key, words]) => [stem(foldAccents(key)), words] as const);
    stemmed.set(locale, table);
  }
  return table;
}

/** The article words for one (folded) question word, if the table knows it. */
export function synonymsOf(word: string, locale: Locale): string | undefined {
  const stem = LANGUAGE_STEMMERS[locale].stem(word);
  const table = tableOf(locale);
  return (table.find(([key]) => key === stem) ?? (stem.length >= 6 ? table.find(([key]) => key.length >= 5 && withinOneEdit(key, stem)) : undefined))?.[1];
}

export function expandQuery(q: string, locale: Locale): string {
  const extra = wordsOf(q).flatMap((w) => synonymsOf(w, locale) ?? []);
  return extra.length > 0 ? `${q} ${extra.join(' ')}` : q;
}
