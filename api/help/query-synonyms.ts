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
    // A store switched off, the provider's back office by its other names.
    switched: 'inactive', disabled: 'inactive', suspended: 'inactive', dashboard: 'portal', backoffice: 'portal',
    pwd: 'password', login: 'sign in', logon: 'sign in', otp: 'verification code', '2fa': 'verification code', text: 'code', pin: 'code',
    down: 'outage', broken: 'not working outage', loads: 'not working', crashing: 'not working outage',
    closed: 'inactive', paused: 'inactive', offline: 'inactive paused', deactivated: 'inactive',
    branch: 'store location', missing: 'not found',
    mobile: 'contact phone number', add: 'update contact', manager: 'contact', chef: 'contact', owner: 'contact', wife: 'contact', husband: 'contact',
    arriving: 'receiving', tonight: 'later', tomorrow: 'later', slammed: 'busy', weird: 'alert message',
    // Another company's software refused, an alert's own channel doubted, support's hours, one more store.
    outside: 'third party partner', external: 'third party partner', company: 'third party partner', companies: 'third party partner', integrations: 'integration partner',
    link: 'alert', scam: 'alert message', phishing: 'alert message', legit: 'alert message',
    weekend: 'support hours', saturday: 'support hours', sunday: 'support hours', reply: 'response time', answer: 'response time', request: 'ticket',
    second: 'location not found', another: 'location not found',
    // The provider's portal as merchants name it, and a fix they say they made there.
    website: 'portal', done: 'completed', confirm: 'completed', tick: 'completed', shop: 'store',
    // Busy now, tomorrow (Spanish "mañana" is left out: it is "this morning" too, when orders
    // stopped), and verbs the stemmer gives another stem than the article's noun or participle
    // (accéder/accès, ricevo/ricevuto, reçois/reçu; English stems them alike).
    rush: 'busy',
  },
  es: {
    apagado: 'inactivo', apagada: 'inactivo', suspendido: 'inactivo', suspendida: 'inactivo', suspendieron: 'inactivo', baja: 'inactivo', panel: 'portal', authenticator: 'autenticacion',
    clave: 'contrasena', password: 'contrasena', cambie: 'cambiada', olvide: 'restablecer', login: 'iniciar sesion',
    caido: 'caida', carga: 'caida no funciona', funciona: 'caida no funciona', cerrado: 'inactivo', offline: 'inactivo pausado', pausado: 'inactivo', desactivado: 'inactivo',
    encargado: 'contacto', responsable: 'contacto', dueno: 'contacto', esposa: 'contacto', marido: 'contacto', socio: 'contacto', lleguen: 'quien recibe', llegan: 'recibe',
    luego: 'mas tarde', noche: 'mas tarde', tope: 'ocupado',
    externa: 'terceros socio', externo: 'terceros socio', empresa: 'terceros socio', empresas: 'terceros socio', integraciones: 'integracion socio', dejan: 'permitido',
    enlace: 'alerta', link: 'alerta', estafa: 'alerta mensaje', fraude: 'alerta mensaje', raro: 'alerta mensaje',
    sabado: 'horario de soporte', domingo: 'horario de soporte', semana: 'horario de soporte', responden: 'tiempo de respuesta', respuesta: 'tiempo de respuesta', solicitud: 'ticket',
    segundo: 'sucursal no encontrado', segunda: 'sucursal no encontrado',
    web: 'portal', pagina: 'portal', hecho: 'completado', confirmar: 'completado', marcar: 'completado', corregir: 'arreglo',
    acceder: 'acceso', recibi: 'recibi recibe',
  },
  fr: {
    eteint: 'inactif', eteinte: 'inactif', suspendu: 'inactif', suspendue: 'inactif', espace: 'portail', authenticator: 'authentification',
    // Quebec and spoken French: hors service, texto, courriel, cell; resto and boutique for the store.
    hs: 'hors service panne', texto: 'sms', courriel: 'mail', cell: 'telephone', cellulaire: 'telephone', resto: 'restaurant etablissement', boutique: 'magasin etablissement',
    mdp: 'mot de passe', password: 'mot de passe', oublie: 'reinitialisez', login: 'connexion', redemande: 'code',
    ferme: 'inactif', pause: 'inactif', ligne: 'inactif', tablette: 'etablissement inactif',
    marche: 'panne', bug: 'panne', plante: 'panne', charger: 'panne',
    portable: 'contact telephone', chef: 'contact', responsable: 'contact', gerant: 'contact', patron: 'contact', epouse: 'contact', mari: 'contact', ajouter: 'modifier contact', droit: 'autorisation bloque',
    arrivent: 'recoit', soir: 'plus tard', rush: 'occupe',
    externe: 'tiers partenaire', exterieure: 'tiers partenaire', entreprise: 'tiers partenaire', societe: 'tiers partenaire', integrations: 'integration partenaire', laissent: 'autorisation',
    lien: 'alerte', arnaque: 'alerte message', fraude: 'alerte message', bizarre: 'alerte message', casse: 'rompue',
    samedi: 'horaires du support', dimanche: 'horaires du support', weekend: 'horaires du support', repondez: 'delai de reponse', reponse: 'delai de reponse', requete: 'ticket',
    deuxieme: 'site introuvable', second: 'site introuvable',
    web: 'portail', internet: 'portail', fini: 'termine', confirme: 'termine', cocher: 'termine', fait: 'termine', corriger: 'corrige',
    acceder: 'acces', recois: 'recu recoit', recevoir: 'recu recoit', recevons: 'recu recoit', tierces: 'tiers', tierce: 'tiers', demain: 'plus tard',
  },
  it: {
    spento: 'inattivo', spenta: 'inattivo', sospesa: 'inattivo', sospeso: 'inattivo', pannello: 'portale', authenticator: 'autenticazione',
    login: 'accesso', giu: 'disservizio', down: 'disservizio', carica: 'disservizio non funziona', ferma: 'disservizio',
    chiuso: 'inattivo', offline: 'inattivo pausa',
    socio: 'contatti', responsabile: 'contatti referente', titolare: 'contatti', moglie: 'contatti', marito: 'contatti', arrivano: 'riceve', stasera: 'piu tardi', ricordamelo: 'promemoria', pieni: 'occupato', strana: 'avviso',
    esterne: 'terze parti partner', esterna: 'terze parti partner', azienda: 'terze parti partner', aziende: 'terze parti partner', societa: 'terze parti partner', integrazioni: 'integrazione partner', permettono: 'consentito autorizzazione',
    link: 'avviso', truffa: 'avviso messaggio', frode: 'avviso messaggio',
    sabato: 'orari assistenza', domenica: 'orari assistenza', weekend: 'orari assistenza', rispondete: 'tempi di risposta', risposta: 'tempi di risposta', richiesta: 'ticket',
    secondo: 'locale non trovato', seconda: 'locale non trovato',
    sito: 'portale', web: 'portale', fatto: 'completato', confermare: 'completato', spuntare: 'completato', correggere: 'sistemato',
    accedere: 'accesso', ricevo: 'ricevuto riceve', ricevi: 'ricevuto riceve', domani: 'piu tardi',
  },
  pt: {
    desligado: 'inativa', desligada: 'inativa', suspendeu: 'inativa', suspensa: 'inativa', suspenso: 'inativa', painel: 'portal', trocou: 'alterada', troquei: 'alterada', trocaram: 'alterada',
    mudei: 'alterada', mudou: 'alterada', esqueci: 'redefina', login: 'entrar', password: 'senha',
    fora: 'indisponivel', baixo: 'indisponivel', fechada: 'inativa', offline: 'inativa pausada', pausada: 'inativa', almoco: 'horario', jantar: 'horario',
    socio: 'contacto', responsavel: 'contacto', gerente: 'contacto', dono: 'contacto', esposa: 'contacto', marido: 'contacto', authenticator: 'autenticacao', esquisito: 'alerta', chegam: 'recebe', logo: 'mais tarde', cheios: 'ocupado',
    externa: 'terceiros parceiro', externo: 'terceiros parceiro', empresa: 'terceiros parceiro', empresas: 'terceiros parceiro', integracoes: 'integracao parceiro', deixam: 'permitido',
    link: 'alerta', golpe: 'alerta mensagem', burla: 'alerta mensagem', fraude: 'alerta mensagem',
    sabado: 'horario do suporte', domingo: 'horario do suporte', semana: 'horario do suporte', respondem: 'tempo de resposta', resposta: 'tempo de resposta', chamado: 'ticket',
    segunda: 'filial nao encontrada', segundo: 'filial nao encontrada',
    site: 'portal', web: 'portal', feito: 'concluido', fiz: 'concluido', confirmar: 'concluido', marcar: 'concluido', corrigir: 'correcao',
    aceder: 'acesso', amanha: 'mais tarde',
  },
};

/** A key whose stem is this short is matched by the word's start too: "sabado" and "sabe" both stem "sab". */
const SHORT_STEM = 3;

interface Entry {
  key: string;
  stem: string;
  words: string;
}

const stemmed = new Map<Locale, readonly Entry[]>();

function tableOf(locale: Locale): readonly Entry[] {
  let table = stemmed.get(locale);
  if (!table) {
    const { stem } = LANGUAGE_STEMMERS[locale];
    table = Object.entries(SYMPTOMS[locale]).map(([key, words]) => ({ key: foldAccents(key), stem: stem(foldAccents(key)), words }));
    stemmed.set(locale, table);
  }
  return table;
}

/** The article words for one (folded) question word, if the table knows it. */
export function synonymsOf(word: string, locale: Locale): string | undefined {
  const stem = LANGUAGE_STEMMERS[locale].stem(word);
  const table = tableOf(locale);
  const same = (e: Entry): boolean => e.stem === stem && (e.stem.length > SHORT_STEM || word.startsWith(e.key.slice(0, SHORT_STEM + 1)));
  return (table.find(same) ?? (stem.length >= 6 ? table.find((e) => e.stem.length >= 5 && withinOneEdit(e.stem, stem)) : undefined))?.words;
}

export function expandQuery(q: string, locale: Locale): string {
  const extra = wordsOf(q).flatMap((w) => synonymsOf(w, locale) ?? []);
  return extra.length > 0 ? `${q} ${extra.join(' ')}` : q;
}
