import type { ProviderTexts } from './provider-texts.js';

export const it: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Le credenziali di accesso non funzionano più',
    two_factor_required: 'Serve un codice di verifica',
    mfa_required: 'Serve una verifica in più passaggi',
    third_party_blocked: 'La piattaforma ha bloccato il nostro accesso',
    invalid_store_config: 'Il punto vendita va sistemato sulla piattaforma',
    provider_unavailable: 'La piattaforma ha dei problemi',
    unknown: 'Un problema non riconosciuto',
  },
  causes: {
    store_inactive: 'Il punto vendita è inattivo o in pausa',
    non_traditional_login: 'L’account accede solo con Google o Apple',
    store_not_found: 'Il punto vendita non è collegato a questo account',
    menu_misconfigured: 'Il menu non può essere pubblicato',
    hours_misconfigured: 'Gli orari mancano o non sono validi',
  },
  resolutions: {
    reconnect: 'Ricollegare l’account',
    merchant_portal: 'Seguire i passaggi nel portale della piattaforma',
    retry: 'Nulla da fare: riproviamo in automatico',
    support: 'Se ne occupa il nostro team di assistenza',
  },
  quotes: ['«', '»'],
  done: 'Ho completato questi passaggi',
  generic: {
    portal: 'il portale esercenti di {provider}',
    stores: 'l’elenco dei punti vendita',
    storeStatus: 'lo stato del punto vendita',
    menu: 'l’editor del menu',
    hours: 'gli orari di apertura',
    account: 'gli utenti e gli accessi',
    support: 'l’assistenza esercenti',
  },
  steps: {
    store_inactive: [
      'Apri {portal}{portalLink} e accedi con un account amministratore.',
      'Apri {stores} e seleziona il punto vendita interessato.',
      'Controlla {storeStatus}: se il punto vendita è in pausa, chiuso o inattivo, riaprilo.',
      'Se il portale non ti permette di riaprirlo, l’ha chiuso {provider}: chiedi la riattivazione tramite {support}.',
      'Quando il punto vendita accetta di nuovo ordini, torna alla pagina di riparazione e scegli {done}.',
    ],
    non_traditional_login: [
      'Apri {portal}{portalLink} e accedi come fai di solito (Google, Apple o un altro accesso unico).',
      'Apri {account} e seleziona l’utente collegato al nostro servizio.',
      'Aggiungi a quell’utente un accesso con password (un indirizzo e-mail e una password), oppure invita un nuovo utente che accede con password.',
      'Torna alla pagina di riparazione, scegli {done} e poi ricollegati con quell’indirizzo e-mail e quella password.',
    ],
    store_not_found: [
      'Apri {portal}{portalLink} e accedi con l’account collegato al nostro servizio.',
      'Apri {stores} e verifica che ogni punto vendita interessato compaia nell’elenco.',
      'Se ne manca uno, appartiene a un altro account presso {provider}: collega quell’account, oppure chiedi di spostare il punto vendita tramite {support}.',
      'Torna alla pagina di riparazione e scegli {done}.',
    ],
    menu_misconfigured: [
      'Apri {portal}{portalLink} e accedi.',
      'Apri {menu} per il punto vendita interessato.',
      'Correggi ogni voce segnalata dal portale: un prezzo mancante, una categoria o un gruppo di opzioni vuoto, una foto mancante.',
      'Pubblica il menu e attendi che {provider} lo mostri come online.',
      'Torna alla pagina di riparazione e scegli {done}.',
    ],
    hours_misconfigured: [
      'Apri {portal}{portalLink} e accedi.',
      'Apri {hours} per il punto vendita interessato.',
      'Imposta gli orari per ogni giorno in cui il punto vendita accetta ordini ed elimina le fasce che si sovrappongono.',
      'Salva e verifica che il punto vendita risulti aperto a quest’ora del giorno.',
      'Torna alla pagina di riparazione e scegli {done}.',
    ],
  },
  providerSteps: {
    deliveroo: {
      store_inactive: [
        'Apri {portal}{portalLink} e poi {stores}.',
        'Trova il punto vendita interessato e guarda {storeStatus}: un punto vendita segnato come inattivo non riceve ordini.',
        'Se l’hai chiuso tu, riaprilo per gli orari di oggi.',
        'Se l’ha reso inattivo Deliveroo, per esempio in attesa di un documento o dopo un controllo del tablet, scrivi loro tramite {support} e chiedi cosa serve per riattivarlo.',
        'Quando il punto vendita risulta attivo, torna alla pagina di riparazione e scegli {done}.',
      ],
    },
    doordash: {
      store_inactive: [
        'Apri {portal}{portalLink}, poi {stores}, e seleziona il punto vendita interessato.',
        'Apri {storeStatus}: se il punto vendita è in pausa, togli la pausa.',
        'Se risulta disattivato, solo DoorDash può riattivarlo: contattali tramite {support}.',
        'Quando il punto vendita accetta di nuovo ordini, torna alla pagina di riparazione e scegli {done}.',
      ],
    },
  },
};
