// The `panelbot` command line: one file per command, routed here.
import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, one, parseArgs, UsageError } from './args';
import { CsvError } from './csv';
import { organiserRefusal } from './organiser-access';
import { DEFAULT_DB } from '../app';
import { createCliContext, type CliContext } from './context';
import { ConfigError } from '../config/panel';
import { SettingsError } from '../config/settings';
import { chatCommand } from './chat';
import { serveCommand } from './serve';
import { invitationsCommand } from './invitations';
import { exportCommand } from './export';
import { drawCommand } from './draw';
import { selectionCommand } from './selection';
import { statsCommand } from './stats';
import { helplineCommand } from './helpline';
import { surveyCommand } from './survey';
import { compensationCommand } from './compensation';
import { retentionCommand } from './retention';
import { backupCommand } from './backup';
import { outboxCommand } from './outbox';
import { eventsCommand } from './events';
import { checkinCommand } from './checkin';
import { findCommand } from './find';
import { alertsCommand } from './alerts';
import { whatsappCommand } from './whatsapp';
import { logisticsCommand } from './logistics';
import { broadcastCommand } from './broadcast';
import { doctorCommand } from './doctor';

type Command = (ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  serve: { run: serveCommand, usage: 'serve                      start every configured channel and the scheduler (npm start)' },
  chat: { run: chatCommand, usage: 'chat [--user ID]           talk to panelbot as a citizen in the terminal' },
  invitations: {
    run: invitationsCommand,
    usage: 'invitations import FILE.csv [--qr DIR] | invitations generate --count N --language L [--out FILE.csv] [--qr DIR] | invitations free CODE',
  },
  backup: { run: backupCommand, usage: 'backup FILE                a consistent copy of the live database (restore: stop panelbot, copy it back)' },
  stats: { run: statsCommand, usage: 'stats [--json] [--chart FILE.png]   letters, registrations, the pool against the targets, shortfalls, the draw' },
  selection: { run: selectionCommand, usage: 'selection import --selected selected.csv [--remaining remaining.csv] [--reserves reserves.csv] [--seed SEED]   the draw\'s outcome (reserves by lot), told to each' },
  find: { run: findCommand, usage: 'find QUERY [--json]        a person by name, invitation code, pseudonym or phone: contact and statuses' },
  doctor: { run: (ctx) => doctorCommand(ctx.args), usage: 'doctor [--json] [--online]   what is wrong with the channels, the database, the panel configuration and Node, and how to fix it' },
  whatsapp: { run: whatsappCommand, usage: 'whatsapp qr                the current WhatsApp login QR code, drawn again, and its picture' },
  broadcast: {
    run: broadcastCommand,
    usage: 'broadcast --audience registrants|selected|reserves|attendees [--event ID] (--texts DIR | --text-fr FILE --text-nl FILE --text-de FILE --text-en FILE) [--essential] [--dry-run | --yes] [--json]   a message to everyone in an audience, in their language, after a preview',
  },
  alerts: { run: alertsCommand, usage: 'alerts [--all] [--json] | alerts ack ID… | all   the organisers\' alerts without Slack' },
  helpline: { run: helplineCommand, usage: 'helpline list [--all] [--json] | show ID [--json] | claim ID | reply ID TEXT | resolve ID   answer citizens without Slack; show: the whole conversation, panelbot\'s answers included' },
  export: { run: exportCommand, usage: 'export pool --people people.csv --quotas quotas.csv [--settings settings.toml]   the eligible pool, quotas and settings for sortition-algorithms' },
  draw: {
    run: drawCommand,
    usage: 'draw [--algorithm maximin|legacy] [--seed N] [--out DIR] [--dry-run] [--force] [--time-limit S] [--households on|off] | draw report [--chart FILE.png]   the stratified draw inside panelbot, with its fairness report',
  },
  survey: { run: surveyCommand, usage: 'survey report [--csv] [--json] [--chart FILE.png] | survey answers [--item ID] [--csv] [--json]   questionnaires: n and means before/after, paired change; the open answers per item' },
  compensation: {
    run: compensationCommand,
    usage: 'compensation list [--json] | export [--out DIR] [--again BATCH] | mark-paid FILE   bank details, payment files (CSV + pain.001), payments made',
  },
  outbox: { run: outboxCommand, usage: 'outbox preview [--from DATE] [--to DATE] [--json] | outbox status [--json]   what will be sent; what was sent, failed or skipped' },
  events: { run: eventsCommand, usage: 'events list [--json] | events move EVENT --start TIME --end TIME | events reset EVENT|--all   new dates (or the configured ones again); unsent reminders re-planned, everyone expected told' },
  checkin: { run: checkinCommand, usage: 'checkin EVENT --person PSEUDONYM | --list [--csv | --json] | --file LIST.csv [--day DATE]   mark people present; the day\'s list for the door' },
  logistics: { run: logisticsCommand, usage: 'logistics EVENT [--csv | --json] [--counts]   meals, childcare, companions, hotel, accessibility, languages per day' },
  retention: { run: retentionCommand, usage: 'retention run [--dry-run]  erase personal data once the retention period is over' },
};

const FLAGS = ['csv', 'json', 'help', 'dry-run', 'all', 'counts', 'list', 'force', 'rehearsal-send', 'yes', 'essential', 'online'];

export function usage(): string {
  return [
    'usage: panelbot [--db PATH] [--config PATH] COMMAND …',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
    '',
    'Options: --db PATH (or PANELBOT_DB, default ./data/panelbot.db), --config PATH (or PANELBOT_CONFIG, default: the example panel).',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, FLAGS);
    const name = args.positionals[0] ?? 'serve';
    if (name === 'help' || args.options.has('help')) {
      process.stdout.write(`${usage()}\n`);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    args.positionals.shift();
    // Before the usual start-up: a wrong setting is one of the things the doctor reports.
    if (name === 'doctor') return await doctorCommand(args);
    const ctx = createCliContext(args, name);
    const refusal = organiserRefusal(name, one(args, 'db') ?? ctx.settings.PANELBOT_DB ?? DEFAULT_DB, ctx.settings.PANELBOT_ORGANISERS);
    if (refusal) {
      process.stderr.write(`${refusal}\n`);
      return 3;
    }
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`panelbot: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      // Within a known command, its own usage line; otherwise every command's.
      const known = COMMANDS[argv.find((a) => COMMANDS[a] !== undefined) ?? ''];
      process.stderr.write(`panelbot: ${err.message}\n${known ? `usage: panelbot ${known.usage}` : `\n${usage()}`}\n`);
      return 2;
    }
    if (err instanceof SettingsError) {
      process.stderr.write(`panelbot: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`panelbot: the panel configuration ${err.message}\n`);
      return 2;
    }
    if (err instanceof CsvError) {
      process.stderr.write(`panelbot: ${err.message}\n`);
      return 1;
    }
    // Anything else is a bug or the system (a full disk, a locked file): one line, never a stack
    // trace in the organiser's face; PANELBOT_DEBUG=1 shows it.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`panelbot: ${message}${process.env.PANELBOT_DEBUG ? `\n${(err as Error)?.stack ?? ''}` : ' (PANELBOT_DEBUG=1 for details)'}\n`);
    return 1;
  }
}

// Run directly (`npx tsx src/cli/index.ts …`), it is the command itself, as bin/panelbot.mjs is;
// imported (the bin, the bundle, tests), it only exports runCli.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
