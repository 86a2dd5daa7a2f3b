// Every dialogue panelbot knows, and where a person rests when none is open.
import type { Flow, Frame, Turn } from '../flow';
import { registrationStatusOf } from '../../../db/repos/registrations';
import { welcomeFlow } from './welcome';
import { languageFlow } from './language';
import { restartFlow } from './restart';
import { helplineFlow } from '../../helpline/dialogue';
import { homeFlow } from './home';
import { faqFlow } from '../../helpline/faq-dialogue';
import { registrationFlow } from '../../registration/dialogue/index';
import { participationFlow } from '../../selection/participation-dialogue';
import { attendanceFlow } from '../../attendance/dialogue';
import { eraseFlow, withdrawFlow } from '../../privacy/dialogue';
import { surveyFlow } from '../../followup/survey-dialogue';
import { compensationFlow } from '../../compensation/dialogue';
import { needsFlow } from '../../needs/dialogue';
import { offerPersonFlow } from '../../helpline/offer-person';
import { lostLetterFlow } from '../../registration/dialogue/lost-letter';
import { stopRegistrationFlow } from '../../registration/dialogue/stop';

export const allFlows: Flow[] = [welcomeFlow, languageFlow, restartFlow, helplineFlow, faqFlow, homeFlow, registrationFlow, participationFlow, attendanceFlow, withdrawFlow, eraseFlow, surveyFlow, compensationFlow, needsFlow, offerPersonFlow, lostLetterFlow, stopRegistrationFlow];

export function homeFrame(turn: Turn): Frame {
  if (!turn.person.language) return { flow: 'welcome', step: 'choose', data: {} };
  if (registrationStatusOf(turn.services.db, turn.person.id)) return { flow: 'home', step: 'idle', data: {} };
  return { flow: 'registration', step: 'code', data: {} };
}
