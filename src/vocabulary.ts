// The few words every layer shares: the languages panelbot speaks and the channels citizens use.
// They live here, apart from the domains, so that the store (src/db) can name them without
// importing anything from src/core; the core re-exports them where they always were.

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The channels citizens use. Organisers work in Slack, which is not a citizen channel. */
export const CITIZEN_CHANNELS = ['telegram', 'whatsapp', 'console', 'web'] as const;
export type ChannelKind = (typeof CITIZEN_CHANNELS)[number];

/** Who, as the channel knows them: the channel plus that channel's own user id. */
export interface ChannelAddress {
  channel: ChannelKind;
  userId: string;
}
