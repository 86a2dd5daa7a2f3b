// How the conversation engine hears what is not an answer, so nobody is stranded: urgent words go
// to the team at once (and alert the organisers), questions go to the FAQ or to a person, and the
// pending question is asked again after. Every error says how to reach a person.
import type { Hearing } from '../conversation/engine';
import { askIfHelped } from './faq-dialogue';
import { hasUrgentWords, looksLikeQuestion } from './hearing';
import { OFFER_PERSON_FLOW } from './offer-person';
import { answerQuestion, passToTeam } from './questions';
import { wayOut } from './way-out';

export const helplineHearing: Hearing = {
  wayOut,
  offerFlow: OFFER_PERSON_FLOW,
  beforeAnswer(turn, text) {
    if (!hasUrgentWords(turn.services.config, turn.lang, text)) return false;
    passToTeam(turn, text);
    return true;
  },
  notAnAnswer(turn, text) {
    if (!looksLikeQuestion(text)) return false;
    const followUp = answerQuestion(turn, text);
    if (followUp) askIfHelped(turn, followUp, false);
    return true;
  },
};
