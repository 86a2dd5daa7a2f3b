// What a failed Bot API call means for sending: wait, try again later, or never again.
// Only the error code and Telegram's description are looked at (never the payload: it holds text).
import { GrammyError, HttpError } from 'grammy';
import type { Attempt } from './send-queue';

export function describeError(err: unknown): { code?: number; description: string } {
  if (err instanceof GrammyError) return { code: err.error_code, description: err.description };
  if (err instanceof HttpError) return { description: 'network error' };
  return { description: (err as Error)?.name ?? 'error' };
}

/** Whether an error says the person cannot be reached on Telegram any more. */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof GrammyError)) return false;
  if (err.error_code === 403) return true; // blocked by the user, user is deactivated, …
  return err.error_code === 400 && /chat not found|user not found/i.test(err.description);
}

export function attemptFromError(err: unknown): Attempt {
  if (err instanceof GrammyError) {
    const reason = `${err.error_code} ${err.description}`;
    if (err.error_code === 429) return { kind: 'wait', ms: Math.max(1, err.parameters.retry_after ?? 1) * 1000, reason };
    if (err.error_code >= 500) return { kind: 'retry', reason };
    return { kind: 'done', result: { ok: false, permanent: true, unreachable: isUnreachable(err), reason } };
  }
  // Network failures and timeouts pass: try again.
  return { kind: 'retry', reason: describeError(err).description };
}
