// Builds the conversation engine with every flow and global command.
import { Engine } from './engine';
import { coreCommands } from './commands';
import { easyReadCommands } from './easy-read';
import { allFlows, homeFrame } from './dialogues/index';
import { rightsCommands } from '../privacy/dialogue';
import { followUpCommands } from '../followup/commands';
import { checkinCommand } from '../attendance/checkin-command';
import type { Services } from './flow';
import { linkCommand } from '../linking/command';
import { helplineHearing } from '../helpline/engine-hearing';

export function createEngine(services: Services): Engine {
  return new Engine(services, { flows: allFlows, commands: [...coreCommands, ...easyReadCommands, ...rightsCommands, ...followUpCommands, checkinCommand, linkCommand], homeFrame, hearing: helplineHearing });
}
