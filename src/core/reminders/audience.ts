// Who an event's reminders go to: the audiences the event names (registrants, selected, reserves,
// companions), less those who said they will not come, plus reserves who took a freed seat.
// The queries live in the store (src/db/repos/audiences.ts).
export { audienceOf, isExpected } from '../../db/repos/audiences';
