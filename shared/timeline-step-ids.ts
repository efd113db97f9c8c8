// Every step the core writes to the Protokoll, as an id with typed params (timeline-step-params.ts) and
// its texts (timeline-step-texts.ts). Here: the English sentence stored as the entry's `step` (versions
// before the ids stored only that, and exports carry it), the step's text in a UI language, and the way
// back from a stored sentence to its step.
import type { TimelineStep, TimelineStepId } from './timeline-step-params';
import { STEP_TEXTS, type StepTexts } from './timeline-step-texts';

export type { TimelineStep, TimelineStepId } from './timeline-step-params';
export { STEP_TEXTS } from './timeline-step-texts';

const textsOf = (step: TimelineStep) => STEP_TEXTS[step.id] as StepTexts<unknown>;
const paramsOf = (step: TimelineStep): unknown => ('params' in step ? step.params : undefined);

/** The English sentence stored as the entry's `step`. */
export function stepSentence(step: TimelineStep): string {
  return textsOf(step).sentence(paramsOf(step));
}

export function typedStepText(step: TimelineStep, lang: 'de' | 'en'): string {
  return textsOf(step)[lang](paramsOf(step));
}

/** Steps whose params take few values: every sentence they write, to read stored entries back. */
const ENUMERATED: TimelineStep[] = [
  ...(['login', 'refresh'] as const).flatMap((mode): TimelineStep[] => [
    { id: 'signInRequested', params: { mode } },
    { id: 'signInRequestedAgain', params: { mode } },
  ]),
  ...(['failed', 'expired', 'cancelled'] as const).map((status): TimelineStep => ({
    id: 'signInEnded',
    params: { status },
  })),
];
/** Steps with an open tail: the sentence's fixed start and the param it carries. */
const TAILED = [
  { start: 'Amazon request: ', step: (call: string): TimelineStep => ({ id: 'amazonRequest', params: { call } }) },
  {
    start: 'sign-in started in Seller Central ended: ',
    step: (status: string): TimelineStep => ({ id: 'amazonStartedEnded', params: { status } }),
  },
];

const BY_SENTENCE = new Map<string, TimelineStep>([
  ...(Object.keys(STEP_TEXTS) as TimelineStepId[]).flatMap((id) =>
    STEP_TEXTS[id].sentence.length === 0
      ? [[stepSentence({ id } as TimelineStep), { id } as TimelineStep] as const]
      : [],
  ),
  ...ENUMERATED.map((s) => [stepSentence(s), s] as const),
]);

/** The step a stored sentence names (also one written by an older version); undefined when unknown. */
export function stepOfSentence(sentence: string): TimelineStep | undefined {
  const known = BY_SENTENCE.get(sentence);
  if (known) return known;
  const tailed = TAILED.find((t) => sentence.startsWith(t.start));
  return tailed ? tailed.step(sentence.slice(tailed.start.length)) : undefined;
}

/** Every sentence a step without an open tail writes, with its step. */
export function knownSentences(): [string, TimelineStep][] {
  return [...BY_SENTENCE];
}

/** The fixed starts of the sentences with an open tail. */
export const TAILED_STARTS = TAILED.map((t) => t.start);
