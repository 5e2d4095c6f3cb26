// What the assistant says around an article, in the merchant's language.
import type { Locale } from '../../core/providers/index.js';

interface AssistantReplies {
  answered: (title: string) => string;
  unsure: (title: string) => string;
  /** `{firstResponseHours}` is the configured ticket policy (ticket-policy-text.ts). */
  unknown: string;
}

export const ASSISTANT_REPLIES: Readonly<Record<Locale, AssistantReplies>> = {
  en: {
    answered: (title) => `This article should help: “${title}”. Here are the steps.`,
    unsure: (title) => `I am not completely sure, but “${title}” looks closest. If it does not match your problem, our team can help.`,
    unknown: 'I do not know the answer to that one. You can open a ticket and our team will reply within {firstResponseHours} business hours.',
  },
  es: {
    answered: (title) => `Este artículo debería ayudarte: «${title}». Estos son los pasos.`,
    unsure: (title) => `No estoy del todo seguro, pero «${title}» parece lo más cercano. Si no es tu caso, nuestro equipo puede ayudarte.`,
    unknown: 'No sé responder a eso. Puedes abrir un ticket y nuestro equipo te contestará en un plazo de {firstResponseHours} horas laborables.',
  },
  fr: {
    answered: (title) => `Cet article devrait vous aider : « ${title} ». Voici les étapes.`,
    unsure: (title) => `Je n’en suis pas certain, mais « ${title} » semble le plus proche. Si ce n’est pas votre cas, notre équipe peut vous aider.`,
    unknown: 'Je ne connais pas la réponse. Vous pouvez ouvrir un ticket : notre équipe répond sous {firstResponseHours} heures ouvrées.',
  },
  it: {
    answered: (title) => `Questo articolo dovrebbe aiutarti: «${title}». Ecco i passaggi.`,
    unsure: (title) => `Non ne sono del tutto sicuro, ma «${title}» sembra il più vicino. Se non è il tuo caso, il nostro team può aiutarti.`,
    unknown: 'Non conosco la risposta. Puoi aprire un ticket e il nostro team ti risponderà entro {firstResponseHours} ore lavorative.',
  },
  pt: {
    answered: (title) => `Este artigo deve ajudar: «${title}». Aqui estão os passos.`,
    unsure: (title) => `Não tenho a certeza, mas «${title}» parece o mais próximo. Se não for o seu caso, a nossa equipa pode ajudar.`,
    unknown: 'Não sei responder a isso. Pode abrir um ticket e a nossa equipa responde em {firstResponseHours} horas úteis.',
  },
};
