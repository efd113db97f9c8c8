// The Protokoll's texts. The steps themselves are ids with typed params (timeline-step-params.ts; timeline-step-texts.ts, where
// the compiler checks that each has its German and English text); this module reads stored entries —
// by id, or by the English sentence older versions stored alone — and words their details.
import {
  knownSentences,
  STEP_TEXTS,
  stepOfSentence,
  TAILED_STARTS,
  typedStepText,
  type TimelineStep,
  type TimelineStepId,
} from './timeline-step-ids';

export { STEP_TEXTS, stepSentence, type TimelineStep, type TimelineStepId } from './timeline-step-ids';

/** The texts by stored sentence, as versions before the step ids kept them (for code that still reads them so). */
export const TIMELINE_STEPS: Record<string, { de: string; en: string }> = Object.fromEntries(
  knownSentences().map(([sentence, step]) => [
    sentence,
    { de: typedStepText(step, 'de'), en: typedStepText(step, 'en') },
  ]),
);

/** The sentences with a variable tail ("Amazon request: SP-API getMarketplaceParticipations (EU)"): their starts' texts. */
export const TIMELINE_STEP_PREFIXES: Record<string, { de: string; en: string }> = Object.fromEntries(
  TAILED_STARTS.map((start) => {
    const step = stepOfSentence(start)!;
    return [start, { de: typedStepText(step, 'de'), en: typedStepText(step, 'en') }];
  }),
);

/** A stored step: its sentence, and in entries of this version its id and params. */
interface StoredStep {
  step: string;
  stepId?: TimelineStepId;
  params?: Record<string, string>;
}

/**
 * The step's text in a language: by its id when the entry has one, else by its sentence (entries and
 * exports of older versions); an unknown step (written by a version with other steps) as it was written.
 */
export function stepText(step: string | StoredStep, lang: 'de' | 'en'): string {
  const stored = typeof step === 'string' ? { step } : step;
  const typed =
    stored.stepId && Object.hasOwn(STEP_TEXTS, stored.stepId)
      ? ({ id: stored.stepId, ...(stored.params ? { params: stored.params } : {}) } as TimelineStep)
      : stepOfSentence(stored.step);
  if (!typed) return stored.step;
  try {
    return typedStepText(typed, lang);
  } catch {
    return stored.step;
  }
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/** Words of the core's details (written in English, kept so in the export), as the Protokoll tab shows them. */
const DETAIL_WORDS: { pattern: RegExp; de: string; en: string }[] = [
  { pattern: /^(\d+) marketplaces$/, de: '$1 Marktplätze', en: '$1 marketplaces' },
  { pattern: /^region ([A-Z]{2})$/, de: 'Region $1', en: 'region $1' },
  { pattern: /^expires (.+)$/, de: 'läuft ab $1', en: 'expires $1' },
  { pattern: /^valid until (.+)$/, de: 'gültig bis $1', en: 'valid until $1' },
  { pattern: /^seller (\S+)$/, de: 'Händler-ID $1', en: 'seller ID $1' },
  { pattern: /^seller (\S+) → (\S+)$/, de: 'Händler-ID $1 → $2', en: 'seller ID $1 → $2' },
  { pattern: /^cloud platform (\S+)$/, de: 'Cloud-Plattform $1', en: 'cloud platform $1' },
  { pattern: /^(login|refresh), expires (.+)$/, de: '$1, läuft ab $2', en: '$1, expires $2' },
  {
    pattern: /^renewal due (\S+) \((-?\d+) days left\)$/,
    de: 'Erneuerung fällig $1 (noch $2 Tage)',
    en: 'renewal due $1 ($2 days left)',
  },
];

/**
 * A step's detail for the Protokoll tab: known phrases in the language, every UTC timestamp in the
 * viewer's local time (`formatTime`, e.g. the renderer's formatTimestamp); anything else as written.
 */
export function detailText(detail: string, lang: 'de' | 'en', formatTime: (iso: string) => string): string {
  const rule = DETAIL_WORDS.find((r) => r.pattern.test(detail));
  const worded = rule ? detail.replace(rule.pattern, rule[lang]) : detail;
  return worded.replace(ISO_TIME, (iso) => formatTime(iso) || iso);
}
