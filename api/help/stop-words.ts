// Short, common words per language: the language detector counts them, and the search drops
// them from questions so "how do I…" does not outweigh the words that carry the meaning.
// Stored accent-folded, like the text they are compared with. "Platform" (plataforma,
// plateforme, piattaforma) is one too: merchants call the provider that, and it is in the
// outage article's title, so "I did the steps on the platform's site" read as an outage.
import type { Locale } from '../../core/providers/index.js';
import { foldAccents } from './text-folding.js';

const words = (list: string): ReadonlySet<string> => new Set(list.split(' ').map(foldAccents));

export const STOP_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: words(
    'a an the and or but is are was were be been am i my me we our you your it its this that these those to of in on at for with from by do does did how what why when where who can could should would will not no has have had there their they them if then so up out as about into after before just now any some all since us like says say said get got need also too still again here anymore ll ve re platform platforms',
  ),
  es: words(
    'el la los las un una unos unas y o pero es son era fue ser estoy esta este esto estos estas mi mis me yo tu tus su sus de del en a al con por para que como cuando donde quien no si se lo le les ya hay muy mas pero porque tengo tiene hace hacer puedo puede qué cómo sobre desde nosotros nosotras nuestro nuestra nuestros nuestras vosotros vuestro vuestra usted ustedes dice dicen dijo tambien aqui he ha han hemos eso ese esa plataforma plataformas somos estamos soy estan tenemos',
  ),
  fr: words(
    'le la les un une des et ou mais est sont etait je j me mon ma mes tu te ton ta tes il elle nous vous ils de du dans en a au aux avec pour par que qui quoi comment quand ou ne pas plus se sa son ses ce cet cette ces y on l d n qu c s est-ce faire fait peux peut sur sous chez depuis notre nos votre vos leur leurs dit disent indique comme ai as avons avez ont ete etre suis es sommes aussi encore ici non plateforme plateformes',
  ),
  it: words(
    'il lo la i gli le un uno una e o ma è sono era io mi mio mia miei tu ti tuo tua di del della dei delle in a al alla con per che chi come quando dove non si ci ne se più ho ha hanno posso può fare perché su sul sulla sui da dal dalla dai noi voi nostro nostra nostri nostre vostro vostra vostri lui lei loro questo questa questi queste quello quella anche gia ancora qui qua dice dicono detto va sta stato essere avere abbiamo siamo c l nel nella nei negli dell dello degli all alle agli col piattaforma piattaforme',
  ),
  pt: words(
    'o a os as um uma uns umas e ou mas é são era eu me meu minha meus tu te teu tua de do da dos das em no na nos nas ao com por para que quem como quando onde não se sim já há tenho tem faz fazer posso pode porque mais muito sobre desde pelo pela nosso nossa nossos nossas vosso vossa voce voces diz dizem disse isto isso este esta esse essa neste nesta nesse nessa tambem aqui foi estou estao ser ter plataforma plataformas somos estamos sou temos',
  ),
};
