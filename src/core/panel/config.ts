// The panel configuration: what the panel is, its events, its draw and its care.
// Validated at start; every error names the field and what is wrong.
import { z } from 'zod';

import { LANGUAGES, type Language } from '../../vocabulary';
import { formatPhone } from './phone';

export { LANGUAGES, type Language };
export const languageSchema = z.enum(LANGUAGES);

const perLanguage = z
  .object({ fr: z.string().min(1), nl: z.string().min(1), de: z.string().min(1), en: z.string().min(1) })
  .strict();
export type PerLanguage = z.infer<typeof perLanguage>;

/**
 * A name or address each language reads in its own words ({ fr, nl, de, en }: "Palais d'Egmont",
 * "Egmontpaleis"…), or one text for all (older configurations, or a name that is the same).
 */
const localised = z.union([z.string().min(1), perLanguage]).transform((v): PerLanguage => (typeof v === 'string' ? { fr: v, nl: v, de: v, en: v } : v));

const isoDateTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'expected a date and time with its offset, like 2027-02-20T09:30:00+01:00',
});
const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'expected a date like 2027-02-01',
});
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 21:00');
const share = z.number().min(0).max(1);

/** A time zone Intl knows (a misspelt one would break every date shown, at the first message). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const EVENT_KINDS = ['info_session', 'weekend', 'ceremony', 'other'] as const;
export const AUDIENCES = ['registrants', 'selected', 'reserves', 'companions'] as const;

const eventSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, like weekend-1'),
    kind: z.enum(EVENT_KINDS),
    title: perLanguage,
    start: isoDateTime,
    end: isoDateTime,
    place: localised.optional(),
    online: z.string().url().optional(),
    audience: z.array(z.enum(AUDIENCES)).min(1).default(['selected']),
  })
  .strict()
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { message: 'end must come after start', path: ['end'] })
  .refine((e) => e.place !== undefined || e.online !== undefined, { message: 'give a place or an online link', path: ['place'] });

const reminderRule = z
  .object({
    id: z.string().min(1),
    /** Hours before the start. */
    hoursBefore: z.number().positive(),
    /** Local hour (0-23) at which to deliver, on the day given by hoursBefore. */
    deliveryHour: z.number().int().min(0).max(23).optional(),
    /** How late the reminder may still go out. */
    toleranceHours: z.number().positive().default(6),
    askAttendance: z.boolean().default(false),
  })
  .strict();

const quotaTargets = z.record(z.string(), share);

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, dashes and underscores');

/** The answer scales of questionnaire items; their five labels live in locales/<lng>/survey.json. */
export const SURVEY_SCALES = ['agree', 'trust', 'interest', 'satisfaction'] as const;

const surveyItem = z
  .object({
    id: slug,
    scale: z.enum(SURVEY_SCALES).default('agree'),
    /** For scales with reverse-keyed items (GAAIS negative subscale); the report shows raw means. */
    subscale: z.string().min(1).optional(),
    text: perLanguage,
  })
  .strict();

export const itemBankSchema = z
  .object({
    title: perLanguage.optional(),
    source: z.string().min(1).optional(),
    items: z.array(surveyItem).min(1),
  })
  .strict()
  .superRefine((bank, ctx) => {
    const seen = new Set<string>();
    bank.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `"${item.id}" is used twice` });
      seen.add(item.id);
    });
  });
export type ItemBank = z.infer<typeof itemBankSchema>;
export type SurveyItem = ItemBank['items'][number];

/** When something is sent after the panel (or before it starts), relative to the weekends. */
const sendMoment = {
  when: z.enum(['before_first_weekend', 'after_last_weekend']),
  /** Days before the first weekend's first day, or after the last weekend's last day. */
  days: z.number().int().min(0).default(1),
  /** Local hour of sending. */
  hour: z.number().int().min(0).max(23).default(10),
  /** Sending stays open this long; past it nobody is asked any more (a late scheduler never surprises). */
  windowDays: z.number().int().positive().default(14),
};

const questionnaireSchema = z
  .object({
    id: slug,
    /** A key of surveys.banks. */
    bank: slug,
    /** Questionnaires of the same bank with wave before and after are compared in the report. */
    wave: z.enum(['before', 'after']).optional(),
    /** Ends with an open question (the process evaluation). */
    comment: z.boolean().default(false),
    ...sendMoment,
  })
  .strict();
export type Questionnaire = z.infer<typeof questionnaireSchema>;

const surveysSchema = z
  .object({
    /** Item banks, inline or as a file path relative to the configuration file (surveys/gaais.yaml). */
    banks: z.record(slug, z.union([z.string().min(1), itemBankSchema])),
    questionnaires: z.array(questionnaireSchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.questionnaires.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questionnaires', i, 'id'], message: `"${q.id}" is used twice` });
      ids.add(q.id);
      if (!(q.bank in s.banks)) ctx.addIssue({ code: 'custom', path: ['questionnaires', i, 'bank'], message: `no bank "${q.bank}" in surveys.banks` });
    });
  });

const debtorSchema = z
  .object({
    name: z.string().min(1).max(70),
    iban: z.string().min(15),
    bic: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'expected a BIC of 8 or 11 letters and digits').optional(),
  })
  .strict();

export const panelConfigSchema = z
  .object({
    panel: z
      .object({
        name: perLanguage,
        languages: z.array(languageSchema).min(1),
        timezone: z.string().default('Europe/Brussels').refine(isTimeZone, 'not a time zone: use an IANA name like Europe/Brussels'),
        organiser: z.string().min(1),
        website: z.string().url().optional(),
      })
      .strict(),
    registration: z
      .object({
        opens: isoDate,
        closes: isoDate,
        drawDate: isoDate,
        minimumAge: z.number().int().min(0).max(120).default(16),
        guardianBelowAge: z.number().int().min(0).max(120).default(18),
        letters: z.number().int().nonnegative(),
        consentVersion: z.string().min(1),
        wrongCodes: z
          .object({
            perPersonPerHour: z.number().int().positive().default(5),
            burstWindowMinutes: z.number().positive().default(10),
            burstThreshold: z.number().int().positive().default(30),
          })
          .strict()
          .default({ perPersonPerHour: 5, burstWindowMinutes: 10, burstThreshold: 30 }),
        milestones: z.array(z.number().int().positive()).default([100, 500, 1000]),
      })
      .strict(),
    draw: z
      .object({
        panelSize: z.number().int().positive(),
        reserves: z.number().int().nonnegative().default(0),
        /** Seats each quota may move around its target. */
        slack: z.number().int().nonnegative().default(1),
        /** The gender value of people who describe their gender in their own words (a quota row of its own; share 0 unless targeted). */
        /** For the shortfall during registration: registrants aimed at per seat of each quota's minimum. */
        aimPerMinimumSeat: z.number().positive().default(5),
        selfDescribedGender: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, dashes and underscores').default('other'),
        quotas: z
          .object({
            gender: quotaTargets,
            age: quotaTargets,
            region: quotaTargets,
            language: quotaTargets,
            education: quotaTargets,
          })
          .strict(),
      })
      .strict(),
    compensation: z
      .object({
        amount: z.number().nonnegative(),
        currency: z.string().length(3).default('EUR'),
        rule: z.enum(['all_days', 'any_day']).default('all_days'),
        /** When eligible participants are asked for their bank details. */
        ask: z
          .object({ days: z.number().int().min(0).default(1), hour: z.number().int().min(0).max(23).default(10), windowDays: z.number().int().positive().default(60) })
          .strict()
          .default({ days: 1, hour: 10, windowDays: 60 }),
        /** The account the compensation is paid from (needed by `panelbot compensation export`). */
        debtor: debtorSchema.optional(),
        /** The unstructured remittance text on each transfer (the pseudonym's reference is added). */
        remittance: z.string().min(1).max(100).default('Compensation citizens panel'),
        /**
         * Years a payment's accounting record (holder, IBAN, amount, date) is kept after the payment,
         * also when the person asks to be erased; erased after that. Belgian accounting law: 10.
         */
        keepPaymentYears: z.number().int().min(1).max(30).default(10),
      })
      .strict(),
    venue: z
      .object({
        name: localised,
        address: localised,
        postcode: z.string().regex(/^\d{4}$/, 'expected a Belgian postcode of 4 digits'),
        hotelDistanceKm: z.number().positive().default(100),
      })
      .strict(),
    events: z.array(eventSchema).min(1),
    reminders: z
      .object({
        quietHours: z.object({ start: hhmm, end: hhmm }).strict().default({ start: '21:00', end: '08:00' }),
        rules: z.partialRecord(z.enum(EVENT_KINDS), z.array(reminderRule)).default({}),
        /** A seat freed by a "no" to an attendance question is offered to a reserve until this many hours before the start. */
        seatOfferUntilHours: z.number().nonnegative().default(48),
      })
      .strict(),
    helpline: z
      .object({
        hours: perLanguage,
        /** Shown in every error and help text, grouped as people read it (+32 2 000 00 00) however it is written here. */
        phone: z.string().min(1).transform(formatPhone),
        email: z.string().email(),
        faqDir: z.string().min(1).default('faq'),
        nudgeAfterMinutes: z.number().positive().default(60),
        urgentWords: z.partialRecord(languageSchema, z.array(z.string().min(1))).default({}),
      })
      .strict(),
    needs: z
      .object({ changeDeadlineDays: z.number().nonnegative().default(5) })
      .strict()
      .default({ changeDeadlineDays: 5 }),
    retention: z.object({ monthsAfterEnd: z.number().int().positive().default(6) }).strict().default({ monthsAfterEnd: 6 }),
    surveys: surveysSchema.optional(),
    followUp: z
      .object({
        /** The panel's final report: a link per language, given to anyone who types "report". */
        finalReport: z.object({ fr: z.string().url(), nl: z.string().url(), de: z.string().url(), en: z.string().url() }).strict().optional(),
        /** The report is out from this day (panel time) and never before the panel's last event is over. */
        publishedOn: isoDate.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    // The registration window comes before the draw: a draw date shown while registering is never past.
    const r = cfg.registration;
    if (r.closes < r.opens) ctx.addIssue({ code: 'custom', path: ['registration', 'closes'], message: `closes (${r.closes}) is before opens (${r.opens})` });
    if (r.drawDate < r.closes) ctx.addIssue({ code: 'custom', path: ['registration', 'drawDate'], message: `the draw (${r.drawDate}) is before registration closes (${r.closes})` });
    const ids = new Set<string>();
    cfg.events.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: `"${e.id}" is used twice` });
      ids.add(e.id);
    });
    for (const [feature, targets] of Object.entries(cfg.draw.quotas)) {
      const sum = Object.values(targets).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 0.05) {
        ctx.addIssue({ code: 'custom', path: ['draw', 'quotas', feature], message: `shares add up to ${sum.toFixed(2)}, expected 1` });
      }
    }
  });

export type PanelConfig = z.infer<typeof panelConfigSchema>;
export type PanelEvent = PanelConfig['events'][number];
export type ReminderRule = z.infer<typeof reminderRule>;

/** Turns zod issues into lines that name the field and say what is wrong. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}
