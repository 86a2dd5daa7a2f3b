// Builds the conversation engine with every flow and global command.
import { Engine } from './engine';
import { coreCommands } from './commands';
import { allFlows, homeFrame } from './flows/index';
import { rightsCommands } from './flows/rights';
import { followUpCommands } from './followup/commands';
import { checkinCommand } from './checkin';
import type { Services } from './flow';

export function createEngine(services: Services): Engine {
  return new Engine(services, { flows: allFlows, commands: [...coreCommands, ...rightsCommands, ...followUpCommands, checkinCommand], homeFrame });
}
