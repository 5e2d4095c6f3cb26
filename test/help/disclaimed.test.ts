// What a merchant rules out is not searched, but a phrase that says something is wrong is the
// symptom and stays (api/help/disclaimed.ts).
import { describe, expect, it } from 'vitest';
import { withoutDisclaimed } from '../../api/help/disclaimed.js';
import type { Locale } from '../../core/providers/index.js';

const kept = (question: string, locale: Locale) => withoutDisclaimed(question, locale).replace(/\s+/g, ' ').trim();

describe('disclaimed phrases', () => {
  it.each<[Locale, string, string]>([
    ['es', 'no es la contraseña, no llegan pedidos', 'contrasena'],
    ['fr', "c'est pas un souci de connexion, la tablette est hors ligne", 'connexion'],
    ['fr', "ce n'est pas l'identifiant, le code n'arrive pas", 'identifiant'],
    ['it', 'non è un problema di password, gli ordini non arrivano', 'password'],
    ['pt', 'a senha está certa mas não entram encomendas', 'senha'],
    ['en', "the password is fine but orders don't come in", 'password'],
  ])('drops what is ruled out (%s: %s)', (locale, question, dropped) => {
    expect(kept(question, locale)).not.toContain(dropped);
  });

  it.each<[Locale, string, string]>([
    ['en', "it says it's not the right password", 'password'],
    ['en', 'the e-mails come but not the sms alerts', 'sms alerts'],
    ['es', 'dice que no es la contraseña correcta', 'contrasena'],
    ['es', 'la contraseña no está bien', 'contrasena'],
    ['fr', "ce n'est pas le bon mot de passe", 'mot de passe'],
    ['it', 'non è la password giusta', 'password'],
    ['it', 'la password non è giusta', 'password'],
    ['pt', 'não é a senha certa', 'senha'],
    ['pt', 'a senha não está certa', 'senha'],
  ])('keeps a phrase that says something is wrong (%s: %s)', (locale, question, symptom) => {
    expect(kept(question, locale)).toContain(symptom);
  });
});
