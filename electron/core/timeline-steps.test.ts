// Every step the core writes to the Protokoll has a German and an English text; older timelines still read.
import { describe, expect, it } from 'vitest';
import { knownSentences } from '../../shared/timeline-step-ids';
import {
  detailText,
  stepSentence,
  stepText,
  TIMELINE_STEP_PREFIXES,
  TIMELINE_STEPS,
} from '../../shared/timeline-steps';
import beforeStepIds from './testing/timeline-before-step-ids.json' with { type: 'json' };

/**
 * Every step sentence versions before the step ids wrote, with its texts then: stored timelines and
 * exports keep them. A fixture, frozen: a change to it is a change to what old timelines show.
 */
const BEFORE_STEP_IDS = beforeStepIds as Record<string, { de: string; en: string }>;

describe('Protokoll steps', () => {
  it('every step of the core has both texts (the table is a mapped type: a missing one does not compile)', () => {
    for (const [sentence, step] of knownSentences()) {
      expect(stepSentence(step)).toBe(sentence);
      expect(stepText(sentence, 'de').length, sentence).toBeGreaterThan(0);
    }
    expect(knownSentences().length).toBeGreaterThan(40);
  });

  it('timelines of older versions (the sentence only) still read as before', () => {
    for (const [sentence, texts] of Object.entries(BEFORE_STEP_IDS)) {
      expect(stepText(sentence, 'de'), sentence).toBe(texts.de);
      expect(stepText(sentence, 'en'), sentence).toBe(texts.en);
      expect(TIMELINE_STEPS[sentence], sentence).toEqual(texts);
    }
    expect(TIMELINE_STEP_PREFIXES['Amazon request: ']).toEqual({ de: 'Anfrage an Amazon: ', en: 'Amazon request: ' });
  });

  it('an entry with an id reads by its id and params; an unknown step is shown as written', () => {
    expect(stepText({ step: 'whatever', stepId: 'signInRequested', params: { mode: 'refresh' } }, 'de')).toBe(
      'AKTUALISIEREN angeklickt',
    );
    expect(stepText({ step: 'sign-in (login) requested', stepId: 'signInRequested' }, 'de')).toBe(
      'sign-in (login) requested',
    );
    expect(stepText('authenticated', 'de')).toBe('Authentifiziert');
    expect(stepText('something old', 'de')).toBe('something old');
    expect(stepText('constructor', 'de')).toBe('constructor');
    expect(stepText('Amazon request: SP-API getMarketplaceParticipations (EU)', 'de')).toBe(
      'Anfrage an Amazon: SP-API getMarketplaceParticipations (EU)',
    );
  });
});

// Issue 24: the Protokoll's details ("3 marketplaces", "region DE", "expires …Z" in UTC) read in the
// viewer's language, with timestamps in local time.
describe('Protokoll details', () => {
  const local = (iso: string) => `<${iso.slice(11, 16)} local>`;
  it('known phrases in both languages, every UTC timestamp through the local formatter, the rest as written', () => {
    expect(detailText('8 marketplaces', 'de', local)).toBe('8 Marktplätze');
    expect(detailText('8 marketplaces', 'en', local)).toBe('8 marketplaces');
    expect(detailText('region EU', 'de', local)).toBe('Region EU');
    expect(detailText('expires 2026-12-07T14:39:00.000Z', 'de', local)).toBe('läuft ab <14:39 local>');
    expect(detailText('login, expires 2026-12-07T14:39:00Z', 'en', local)).toBe('login, expires <14:39 local>');
    expect(detailText('seller A2EUMUSTER7H1K', 'de', local)).toBe('Händler-ID A2EUMUSTER7H1K');
    expect(detailText('LWA_ERROR: something', 'de', local)).toBe('LWA_ERROR: something');
  });
});
