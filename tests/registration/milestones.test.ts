// Organisers hear of the 100th registration (a milestone of the example panel) exactly once,
// also when the registrations are counted only up to the largest milestone.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { registered } from '../helpers/register';
import { seedCohort } from '../helpers/cohort';
import { alerts } from '../../src/db/schema/index';

const milestones = (panel: TestPanel) =>
  panel.app.db
    .select()
    .from(alerts)
    .where(eq(alerts.kind, 'registration_milestone'))
    .all()
    .map((a) => JSON.parse(a.payload) as { registrations: number });

describe('registration milestones', () => {
  let panel: TestPanel;
  afterEach(() => panel.close());

  it('tells the organisers when the 100th person registers, and not at the 101st', () => {
    panel = testPanel();
    seedCohort(panel.app.db, 98, panel.clock.now());
    registered(panel, 'ninety-ninth');
    expect(milestones(panel)).toEqual([]);
    registered(panel, 'hundredth');
    expect(milestones(panel)).toEqual([{ registrations: 100 }]);
    registered(panel, 'hundred-and-first');
    expect(milestones(panel)).toEqual([{ registrations: 100 }]);
  });

  it('says nothing past the largest milestone', () => {
    panel = testPanel();
    seedCohort(panel.app.db, 1500, panel.clock.now());
    registered(panel, 'late');
    expect(milestones(panel)).toEqual([]);
  });
});
