// Words that say nothing about what a question is about, per language, and a light plural
// trimming, so that "Can I bring my children?" is searched as "bring child…". Kept small on
// purpose: the FAQ's keywords lines do the rest.
import type { Language } from '../panel/config';

const STOP_WORDS: Record<Language, string> = {
  en: `a an the and or but if of to in on at for with by from about as into than then so is are was were be been being am
    do does did done have has had i me my mine we us our you your he she it its they them their this that these those
    there here what which who whom whose when where why how can could may might will would shall should must need
    not no yes please hello hi dear thanks thank thankyou ok okay just also still very much many any some all get got
    want wanted know like tell told ask asked question questions anything something someone panel`,
  fr: `le la les l un une des du de d et ou mais si a au aux en dans sur pour par avec sans sous chez est sont etait ete
    etre suis es sommes etes ai as avons avez ont avoir je j me m moi mon ma mes tu te t toi ton ta tes il elle on nous
    vous ils elles leur leurs son sa ses ce c cet cette ces ca cela qui que qu quoi quel quelle quels quelles dont ou
    quand comment pourquoi est-ce peut peux pouvez pouvons puis doit dois devez faut y ne pas plus non oui bonjour
    salut merci svp stp s'il plait tres aussi encore deja tout tous toute toutes savoir voudrais veux question panel`,
  nl: `de het een en of maar als van te in op aan voor met door bij uit over naar om tot is zijn was waren ben bent
    wordt worden werd heb hebt heeft hebben had ik me mij mijn we wij ons onze je jij jou jouw u uw hij zij ze het
    hem haar hun dit dat deze die er hier wat welk welke wie wanneer waar waarom hoe kan kunt kunnen mag mogen moet
    moeten zal zou zullen niet geen ja nee dag hallo goedendag bedankt dank alstublieft aub graag ook nog al wel
    heel veel weten vraag vragen iets iemand panel`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber wenn von zu im in am an auf fur mit
    durch bei aus uber nach um bis ist sind war waren bin bist wird werden wurde habe hast hat haben hatte ich mich
    mir mein meine meinen wir uns unser ihr ihre sie er es dies diese dieser dieses da dort hier was welche welcher
    wer wann wo warum wie kann kannst konnen darf durfen muss mussen soll sollte wurde nicht kein keine ja nein hallo
    guten tag danke bitte auch noch schon sehr viel etwas jemand wissen frage fragen panel`,
};

const stopSets = Object.fromEntries(
  Object.entries(STOP_WORDS).map(([lng, words]) => [lng, new Set(words.split(/\s+/).filter(Boolean))]),
) as Record<Language, Set<string>>;

/** Lower case without accents: "Hôtel" -> "hotel". */
export function fold(term: string): string {
  return term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Plural and inflection endings trimmed the same way for the FAQ and the question. */
function trim(term: string, lng: Language): string {
  if (term.length <= 4 || /^\d+$/.test(term)) return term;
  switch (lng) {
    case 'en':
      return term.replace(/(ies)$/, 'y').replace(/(?<![su])s$/, '');
    case 'fr':
      return term.replace(/(aux)$/, 'al').replace(/[sx]$/, '');
    case 'nl':
      return term.length > 5 ? term.replace(/(en|s)$/, '') : term;
    case 'de':
      return term.length > 5 ? term.replace(/(en|er|e|n|s)$/, '') : term;
  }
}

/** What MiniSearch indexes and searches for one word, or null for a word that carries no meaning. */
export function processTerm(term: string, lng: Language): string | null {
  const folded = fold(term).replace(/^['’]+|['’]+$/g, '');
  if (folded.length < 2 && !/^\d$/.test(folded)) return null;
  if (stopSets[lng].has(folded)) return null;
  return trim(folded, lng);
}
