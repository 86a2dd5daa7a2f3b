// A choice's id carries its flow and step ("registration.gender:woman"), so a button pressed on an
// old message is recognised as stale instead of answering the current question by accident. Every
// choice id, those of live replies and those of messages sent later by the outbox, is built here.

/** What a choice id of this flow and step starts with. */
export function choicePrefix(flow: string, step: string): string {
  return `${flow}.${step}:`;
}

/** The full id of one choice of a question: flow, step and the choice's own id. */
export function choiceId(flow: string, step: string, id: string): string {
  return choicePrefix(flow, step) + id;
}
