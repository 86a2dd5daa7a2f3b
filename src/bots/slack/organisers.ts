// Who may act in Slack: the users and user groups listed in SLACK_ORGANISERS ("U123,S456").
// Groups are resolved with usergroups.users.list and cached for a few minutes.
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../core/panel/clock';
import type { Logger } from '../../core/conversation/logger';

export const GROUP_CACHE_MS = 5 * 60_000;

export const REFUSAL = "Sorry, only the panel's organisers can do this. If you should be one, ask a coordinator to add you to SLACK_ORGANISERS.";

export class Organisers {
  readonly users: string[];
  readonly groups: string[];
  private cache?: { at: number; members: Set<string> };

  constructor(
    spec: string | undefined,
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    const ids = (spec ?? '').split(/[\s,]+/).filter(Boolean);
    this.users = ids.filter((id) => /^[UW]/.test(id));
    this.groups = ids.filter((id) => id.startsWith('S'));
  }

  async isOrganiser(userId: string | undefined): Promise<boolean> {
    if (!userId) return false;
    if (this.users.includes(userId)) return true;
    if (!this.groups.length) return false;
    return (await this.groupMembers()).has(userId);
  }

  /** How to call the organisers on duty in a message. */
  mention(): string {
    if (this.groups.length) return this.groups.map((g) => `<!subteam^${g}>`).join(' ');
    return this.users.map((u) => `<@${u}>`).join(' ');
  }

  private async groupMembers(): Promise<Set<string>> {
    const now = this.clock.now().getTime();
    if (this.cache && now - this.cache.at < GROUP_CACHE_MS) return this.cache.members;
    try {
      const members = new Set<string>();
      for (const usergroup of this.groups) {
        const res = await this.client.usergroups.users.list({ usergroup });
        for (const u of res.users ?? []) members.add(u);
      }
      this.cache = { at: now, members };
      return members;
    } catch (err) {
      this.log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'slack: user group not resolved');
      // Keep the last known members rather than locking everyone out.
      return this.cache?.members ?? new Set();
    }
  }
}
