// Every dialogue panelbot knows, and where a person rests when none is open.
import { eq } from 'drizzle-orm';
import type { Flow, Frame, Turn } from '../flow';
import { registrations } from '../../db/schema/index';
import { welcomeFlow } from './welcome';
import { languageFlow } from './language';
import { restartFlow } from './restart';
import { helplineFlow } from './helpline';
import { homeFlow } from './home';
import { faqFlow } from './faq';
import { registrationFlow } from './registration/index';
import { participationFlow } from './participation';
import { attendanceFlow } from './attendance';
import { eraseFlow, withdrawFlow } from './rights';
import { surveyFlow } from './survey';
import { compensationFlow } from './compensation';
import { needsFlow } from './needs';

export const allFlows: Flow[] = [welcomeFlow, languageFlow, restartFlow, helplineFlow, faqFlow, homeFlow, registrationFlow, participationFlow, attendanceFlow, withdrawFlow, eraseFlow, surveyFlow, compensationFlow, needsFlow];

export function homeFrame(turn: Turn): Frame {
  if (!turn.person.language) return { flow: 'welcome', step: 'choose', data: {} };
  const registered = turn.services.db
    .select({ status: registrations.status })
    .from(registrations)
    .where(eq(registrations.personId, turn.person.id))
    .get();
  if (registered) return { flow: 'home', step: 'idle', data: {} };
  return { flow: 'registration', step: 'code', data: {} };
}
