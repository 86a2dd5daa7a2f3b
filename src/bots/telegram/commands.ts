// The command menu Telegram shows next to the text field, in each language of the panel.
// Command names are the engine's command ids, which it understands in every language.
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Services } from '../../core/conversation/flow';
import type { Language } from '../../core/panel/config';

export const MENU = ['start', 'help', 'language', 'human', 'easyread', 'mydata', 'cancel'] as const;

export function menuFor(services: Services, lng: Language): BotCommand[] {
  return MENU.map((command) => ({ command, description: services.i18n.t(lng, `telegram:commands.${command}`) }));
}

export async function setCommandMenus(api: Api, services: Services): Promise<void> {
  const languages = services.config.panel.languages;
  for (const lng of languages) await api.setMyCommands(menuFor(services, lng), { language_code: lng });
  // For people whose app language is none of the panel's: the panel's first language.
  await api.setMyCommands(menuFor(services, languages[0]!));
}
