// What a dialogue is made of. A flow is a set of steps; a step asks one question and reads one
// answer. Flows stack: "language" or "talk to a person" is pushed on top of the registration and,
// when it ends, the registration asks its question again. Handlers only move the conversation
// (goto/push/pop/replace) and say confirmations or errors: the engine asks the next question.
import type { Db } from '../../db/client';
import type { Clock } from '../panel/clock';
import type { Translator, TextParams } from './i18n';
import type { ChannelAddress, Choice, Outbound } from './messages';
import type { Language, PanelConfig } from '../panel/config';
import type { Logger } from './logger';

export type FrameData = Record<string, unknown>;

export interface Frame {
  flow: string;
  step: string;
  data: FrameData;
  /**
   * The question this frame last showed (flow.step) and the platform's number of the message that
   * first asked it (ref, once its delivery is recorded), with the number of the question before it
   * (prevRef): a typed answer between the two was meant for the earlier question. On platforms that
   * give times instead of numbers (WhatsApp), the same with the times the question and the one
   * before it were sent (at, prevAt: milliseconds on the platform's clock).
   */
  shown?: { key: string; ref?: number; prevRef?: number; at?: number; prevAt?: number };
}

export interface Person {
  id: number;
  pseudonym: string;
  language: Language | null;
  status: string;
  /** Easy-read texts: null until the person chooses (an easy-read letter switches it on while null). */
  easyRead: boolean | null;
}

export interface Services {
  db: Db;
  config: PanelConfig;
  i18n: Translator;
  clock: Clock;
  log: Logger;
}

/** One answer as the step sees it: what was typed, and which offered choice it means (if any). */
export interface Answer {
  text: string;
  choiceId?: string;
}

/** A step reports a bad answer with an error text key; the engine says it and asks again. */
export type StepResult = void | { error: string; params?: TextParams };

export interface Step {
  /** The question: its text and, when the answer is one of a few, the choices. */
  ask(turn: Turn): Outbound;
  /** Reads the answer. With choices and no freeText, only answers that match a choice arrive here. */
  answer(turn: Turn, answer: Answer): StepResult;
  /** Accepts typed text that matches no choice (e.g. gender in one's own words). */
  freeText?: boolean;
  /** False when the choices are numbers themselves (an age): a typed "3" means the label "3", not the third choice. */
  byPosition?: boolean;
  /** The error key said when a typed answer matches none of the choices. */
  invalidChoiceKey?: string;
  /** Looks at typed text before it is read as an answer (e.g. "I lost my letter" at the code step); true when it took the message. */
  hear?(turn: Turn, text: string): boolean;
  /** An urgent message here ("my child is often ill") is also this step's answer, besides the urgent ticket. */
  keepsUrgentText?: boolean;
}

export interface Flow {
  id: string;
  firstStep: string;
  steps: Record<string, Step>;
  /** Data a new frame of this flow starts with. */
  initialData?: (turn: Turn) => FrameData;
  /** The step a new frame starts at, when it depends on the data (e.g. a code already given). */
  begin?: (turn: Turn, data: FrameData) => string;
  /** Every typed text is this flow's to read (a question to the team, the FAQ): no urgent or question hearing before it. */
  readsAnyText?: boolean;
  /** A frame of this flow is dropped when a message comes this long after it was opened (a question that goes stale). */
  expiresAfterMs?: number;
}

/** Everything a step may use while one message is handled (all inside one transaction). */
export interface Turn {
  readonly now: Date;
  readonly person: Person;
  /** Where this message came from (and where an answer to a helpline question goes back). */
  readonly address: ChannelAddress;
  /** The person's language, or the best guess before they chose one. */
  readonly lang: Language;
  /** Whether texts are sent in easy-read (the person asked, or their letter was an easy-read one). */
  readonly easy: boolean;
  readonly services: Services;
  readonly frame: Frame;
  /** Whether this frame sits on top of another one it returns to. */
  readonly nested: boolean;
  t(key: string, params?: TextParams): string;
  say(message: string | Outbound): void;
  goto(step: string): void;
  push(flow: string, step?: string, data?: FrameData): void;
  /** Ends this flow and returns to the one below, or to the person's home flow. */
  pop(): void;
  /** Ends every flow and starts this one. */
  replace(flow: string, step?: string, data?: FrameData): void;
  setLanguage(lng: Language): void;
  /** Easy-read on or off, kept with the person (saved with this message). */
  setEasyRead(on: boolean): void;
  /** Do not ask the next question after this message (the flow has said everything). */
  quiet(): void;
  /** The person was erased: save no conversation for them after this message. */
  forget(): void;
  /** Whether a flow with this id is part of this panelbot. */
  hasFlow(id: string): boolean;
  /** Reads typed text again as an answer to whatever step is now on top (after a pop). */
  retell(text: string): void;
}

export type { Choice };
