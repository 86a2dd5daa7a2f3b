// How far from the venue (who is offered a hotel night, who is asked), and needs erased with the person.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { distanceKm, hotelDistance } from '../../src/core/panel/belgium-distance';
import { testPanel, type TestPanel } from '../helpers/chat';
import { seedCohort } from '../helpers/cohort';
import { needs } from '../../src/db/schema/index';
import { erasePerson } from '../../src/core/privacy/erase';

describe('distance from the venue (Brussels, 1000)', () => {
  it('is roughly right for a few towns', () => {
    expect(distanceKm('1000', '1000')).toBe(0);
    expect(distanceKm('9000', '1000')).toBeGreaterThan(45);
    expect(distanceKm('9000', '1000')).toBeLessThan(60); // Ghent: about 50 km
    expect(distanceKm('6700', '1000')).toBeGreaterThan(150); // Arlon: about 165 km
    expect(distanceKm('4780', '1000')).toBeGreaterThan(130); // Sankt Vith
    expect(distanceKm('0999', '1000')).toBeUndefined();
  });

  it('decides only when clearly beyond or within 100 km, and asks in between or when unknown', () => {
    const at = (postcode: string | null) => hotelDistance(postcode, '1000', 100);
    expect(at('6700')).toBe('far'); // Arlon
    expect(at('4700')).toBe('far'); // Eupen
    expect(at('8660')).toBe('far'); // De Panne
    expect(at('1050')).toBe('near');
    expect(at('2000')).toBe('near'); // Antwerp
    expect(at('3500')).toBe('near'); // Hasselt
    expect(at('4000')).toBe('unsure'); // Liège, about 90 km
    expect(at('8400')).toBe('unsure'); // Ostend, about 110 km
    expect(at('2700')).toBe('unsure'); // no such range
    expect(at(null)).toBe('unsure');
  });
});

describe('erasure', () => {
  let panel: TestPanel;
  afterEach(() => panel?.close());

  it('takes the needs with the person', () => {
    panel = testPanel();
    const [id, other] = seedCohort(panel.app.db, 2, panel.clock.now());
    for (const personId of [id!, other!]) panel.app.db.insert(needs).values({ personId, diet: 'halal', otherText: 'insulin in the fridge', updatedAt: panel.clock.now() }).run();
    erasePerson(panel.app.db, id!);
    expect(panel.app.db.select().from(needs).where(eq(needs.personId, id!)).all()).toEqual([]);
    expect(panel.app.db.select().from(needs).where(eq(needs.personId, other!)).all()).toHaveLength(1);
  });
});
