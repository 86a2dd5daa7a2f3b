// The needs dialogue, as a selected person lives it: right after confirming, skippable, kept
// answer by answer, changeable later; a minor's guardian; a late change that alerts. The English
// dialogue and its change go through submit as the adapters send, each reply checked in order.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPanel, type TestPanel } from '../helpers/chat';
import { alerts, attendance, needs } from '../../src/db/schema/index';
import { computeLogistics } from '../../src/core/needs/logistics';
import { drawn, personOf, register } from './helpers';

let panel: TestPanel;
afterEach(() => panel?.close());

const needsOf = (userId: string) => panel.app.db.select().from(needs).where(eq(needs.personId, personOf(panel, userId).id)).get();
const lateAlerts = () => panel.app.db.select().from(alerts).where(eq(alerts.kind, 'needs_changed_late')).all();

describe('the needs dialogue', () => {
  it('follows the confirmation in English, keeps each answer as it comes, and offers the hotel to someone from Arlon', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const ann = register(panel, 'ann', { lang: 'en', firstName: 'Ann', lastName: 'Peeters', birthDate: '21/03/1990', postcode: '6700' });
    expect(await drawn(panel, 'ann')).toContain('you have been drawn');
    // Each reply on its own, in order, as the adapters send them.
    const says = (part: string) => expect.stringContaining(part);

    expect(await ann.tells('yes')).toEqual([says('Wonderful, thank you!'), says('You can skip any question')]);
    expect(await ann.tells("Let's go")).toEqual([says('Do you eat a special diet?')]);

    expect(await ann.tells('Vegetarian')).toEqual([says('children who will need it')]);
    // Someone who stops here keeps the diet they gave.
    expect(needsOf('ann')?.diet).toBe('vegetarian');

    expect(await ann.tells('yes')).toEqual([says('How many children')]);
    expect(await ann.tells('2')).toEqual([says('How old is child 1 of 2?')]);
    // A typed age is the age, never a position in the list; 12 is too old for childcare.
    expect(await ann.tells('12')).toEqual([says(panel.app.services.i18n.t('en', 'needs:children.ageInvalid')), says('How old is child 1 of 2?')]);
    expect(await ann.tells('3')).toEqual([says('How old is child 2 of 2?')]);
    expect(await ann.tells('7')).toEqual([says('On which days')]);
    expect(await ann.tells('Only some days')).toEqual([says('☐ Sat 20 Feb (Weekend 1')]);
    const ticked = await ann.tells('1');
    expect(ticked).toEqual([says('☑ Sat 20 Feb')]);
    // The ticked days are also written in words, not only as ☑.
    expect(ticked[0]).toContain('Ticked: Saturday 20 February.');
    expect(await ann.tells('2')).toEqual([says('Ticked: Saturday 20 February, Sunday 21 February.')]);
    expect(await ann.tells('Done')).toEqual([says('Will someone come with you?')]);
    expect(needsOf('ann')).toMatchObject({ children: 2, childAges: [3, 7], childcareDays: ['2027-02-20', '2027-02-21'] });

    expect(await ann.tells('no')).toEqual([says('get around the venue')]);
    expect(await ann.tells('Wheelchair')).toEqual([says('hearing or sight')]);
    expect(await ann.tells('Skip')).toEqual([says('other help with language')]);
    expect(await ann.tells('Skip')).toEqual([says('How will you travel')]);
    // Arlon is some 160 km from Brussels: the hotel is offered without asking the distance.
    expect(await ann.tells('Car')).toEqual([says('As you live more than 100 km from the venue')]);
    expect(await ann.tells('yes')).toEqual([says('Is there anything else')]);
    const done = await ann.tells('A quiet room to rest at lunch');
    expect(done).toEqual([says('Here is what we have noted')]);
    expect(done[0]).toContain('• Meals: Vegetarian');
    expect(done[0]).toContain('• Childcare: 2 children · age 3, 7 · Sat 20 Feb, Sun 21 Feb');
    expect(done[0]).toContain('• Getting around: Wheelchair');
    expect(done[0]).toContain('• Hearing or sight: not given');
    expect(done[0]).toContain('• Hotel night: Yes');
    expect(done[0]).toContain('• Anything else: A quiet room to rest at lunch');

    expect(needsOf('ann')).toMatchObject({ companion: 'none', mobility: 'wheelchair', senses: null, languageSupport: null, travel: 'car', hotel: true });
    expect(needsOf('ann')?.completedAt).not.toBeNull();
    expect(lateAlerts()).toEqual([]);
  });

  it('in French, everything can be skipped, own words are kept, and nobody from Brussels is asked about a hotel', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const lea = register(panel, 'lea', { lang: 'fr', firstName: 'Léa', lastName: 'Dubois', birthDate: '02/05/1975', postcode: '1050' });
    await drawn(panel, 'lea');
    const says = (part: string) => expect.stringContaining(part);

    expect(await lea.tells('oui')).toEqual([says('Formidable'), says('Nous voulons bien vous accueillir')]);
    const replies: string[] = await lea.tells("C'est parti");
    expect(replies).toEqual([says('régime spécial')]);
    // Words that match no option are the person's own description.
    replies.push(...(await lea.tells('sans gluten')));
    expect(replies.slice(1)).toEqual([says("garde d'enfants")]);
    for (const next of ['personne accompagnante', 'vous déplacer sur place', "l'audition ou la vue", 'autre aide pour la langue', "jusqu'au lieu du panel", 'autre chose qui rendrait']) {
      const reply = await lea.tells('Passer');
      expect(reply).toEqual([says(next)]);
      replies.push(...reply);
    }
    const done = await lea.tells('Passer');
    replies.push(...done);
    expect(done).toEqual([says('Voici ce que nous avons noté')]);
    // French typography: a no-break space before the colon.
    expect(done[0]).toContain('• Repas\u00a0: Autre chose (sans gluten)');
    expect(done[0]).toContain("• Garde d'enfants\u00a0: non précisé");
    expect(done[0]).toContain('• Trajet\u00a0: non précisé');
    expect(done[0]).not.toContain("Nuit d'hôtel");
    expect(replies.join('\n')).not.toContain('hôtel');

    expect(needsOf('lea')).toMatchObject({ diet: 'other', dietText: 'sans gluten', children: null, mobility: null, travel: null, hotel: null });
  });

  it('asks the distance when the postcode cannot tell (Liège is about 90 km away)', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const jan = register(panel, 'jan', { lang: 'nl', firstName: 'Jan', lastName: 'Claes', birthDate: '01/01/1980', postcode: '4000' });
    await drawn(panel, 'jan');
    const says = (part: string) => expect.stringContaining(part);
    expect(await jan.tells('ja')).toEqual([says('Fantastisch'), says('We willen u goed ontvangen')]);
    expect(await jan.tells('Aan de slag')).toEqual([says('speciaal dieet')]);
    expect(await jan.tells('Geen bijzonder dieet')).toEqual([says('kinderopvang')]);
    for (const next of ['iemand meebrengen', 'ter plaatse te verplaatsen', 'gehoor of het zicht', 'andere hulp met taal', 'Hoe komt u naar de plaats']) {
      expect(await jan.tells('Nee')).toEqual([says(next)]);
    }
    expect(await jan.tells('Auto')).toEqual([says('Woont u meer dan 100 km ver?')]);
    expect(await jan.tells('Ja')).toEqual([says('hotelnacht met diner')]);
    expect(await jan.tells('Nee')).toEqual([says('Is er nog iets')]);
    expect(needsOf('jan')).toMatchObject({ farAway: true, hotel: false });
  });

  it('is changed a week later through "my needs": the answers, one picked, saved, no alert so long before the event', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const ann = register(panel, 'ann', { lang: 'en', firstName: 'Ann', lastName: 'Peeters', birthDate: '21/03/1990', postcode: '9000' });
    await drawn(panel, 'ann');
    const says = (part: string) => expect.stringContaining(part);
    expect(await ann.tells('yes')).toEqual([says('Wonderful, thank you!'), says('You can skip any question')]);
    expect(await ann.tells('Later')).toEqual([says('Type "my needs" whenever you are ready')]);
    expect(needsOf('ann')).toBeUndefined();

    // The same day, later: no answer yet, so the questions start from the beginning.
    expect(await ann.tells('my needs')).toEqual([says('You can skip any question')]);
    expect(await ann.tells("Let's go")).toEqual([says('Do you eat a special diet?')]);
    expect(await ann.tells('Halal')).toEqual([says('children who will need it')]);
    for (const next of ['Will someone come with you?', 'get around the venue', 'hearing or sight', 'other help with language', 'How will you travel', 'Is there anything else']) {
      expect(await ann.tells('Skip')).toEqual([says(next)]);
    }
    const done = await ann.tells('Nothing else');
    expect(done).toEqual([says('Here is what we have noted')]);
    expect(done[0]).toContain('• Meals: Halal');
    expect(done[0]).not.toContain('Hotel night'); // Ghent is near Brussels.

    panel.clock.advance(7 * 86_400_000);
    const review = await ann.tells('my needs');
    expect(review).toEqual([says('Here is what you have told us:')]);
    expect(review[0]).toContain('• Meals: Halal');
    expect(review[0]).toContain('What would you like to change?');
    expect(await ann.tells('Meals')).toEqual([says('Do you eat a special diet?')]);
    expect(await ann.tells('An allergy or intolerance')).toEqual([says('in your own words')]);
    const back = await ann.tells('peanuts');
    expect(back).toEqual(['Saved.', says('• Meals: An allergy or intolerance (peanuts)')]);
    expect(await ann.tells('Nothing, all is right')).toEqual(['Fine. Your answers are saved.']);
    // A later visit that changes nothing says so.
    expect(await ann.tells('my needs')).toEqual([says('Here is what you have told us:')]);
    expect(await ann.tells('Nothing, all is right')).toEqual(['Fine, nothing changed.']);

    expect(needsOf('ann')).toMatchObject({ diet: 'allergy', dietText: 'peanuts' });
    expect(needsOf('ann')!.updatedAt.getTime()).toBeGreaterThan(needsOf('ann')!.completedAt!.getTime() + 6 * 86_400_000);
    expect(lateAlerts()).toEqual([]);
  });

  it('a minor is asked for a parent or guardian: skipped first, reminded, then given later', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const tom = register(panel, 'tom', { lang: 'en', firstName: 'Tom', lastName: 'Maes', birthDate: '15/06/2010', postcode: '3000' });
    await drawn(panel, 'tom');
    const tomId = personOf(panel, 'tom').id;
    const says = (part: string) => expect.stringContaining(part);
    expect(await tom.tells('yes')).toEqual([says('Wonderful, thank you!'), says('You can skip any question')]);
    expect(await tom.tells("Let's go")).toEqual([says('Do you eat a special diet?')]);
    expect(await tom.tells('No particular diet')).toEqual([says('children who will need it')]);
    const guardian = await tom.tells('No');
    expect(guardian).toEqual([says('You will be under 18 on the first panel day, so a parent or guardian must come with you')]);
    expect(guardian[0]).not.toContain('Will someone come with you?');
    expect(await tom.tells('Skip')).toEqual([says('a parent or guardian must come with you: type "my needs"'), says('get around the venue')]);
    for (const next of ['hearing or sight', 'other help with language', 'How will you travel', 'Is there anything else']) expect(await tom.tells('Skip')).toEqual([says(next)]);
    const done = await tom.tells('Skip');
    expect(done).toEqual([says('Here is what we have noted')]);
    expect(done[0]).toContain('• Parent or guardian: not given');
    expect(done[0]).toContain('⚠ Under 18: we still need the name and phone number');

    // Tom says he comes to both days of weekend 1: the report shows a minor without a guardian.
    for (const day of ['2027-02-20', '2027-02-21']) {
      panel.app.db.insert(attendance).values({ personId: tomId, eventId: 'weekend-1', day, answer: 'yes', answeredAt: panel.clock.now() }).run();
    }
    const before = computeLogistics(panel.app.db, panel.app.services.config, 'weekend-1')!;
    expect(before.days[0]!.companions.minorsWithoutGuardian.map((p) => p.name)).toEqual(['Tom Maes']);
    // The guardian is required: counted for the meals even before their name is known.
    expect(before.days[0]!.companions).toMatchObject({ total: 1, guardians: 1 });

    panel.clock.advance(2 * 86_400_000);
    expect(await tom.tells('my needs')).toEqual([says('• Parent or guardian: not given')]);
    const askName = says('What is their first and last name?');
    expect(await tom.tells('Parent or guardian')).toEqual([askName]);
    expect(await tom.tells('4711')).toEqual([says('first and last name of your parent or guardian'), askName]);
    expect(await tom.tells('Marc Maes')).toEqual([says('What is their phone number?')]);
    expect(await tom.tells('marc@example.org')).toEqual([says('phone number does not look right'), says('What is their phone number?')]);
    const saved = await tom.tells('0475 11 22 33');
    expect(saved).toEqual(['Saved.', says('• Parent or guardian: Marc Maes, +32 475 11 22 33')]);
    expect(saved.join('\n')).not.toContain('⚠');
    expect(await tom.tells('Nothing, all is right')).toEqual(['Fine. Your answers are saved.']);

    const after = computeLogistics(panel.app.db, panel.app.services.config, 'weekend-1')!;
    expect(after.days[0]!.companions).toMatchObject({ total: 1, guardians: 1, minorsWithoutGuardian: [] });
    expect(after.days[0]!.companions.guardianList).toEqual([{ pseudonym: personOf(panel, 'tom').pseudonym, name: 'Tom Maes', guardian: 'Marc Maes' }]);
    expect(after.days[0]!.meals.total).toBe(2);
  });

  it('a change three days before a weekend alerts the organisers with the pseudonym, the event and the category only', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const ann = register(panel, 'ann', { lang: 'en', firstName: 'Ann', lastName: 'Peeters', birthDate: '21/03/1990', postcode: '9000' });
    await drawn(panel, 'ann');
    ann.says('yes');
    ann.says("Let's go");
    ann.says('Vegan');
    for (let i = 0; i < 6; i++) ann.says('Skip');
    ann.says('Skip');
    expect(lateAlerts()).toEqual([]);

    panel.clock.set('2027-02-17T18:00:00+01:00');
    ann.says('my needs');
    ann.says('Meals');
    ann.says('Something else');
    ann.says('no pork, no alcohol');
    // Changing the same answer again before the organisers saw the alert makes no second alert.
    ann.says('Meals');
    ann.says('Vegetarian');
    ann.says('Nothing, all is right');

    const raised = lateAlerts();
    expect(raised).toHaveLength(1);
    expect(JSON.parse(raised[0]!.payload)).toEqual({ person: personOf(panel, 'ann').pseudonym, event: 'weekend-1', category: 'diet' });
    expect(raised[0]!.payload).not.toMatch(/pork|alcohol|vegetarian|vegan/i);

    // A change in another category is news of its own.
    ann.says('my needs');
    ann.says('Travel');
    ann.says('Car');
    ann.says('Nothing, all is right');
    expect(lateAlerts().map((a) => JSON.parse(a.payload).category)).toEqual(['diet', 'travel']);
  });

  it('someone who declined a weekend changing their needs before it alerts nobody', async () => {
    panel = testPanel({ now: '2027-02-02T10:00:00+01:00' });
    const ann = register(panel, 'ann', { lang: 'en', firstName: 'Ann', lastName: 'Peeters', birthDate: '21/03/1990', postcode: '9000' });
    await drawn(panel, 'ann');
    ann.says('yes');
    ann.says('Later');
    const id = personOf(panel, 'ann').id;
    for (const day of ['2027-02-20', '2027-02-21']) panel.app.db.insert(attendance).values({ personId: id, eventId: 'weekend-1', day, answer: 'no', answeredAt: panel.clock.now() }).run();
    panel.clock.set('2027-02-18T09:00:00+01:00');
    ann.says('my needs');
    ann.says("Let's go");
    ann.says('Kosher');
    expect(needsOf('ann')?.diet).toBe('kosher');
    expect(lateAlerts()).toEqual([]);
  });

  it('is only for people drawn who take part', async () => {
    panel = testPanel({ now: '2027-01-20T10:00:00+01:00' });
    const ann = register(panel, 'ann', { lang: 'en', firstName: 'Ann', lastName: 'Peeters', birthDate: '21/03/1990', postcode: '9000' });
    expect(ann.says('my needs')).toContain('for the people drawn who said yes to the panel');
    expect(needsOf('ann')).toBeUndefined();
    const de = register(panel, 'dora', { lang: 'de', firstName: 'Dora', lastName: 'Schmitz', birthDate: '01/01/1970', postcode: '4700' });
    void de;
    await drawn(panel, 'dora');
    const dora = panel.user('dora');
    dora.says('nein');
    expect(dora.says('meine Bedürfnisse')).toContain('für die ausgelosten Menschen');
  });
});

