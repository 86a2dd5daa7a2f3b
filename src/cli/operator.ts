// Who is acting from the command line, for the audit log.
import os from 'node:os';

export function operator(): string {
  return `cli:${process.env.PANELBOT_OPERATOR ?? os.userInfo().username}`;
}
