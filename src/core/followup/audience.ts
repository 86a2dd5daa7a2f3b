// Who follow-up messages go to. (A message that asks a question carries it as the outbox payload's
// `push`: the dispatcher puts it on the conversation when the message is sent.)
export { participants } from '../../db/repos/followup';
