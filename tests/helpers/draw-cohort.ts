// A store holding registrants who look like a generated Belgian pool (tests/helpers/draw-pool.ts):
// the cohort helper's rows, with features, letter languages and households rewritten.
import type { Db } from '../../src/db/client';
import { seedCohort } from './cohort';
import { belgianPool } from './draw-pool';

const BIRTH: Record<string, string> = { '16-24': '2005-03-01', '25-64': '1980-03-01', '65+': '1950-03-01' };

export function seedDrawCohort(db: Db, size: number, now: Date, seed = 1): number[] {
  const ids = seedCohort(db, size, now, seed);
  const pool = belgianPool(size, seed);
  const sqlite = db.$client;
  const reg = sqlite.prepare('UPDATE registrations SET gender = ?, region = ?, education = ?, birth_date = ? WHERE person_id = ?');
  const person = sqlite.prepare('UPDATE people SET language = ? WHERE id = ?');
  const letter = sqlite.prepare('UPDATE invitations SET languages = ?, household = ? WHERE claimed_by = ?');
  sqlite.transaction(() => {
    ids.forEach((id, i) => {
      const f = pool[i]!.features;
      reg.run(f.gender, f.region, f.education, BIRTH[f.age!], id);
      person.run(f.language, id);
      letter.run(f.language, pool[i]!.household, id);
    });
  })();
  return ids;
}
