// Erasing a person ("delete me", retention): the store empties every row about them; which
// registration columns are emptied comes from the list of registration fields.
import type { Db } from '../../db/client';
import { erasePerson as eraseStored, type ErasedMoney } from '../../db/repos/privacy';
import { ERASED_COLUMNS } from '../registration/fields';

export function erasePerson(db: Db, personId: number): ErasedMoney {
  return eraseStored(db, personId, ERASED_COLUMNS);
}
