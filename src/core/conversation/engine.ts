// The conversation engine: one inbound message in, the replies out, and the person's new state
// saved in the same transaction. Platform-free: adapters call handle() and render the replies.
import { inSavepoint, inTransaction, transactionOpen } from '../../db/client';
import { findSeen, markDelivered, markReplySent, messagesSince, recordHandled } from '../../db/repos/inbound-log';
import { holdMessage, loadStack, peopleWithHeld, saveStack, takeHeld } from '../../db/repos/conversations';
import { createPerson, findPersonByAddress, setPersonEasyRead, setPersonLanguage, touchIdentity } from '../../db/repos/people';
import type { Answer, Flow, Frame, FrameData, Person, Services, Step, Turn } from './flow';
import type { TextParams } from './i18n';
import type { ChannelAddress, Inbound, Outbound } from './messages';
import { LANGUAGES, type Language } from '../panel/config';
import { cleanInput, matchChoice, normalize, UNIVERSAL_SYNONYMS } from './text';
import { findCommand, type Command } from './commands';
import { redeemLinkCode } from '../linking/redeem';
import { choicePrefix } from './choice-id';
import { frenchTypography } from './typography';

export const MAX_MESSAGE_LENGTH = 2000;
/** A person sending more than this many messages a minute is flooding: told once; the last message is answered after the pause. */
export const FLOOD_LIMIT_PER_MINUTE = 30;
/** The most messages committed together: a Telegram poll brings at most 100. */
export const MAX_BATCH = 256;
const MAX_PENDING_CONFIRMATIONS = 10_000;

export interface EngineOptions {
  flows: Flow[];
  commands: Command[];
  /** Where a person goes when no flow is open: the welcome, the registration or home. */
  homeFrame: (turn: Turn) => Frame;
  /** How typed text that is not an answer is heard, and the way to a person (the helpline's). */
  hearing?: Hearing;
}

/** What makes sure nobody is stranded: the engine calls it; the helpline decides. */
export interface Hearing {
  /** The line added to every error: how to reach a person, and the phone number. */
  wayOut(turn: Turn): string;
  /** Before the pending question reads typed text: true when the text was taken (urgent words). */
  beforeAnswer(turn: Turn, text: string): boolean;
  /** Typed text that failed as an answer: true when it was heard as something else (a question). */
  notAnAnswer(turn: Turn, text: string): boolean;
  /** The flow pushed after two failed answers to the same question, offering a person. */
  offerFlow: string;
}

export class Engine {
  private readonly flows = new Map<string, Flow>();
  private pendingDeliveries: Array<[string, string]> = [];
  /** Messages answered again from the inbound log in this process (their questions' first showing is unknown). */
  private readonly replayed = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly commandWords: Map<string, Command>;
  private readonly queued: Array<{ inbound: Inbound; resolve: (replies: Outbound[]) => void }> = [];
  private queueScheduled = false;

  constructor(
    readonly services: Services,
    private readonly options: EngineOptions,
  ) {
    for (const flow of options.flows) this.flows.set(flow.id, flow);
    this.commandWords = new Map();
    for (const command of options.commands) {
      for (const lng of LANGUAGES) {
        for (const word of services.i18n.list(lng, `common:commands.${command.id}`)) this.commandWords.set(normalize(word) || word.trim(), command);
      }
      this.commandWords.set(command.id, command);
    }
  }

  hasFlow(id: string): boolean {
    return this.flows.has(id);
  }

  flow(id: string): Flow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }

  /**
   * Handles one message. Never throws: when the store cannot be written the person is told,
   * in their language, to try again, and nothing of the message is half-kept.
   */
  handle(inbound: Inbound): Outbound[] {
    return this.handleBatch([inbound])[0]!;
  }

  /**
   * Handles messages that arrived together in one transaction, each in a savepoint of its own: a
   * message that fails is rolled back alone and answered with the failure text, the others are
   * kept. One commit for the whole batch (a group commit) is what makes bursts cheap; nothing is
   * returned before that commit, so no reply can get ahead of the state it comes from.
   * Never throws.
   */
  handleBatch(inbounds: readonly Inbound[]): Outbound[][] {
    const { db } = this.services;
    const results: Outbound[][] = [];
    const confirmations = this.pendingDeliveries;
    try {
      inTransaction(db, () => {
        this.writeDeliveries();
        for (const inbound of inbounds) {
          if (inbounds.length === 1) {
            results.push(this.handleInTransaction(inbound));
            continue;
          }
          try {
            results.push(inSavepoint(db, () => this.handleInTransaction(inbound)));
          } catch (err) {
            // SQLite ends the whole transaction on some errors: then nothing of the batch is kept.
            if (!transactionOpen(db)) throw err;
            results.push(this.failureReplies(inbound, err));
          }
        }
      });
      return results;
    } catch (err) {
      this.restoreDeliveries(confirmations);
      return inbounds.map((inbound) => this.failureReplies(inbound, err));
    }
  }

  /**
   * What adapters call. Messages submitted while the event loop is busy (a poll batch, a burst of
   * webhooks) are handled together by handleBatch on the next turn; each promise resolves with
   * its own replies once they are committed. Never rejects.
   */
  submit(inbound: Inbound): Promise<Outbound[]> {
    return new Promise((resolve) => {
      this.queued.push({ inbound, resolve });
      this.scheduleQueue();
    });
  }

  /** Handles everything submitted so far, now (before the store is closed). */
  drainQueue(): void {
    while (this.queued.length > 0) this.runQueued();
  }

  private scheduleQueue(): void {
    if (this.queueScheduled || this.queued.length === 0) return;
    this.queueScheduled = true;
    setImmediate(() => {
      this.queueScheduled = false;
      this.runQueued();
      this.scheduleQueue();
    });
  }

  private runQueued(): void {
    const batch = this.queued.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    const results = this.handleBatch(batch.map((q) => q.inbound));
    batch.forEach((q, i) => q.resolve(results[i]!));
  }

  private failureReplies(inbound: Inbound, err: unknown): Outbound[] {
    const { db, log } = this.services;
    const code = (err as { code?: string }).code;
    log.error({ err: { name: (err as Error).name, code, stack: (err as Error).stack }, channel: inbound.address.channel }, 'message not handled');
    let lang: Language = 'en';
    let easy = false;
    try {
      const person = findPersonByAddress(db, inbound.address);
      lang = person?.language ?? guessLanguage(inbound.languageHint);
      easy = person?.easyRead === true;
    } catch {
      lang = guessLanguage(inbound.languageHint);
    }
    const key = code?.startsWith('SQLITE_BUSY') || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' ? 'common:errors.unavailable' : 'common:errors.internal';
    return [{ text: this.services.i18n.t(lang, key, { phone: this.services.config.helpline.phone }, easy) }];
  }

  /**
   * One reply reached the platform (adapters call it after each reply, in order, the moment the
   * platform accepted it). Written at once, in its own tiny commit: a redelivery after a crash is
   * answered only with the replies not recorded here, so at most the reply in flight at the crash
   * can arrive twice. Never throws: an unwritable store only means that reply may be sent again.
   */
  replySent(inbound: Pick<Inbound, 'address' | 'messageId'>, reply?: Outbound, platformMessageId?: string, platformSentAt?: Date): void {
    const { db, clock, log } = this.services;
    try {
      inTransaction(db, () => {
        markReplySent(db, inbound.address.channel, inbound.messageId);
        const replay = this.replayed.has(`${inbound.address.channel}\u0000${inbound.messageId}`);
        if (reply?.asks && (platformMessageId !== undefined || platformSentAt) && !replay) noteQuestionShown(db, inbound.address, reply.asks, { platformMessageId, platformSentAt }, clock.now());
      });
    } catch (err) {
      log.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'reply sent, not recorded yet');
    }
  }

  /**
   * The adapter confirms the replies reached the platform; a redelivery is then answered with
   * nothing. Confirmations are written with the next message's transaction (or by flushDeliveries),
   * which halves the commits under load; a crash can only lose confirmations still in flight, and
   * then the platform's redelivery gets the replies again.
   */
  delivered(inbound: Pick<Inbound, 'address' | 'messageId'>): void {
    this.pendingDeliveries.push([inbound.address.channel, inbound.messageId]);
    if (this.pendingDeliveries.length >= 256) this.flushDeliveries();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flushDeliveries(), 200);
      this.flushTimer.unref?.();
    }
  }

  flushDeliveries(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pendingDeliveries.length === 0) return;
    const confirmations = this.pendingDeliveries;
    try {
      inTransaction(this.services.db, () => this.writeDeliveries());
    } catch (err) {
      this.restoreDeliveries(confirmations);
      this.services.log.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code } }, 'delivery confirmations not written yet');
    }
  }

  /** Confirmations whose transaction was rolled back are written with the next one. */
  private restoreDeliveries(confirmations: Array<[string, string]>): void {
    if (this.pendingDeliveries === confirmations) return;
    // Bounded while the store stays unwritable: a lost confirmation only means a redelivery is answered again.
    this.pendingDeliveries = confirmations.concat(this.pendingDeliveries).slice(-MAX_PENDING_CONFIRMATIONS);
  }

  private writeDeliveries(): void {
    const batch = this.pendingDeliveries;
    this.pendingDeliveries = [];
    for (const [channel, messageId] of batch) markDelivered(this.services.db, channel, messageId);
  }

  private handleInTransaction(inbound: Inbound): Outbound[] {
    const { db, clock } = this.services;
    const { channel } = inbound.address;
    const seen = findSeen<Outbound>(db, channel, inbound.messageId);
    if (seen) {
      if (seen.delivered) return [];
      // Sent again after a crash: the first showing of a question it asks is not known (it may have
      // reached the person before the crash), so it does not become the question's reference.
      this.replayed.add(`${channel}\u0000${inbound.messageId}`);
      if (this.replayed.size > 10_000) this.replayed.clear(); // a bound: only the sends under way matter
      return seen.replies;
    }

    const now = clock.now();
    // A live link code moves this address to the code's person before anything else.
    const link = redeemLinkCode(db, inbound, now);
    let person = findPersonByAddress(db, inbound.address);
    const isNew = !person;
    if (!person) person = createPerson(db, inbound.address, now);
    else touchIdentity(db, inbound.address, now);

    if (!isNew) {
      const recent = messagesSince(db, person.id, new Date(now.getTime() - 60_000));
      if (recent >= FLOOD_LIMIT_PER_MINUTE) {
        const lang = person.language ?? guessLanguage(inbound.languageHint);
        const t = (key: string) => this.services.i18n.t(lang, key, { phone: this.services.config.helpline.phone }, person.easyRead === true);
        const replies = recent === FLOOD_LIMIT_PER_MINUTE ? [{ text: `${t('common:errors.flood')}\n${t('common:wayOut')}` }] : [];
        // Nothing is lost: the last message is kept and answered after the pause (answerHeld, or the next message).
        holdMessage(db, person.id, { address: inbound.address, messageId: inbound.messageId, content: inbound.content, at: now.getTime() }, now);
        this.withHeld?.add(person.id);
        recordHandled(db, channel, inbound.messageId, person.id, replies, now);
        return replies;
      }
      // A message held back during a flood is answered first, before this one. Who has one is
      // known in memory (one scan per process), so the common case costs no query.
      this.withHeld ??= new Set(peopleWithHeld(db));
      const held = this.withHeld.has(person.id) ? takeHeld(db, person.id) : undefined;
      if (held) {
        this.withHeld?.delete(person.id);
        const earlier = this.handleInTransaction({ address: inbound.address, messageId: `held:${held.messageId}`, content: held.content as Inbound['content'] });
        return [...earlier, ...this.handleInTransaction(inbound)];
      }
    }

    const stack = isNew ? [] : this.withoutExpired(loadStack(db, person.id) ?? [], now);
    const turn = new TurnImpl(this, person, inbound.address, stack, now, guessLanguage(inbound.languageHint));
    turn.order = inbound.order;
    turn.sentAt = inbound.sentAt;
    if (stack.length === 0) turn.resetToHome(inbound);

    if (link) {
      turn.say(turn.t(`linking:${link}`, { phone: this.services.config.helpline.phone }));
      turn.reask();
    } else this.dispatch(turn, inbound);
    turn.finish();

    if (!turn.forgotten) {
      saveStack(db, person.id, turn.stack, now);
      if (turn.languageChanged) setPersonLanguage(db, person.id, turn.person.language!);
      if (turn.easyChanged) setPersonEasyRead(db, person.id, turn.person.easyRead === true);
    }
    recordHandled(db, channel, inbound.messageId, turn.forgotten ? null : person.id, turn.replies, now);
    return turn.replies;
  }

  /** Frames of flows that expire ("did this help?") are dropped once their time has passed. */
  private withoutExpired(stack: Frame[], now: Date): Frame[] {
    return stack.filter((frame) => {
      const ttl = this.flows.get(frame.flow)?.expiresAfterMs;
      return !ttl || typeof frame.data.since !== 'number' || now.getTime() - frame.data.since <= ttl;
    });
  }

  /** People with a held message, known after the first answerHeld (a scan of the store). */
  private withHeld: Set<number> | undefined;

  /**
   * Answers the messages held back by the flood limit once the person's pause is over, and hands
   * the replies with their address to deliver (the scheduler queues them in the outbox).
   */
  answerHeld(deliver: (personId: number, address: ChannelAddress, replies: Outbound[]) => void): number {
    const { db, clock } = this.services;
    const now = clock.now();
    let answered = 0;
    // One transaction: the held message, its answer and the replies' delivery are kept together or not at all.
    inTransaction(db, () => {
      this.withHeld ??= new Set(peopleWithHeld(db));
      for (const personId of [...this.withHeld]) {
        if (messagesSince(db, personId, new Date(now.getTime() - 60_000)) >= FLOOD_LIMIT_PER_MINUTE) continue;
        const held = takeHeld(db, personId);
        this.withHeld.delete(personId);
        if (!held) continue;
        const address = held.address as ChannelAddress;
        const replies = this.handleInTransaction({ address, messageId: `held:${held.messageId}`, content: held.content as Inbound['content'] });
        deliver(personId, address, replies);
        answered++;
      }
    });
    return answered;
  }

  private dispatch(turn: TurnImpl, inbound: Inbound): void {
    const content = inbound.content;
    switch (content.kind) {
      case 'start':
        turn.onStart(content.payload);
        return;
      case 'unsupported':
        // The unsupported text names the phone itself; an edited message gets the way out added.
        if (content.what === 'edited') turn.sayError(turn.t('common:errors.edited'));
        else turn.say(turn.t('common:errors.unsupported', { phone: this.services.config.helpline.phone }));
        turn.reask();
        return;
      case 'choice':
        turn.onChoice(content.choiceId);
        return;
      case 'text': {
        const text = cleanInput(content.text, MAX_MESSAGE_LENGTH).trim();
        if (!text) {
          turn.sayError(turn.t('common:errors.empty'));
          turn.reask();
          return;
        }
        const command = findCommand(this.commandWords, text);
        if (command && command.appliesTo(turn)) {
          command.run(turn);
          return;
        }
        if (text.startsWith('/') && !/^\/\S+\s+\S/.test(text) && turn.frame.flow !== 'welcome') {
          turn.sayError(turn.t('common:errors.unknownCommand', { command: text.slice(0, 40) }));
          turn.reask();
          return;
        }
        turn.onText(text);
      }
    }
  }
}

/**
 * The platform's number of the message that asked the person's current question (Telegram), or the
 * time the platform says it was sent (WhatsApp), noted when that message was the question's first
 * showing (a frame's shown.ref and shown.at are set once).
 */
function noteQuestionShown(db: Services['db'], address: ChannelAddress, key: string, platform: { platformMessageId?: string; platformSentAt?: Date }, now: Date): void {
  const number = platform.platformMessageId === undefined ? NaN : Number(platform.platformMessageId);
  const ref = Number.isSafeInteger(number) ? number : undefined; // WhatsApp's ids are not numbers
  const at = platform.platformSentAt?.getTime();
  if (ref === undefined && at === undefined) return;
  const person = findPersonByAddress(db, address);
  const stack = person ? loadStack<Frame>(db, person.id) : undefined;
  const top = stack?.[stack.length - 1];
  if (!person || !stack || !top?.shown || top.shown.key !== key) return;
  const shown = top.shown;
  const notedRef = ref !== undefined && shown.ref === undefined;
  const notedAt = at !== undefined && shown.at === undefined;
  if (!notedRef && !notedAt) return;
  if (notedRef) shown.ref = ref;
  if (notedAt) shown.at = at;
  saveStack(db, person.id, stack, now);
}

export function guessLanguage(hint: string | undefined): Language {
  const short = hint?.slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(short ?? '') ? (short as Language) : 'en';
}

/** One message's worth of conversation: the stack being changed and the replies being written. */
class TurnImpl implements Turn {
  readonly replies: Outbound[] = [];
  languageChanged = false;
  easyChanged = false;
  forgotten = false;
  /** Where the message being answered sits in the chat (Inbound.order). */
  order: Inbound['order'];
  /** When the person sent it, on the platform's clock (Inbound.sentAt). */
  sentAt: Inbound['sentAt'];
  private moved = false;
  private silent = false;
  readonly person: Person;

  constructor(
    private readonly engine: Engine,
    person: Person,
    readonly address: ChannelAddress,
    readonly stack: Frame[],
    readonly now: Date,
    private readonly fallbackLang: Language,
  ) {
    this.person = { ...person };
  }

  get services(): Services {
    return this.engine.services;
  }
  get lang(): Language {
    return this.person.language ?? this.fallbackLang;
  }
  get easy(): boolean {
    return this.person.easyRead === true;
  }
  get frame(): Frame {
    return this.stack[this.stack.length - 1]!;
  }
  get nested(): boolean {
    return this.stack.length > 1;
  }

  t(key: string, params?: TextParams): string {
    return this.services.i18n.t(this.lang, key, params, this.easy);
  }
  say(message: string | Outbound): void {
    const reply = typeof message === 'string' ? { text: message } : message;
    // Texts put together here (a summary's "label: value" lines) follow French typography too;
    // only once French is chosen (the welcome mixes languages).
    this.replies.push(this.person.language === 'fr' ? { ...reply, text: frenchTypography(reply.text) } : reply);
  }
  goto(step: string): void {
    this.frame.step = step;
    this.moved = true;
  }
  push(flow: string, step?: string, data?: FrameData): void {
    this.stack.push(this.newFrame(flow, step, data));
    this.moved = true;
  }
  pop(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.resetToHome();
    this.moved = true;
  }
  replace(flow: string, step?: string, data?: FrameData): void {
    this.stack.length = 0;
    this.stack.push(this.newFrame(flow, step, data));
    this.moved = true;
  }
  setLanguage(lng: Language): void {
    this.person.language = lng;
    this.languageChanged = true;
  }
  setEasyRead(on: boolean): void {
    this.person.easyRead = on;
    this.easyChanged = true;
  }
  quiet(): void {
    this.silent = true;
  }
  hasFlow(id: string): boolean {
    return this.engine.hasFlow(id);
  }
  retell(text: string): void {
    this.onText(text);
  }
  forget(): void {
    this.forgotten = true;
    this.silent = true;
  }
  reask(): void {
    this.moved = true;
  }

  resetToHome(inbound?: Inbound): void {
    void inbound;
    const home = this.engine['options'].homeFrame(this);
    this.stack.length = 0;
    this.stack.push(home);
  }

  private newFrame(flowId: string, step?: string, data?: FrameData): Frame {
    const flow = this.engine.flow(flowId);
    const frame: Frame = { flow: flowId, step: step ?? flow.firstStep, data: {} };
    this.stack.push(frame);
    frame.data = { ...(flow.initialData?.(this) ?? {}), ...data };
    if (flow.expiresAfterMs) frame.data.since = this.now.getTime();
    if (!step && flow.begin) frame.step = flow.begin(this, frame.data);
    this.stack.pop();
    return frame;
  }

  /** The current step, repairing a frame whose flow or step no longer exists. */
  private currentStep() {
    let flow = this.engine['flows'].get(this.frame.flow);
    if (!flow) {
      this.pop();
      flow = this.engine.flow(this.frame.flow);
    }
    let step = flow.steps[this.frame.step];
    if (!step) {
      this.frame.step = flow.firstStep;
      step = flow.steps[flow.firstStep]!;
    }
    return step;
  }

  /** The choices the current step offers (its question is built once per message). */
  private offeredChoices(step: Step) {
    return step.ask(this).choices;
  }

  private choicePrefix(): string {
    return choicePrefix(this.frame.flow, this.frame.step);
  }

  onStart(payload: string | undefined): void {
    const flow = this.engine.flow(this.frame.flow);
    const handler = (flow as Flow & { onStart?: (turn: Turn, payload?: string) => boolean }).onStart;
    if (handler && handler(this, payload)) return;
    if (this.person.language && this.replies.length === 0) this.say(this.t('common:welcomeBack'));
    this.reask();
  }

  onChoice(choiceId: string): void {
    const prefix = this.choicePrefix();
    if (!choiceId.startsWith(prefix)) {
      this.sayError(this.t('common:errors.staleButton'));
      this.reask();
      return;
    }
    const step = this.currentStep();
    const id = choiceId.slice(prefix.length);
    const offered = this.offeredChoices(step) ?? [];
    const choice = offered.find((c) => c.id === id);
    if (!choice) {
      this.sayError(this.t('common:errors.staleButton'));
      this.reask();
      return;
    }
    this.answer({ text: choice.label, choiceId: id });
  }

  private get hearing(): Hearing | undefined {
    return this.engine['options'].hearing;
  }

  /** Whether typed text is heard for urgent words and questions before the step reads it. */
  private hears(): boolean {
    const flow = this.engine['flows'].get(this.frame.flow);
    return !!this.hearing && this.person.language !== null && !!flow && !flow.readsAnyText;
  }

  onText(text: string): void {
    const step = this.currentStep();
    if (step.hear?.(this, text)) return;
    const hears = this.hears();
    // Urgent words are always heard; a step that records descriptions (a need) also keeps the text.
    if (hears && this.hearing!.beforeAnswer(this, text) && !step.keepsUrgentText) return this.reask();
    if (this.answersEarlierQuestion()) {
      this.say(this.t('common:errors.staleAnswer'));
      this.reask();
      return;
    }
    const offered = this.offeredChoices(step);
    if (offered && offered.length > 0) {
      const id = matchChoice(text, offered, UNIVERSAL_SYNONYMS, step.byPosition !== false);
      if (id !== undefined) return this.answer({ text, choiceId: id });
      if (!step.freeText) {
        if (hears && this.hearing!.notAnAnswer(this, text)) return this.reask();
        this.fail(this.t(step.invalidChoiceKey ?? 'common:errors.chooseOne', { count: offered.length }));
        return;
      }
    }
    this.answer({ text }, hears);
  }

  /**
   * A typed answer meant for a question that has since moved on: it replies to a message older
   * than the current question, or was typed after the previous question and before this one was
   * shown (the person answered a question twice, e.g. one repeated after a restart). An answer typed
   * before any question (a quick "English" after /start) is not. By the chat's numbering where the
   * platform has one (Telegram), else by the times it gives (WhatsApp's message timestamps).
   */
  private answersEarlierQuestion(): boolean {
    const shown = this.frame.shown;
    if (!shown || shown.key !== `${this.frame.flow}.${this.frame.step}`) return false;
    const order = this.order;
    if (order && shown.ref !== undefined) {
      if (order.replyTo !== undefined) return order.replyTo < shown.ref;
      return shown.prevRef !== undefined && order.sequence > shown.prevRef && order.sequence < shown.ref;
    }
    // By the platform's times (WhatsApp: whole seconds, so only an answer sent in an earlier second
    // than the question was is taken as sent before it).
    const sent = this.sentAt?.getTime();
    if (sent === undefined || shown.at === undefined || shown.prevAt === undefined) return false;
    return sent >= shown.prevAt && sent < shown.at;
  }

  private answer(answer: Answer, typed = false): void {
    const frame = this.frame;
    const step = this.currentStep();
    const result = step.answer(this, answer);
    if (result && 'error' in result) {
      if (typed && this.hearing!.notAnAnswer(this, answer.text)) return this.reask();
      this.fail(this.t(result.error, result.params));
      return;
    }
    delete frame.data.failures;
    delete frame.data.failedAt;
  }

  /** An error the engine says itself (an empty message, a stale button): with the way to a person. */
  sayError(text: string): void {
    const hearing = this.hearing;
    this.say(hearing && this.person.language !== null ? `${text}\n${hearing.wayOut(this)}` : text);
  }

  /**
   * An answer that could not be read: the error, then the way to a person. The second failure
   * in a row at the same question also offers a person (the offer flow, on top of the question).
   */
  private fail(text: string): void {
    const hearing = this.hearing;
    this.reask();
    if (!hearing || this.person.language === null) return this.say(text);
    this.say(`${text}\n${hearing.wayOut(this)}`);
    const data = this.frame.data;
    const where = `${this.frame.flow}.${this.frame.step}`;
    const failures = data.failedAt === where ? Number(data.failures ?? 0) + 1 : 1;
    if (failures >= 2 && this.hasFlow(hearing.offerFlow) && this.frame.flow !== hearing.offerFlow) {
      delete data.failures;
      delete data.failedAt;
      const question = this.currentStep().ask(this).text.slice(0, 300);
      this.push(hearing.offerFlow, undefined, { where, question });
      return;
    }
    data.failedAt = where;
    data.failures = failures;
  }

  /** After the message: ask the question of wherever the person now is. */
  finish(): void {
    if (!this.moved || this.silent) return;
    const step = this.currentStep();
    const question = step.ask(this);
    const prefix = this.choicePrefix();
    const asks = `${this.frame.flow}.${this.frame.step}`;
    const shown = this.frame.shown;
    if (shown?.key !== asks) {
      const prevRef = shown?.ref ?? shown?.prevRef;
      const prevAt = shown?.at ?? shown?.prevAt;
      this.frame.shown = { key: asks, ...(prevRef === undefined ? {} : { prevRef }), ...(prevAt === undefined ? {} : { prevAt }) };
    }
    this.say({ ...(question.choices ? { ...question, choices: question.choices.map((c) => ({ id: prefix + c.id, label: c.label })) } : question), asks });
  }
}
