import type { ProviderTexts } from './provider-texts.js';

export const it: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Le credenziali di accesso non funzionano più',
    two_factor_required: 'Serve un codice di verifica',
    mfa_required: 'Serve una verifica in più passaggi',
    third_party_blocked: 'Il fornitore ha bloccato il nostro accesso',
    invalid_store_config: 'Il negozio va sistemato presso il fornitore',
    provider_unavailable: 'Il fornitore ha dei problemi',
    unknown: 'Un problema non riconosciuto',
  },
  causes: {
    store_inactive: 'Il negozio è inattivo o in pausa',
    non_traditional_login: 'L’account accede solo con Google o Apple',
    store_not_found: 'Il negozio non è collegato a questo account',
    menu_misconfigured: 'Il menu non può essere pubblicato',
    hours_misconfigured: 'Gli orari mancano o non sono validi',
  },
  resolutions: {
    reconnect: 'Ricollegare l’account',
    merchant_portal: 'Seguire i passaggi nel portale del fornitore',
    retry: 'Nulla da fare: riproviamo in automatico',
    support: 'Se ne occupa il nostro team di assistenza',
  },
  steps: {
    store_inactive: [
      'Accedi a {portal} ({portalUrl}) con un account amministratore.',
      'Apri {stores} e scegli il negozio interessato.',
      'Controlla lo stato: se è in pausa, inattivo o chiuso, riattivalo.',
      'Se lo ha disattivato {provider}, scrivi all’assistenza di {provider} dal portale e chiedi la riattivazione.',
      'Torna qui e scegli «Ho completato questi passaggi».',
    ],
    non_traditional_login: [
      'Accedi a {portal} con l’account Google o Apple che usi di solito.',
      'Apri {account} e aggiungi a questo utente un accesso con e-mail e password.',
      'Tieni a portata di mano l’e-mail e la nuova password.',
      'Torna qui, scegli «Ho completato questi passaggi» e ricollega l’account con e-mail e password.',
    ],
    store_not_found: [
      'Accedi a {portal} con l’account collegato al nostro servizio.',
      'Apri {stores} e verifica che ogni negozio interessato compaia in questo account.',
      'Se ne manca uno, chiedi all’assistenza di {provider} di aggiungerlo, oppure collega l’account che lo possiede.',
      'Torna qui e scegli «Ho completato questi passaggi».',
    ],
    menu_misconfigured: [
      'Accedi a {portal} e apri il menu del negozio interessato.',
      'Correggi i prodotti segnalati come incompleti (prezzo, categoria, immagine) e pubblica il menu.',
      'Attendi che {provider} mostri il menu come pubblicato.',
      'Torna qui e scegli «Ho completato questi passaggi».',
    ],
    hours_misconfigured: [
      'Accedi a {portal} e apri {stores}.',
      'Imposta gli orari per ogni giorno di apertura ed elimina le fasce sovrapposte.',
      'Salva e controlla che il negozio risulti aperto in questo momento.',
      'Torna qui e scegli «Ho completato questi passaggi».',
    ],
  },
};
