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

/** Every step sentence versions before the step ids wrote, with its texts then: stored timelines and exports keep them. */
const BEFORE_STEP_IDS: Record<string, { de: string; en: string }> = {
  'sign-in (login) requested': { de: 'ANMELDEN angeklickt', en: 'SIGN IN clicked' },
  'sign-in (refresh) requested': { de: 'AKTUALISIEREN angeklickt', en: 'REFRESH clicked' },
  'sign-in (login) requested again while one is starting; answered with that one': {
    de: 'ANMELDEN erneut angeklickt, während eine Anmeldung beginnt – diese gilt',
    en: 'SIGN IN clicked again while a sign-in is starting – that one stands',
  },
  'sign-in (refresh) requested again while one is starting; answered with that one': {
    de: 'AKTUALISIEREN erneut angeklickt, während eine Anmeldung beginnt – diese gilt',
    en: 'REFRESH clicked again while a sign-in is starting – that one stands',
  },
  'platform registered in the cloud': { de: 'Plattform in der Cloud angelegt', en: 'Platform registered in the cloud' },
  'registration answer was lost; sending it again': {
    de: 'Antwort auf die Registrierung ging verloren – wird erneut gesendet',
    en: 'Registration answer was lost – sending it again',
  },
  'platform missing in the cloud; registering again': {
    de: 'Plattform fehlte in der Cloud – wird neu angelegt',
    en: 'Platform missing in the cloud – registering again',
  },
  'country changed; old cloud platform deleted': {
    de: 'Land geändert – alte Cloud-Plattform gelöscht',
    en: 'Country changed – old cloud platform deleted',
  },
  'adopted from the cloud': { de: 'Aus der Cloud übernommen', en: 'Adopted from the cloud' },
  'protocol imported for replay': { de: 'Protokoll zum Nachstellen importiert', en: 'Log imported for replay' },
  'region changed; the sign-in of the previous region ended': {
    de: 'Region geändert – die Anmeldung der bisherigen Region endet',
    en: 'Region changed – the sign-in of the previous region ended',
  },
  'sign-in ended by the user after a reported Seller Central error': {
    de: 'Anmeldung nach gemeldetem Seller-Central-Fehler vom Benutzer beendet',
    en: 'Sign-in ended by the user after a reported Seller Central error',
  },
  'sandbox scenario applied': { de: 'Sandbox-Testfall ausgelöst', en: 'Sandbox test case applied' },
  'sandbox test case switched off after the sign-in': {
    de: 'Sandbox-Testfall nach der Anmeldung abgeschaltet',
    en: 'Sandbox test case switched off after the sign-in',
  },
  'authorization created': { de: 'Anmeldung in der Cloud begonnen', en: 'Authorization started in the cloud' },
  'browser opened on Seller Central': {
    de: 'Browser mit Seller Central geöffnet',
    en: 'Browser opened on Seller Central',
  },
  'no browser could be opened; the link is shown to copy': {
    de: 'Kein Browser geöffnet – Link zum Kopieren angezeigt',
    en: 'No browser opened – link shown to copy',
  },
  'sign-in could not start': { de: 'Anmeldung konnte nicht beginnen', en: 'Sign-in could not start' },
  'waiting resumed after restart': { de: 'Warten nach Neustart fortgesetzt', en: 'Waiting resumed after restart' },
  'cloud unreachable while waiting; retrying with backoff': {
    de: 'Cloud beim Warten nicht erreichbar – neue Versuche',
    en: 'Cloud unreachable while waiting – retrying',
  },
  'cloud reachable again': { de: 'Cloud wieder erreichbar', en: 'Cloud reachable again' },
  'merchant reported a Seller Central error': {
    de: 'Händler meldet Fehler auf Seller Central',
    en: 'Merchant reported a Seller Central error',
  },
  authenticated: { de: 'Authentifiziert', en: 'Authenticated' },
  'sign-in failed': { de: 'Anmeldung fehlgeschlagen', en: 'Sign-in failed' },
  'sign-in expired': { de: 'Anmeldung abgelaufen', en: 'Sign-in expired' },
  'sign-in cancelled': { de: 'Anmeldung abgebrochen', en: 'Sign-in cancelled' },
  'sign-in cancelled by the user': { de: 'Anmeldung vom Benutzer abgebrochen', en: 'Sign-in cancelled by the user' },
  'cloud cancel failed': { de: 'Abbruch in der Cloud fehlgeschlagen', en: 'Cancelling in the cloud failed' },
  'timed out waiting for Amazon': {
    de: 'Zeitüberschreitung beim Warten auf Amazon',
    en: 'Timed out waiting for Amazon',
  },
  'waiting stopped': { de: 'Warten beendet', en: 'Waiting stopped' },
  'gave up: cloud unreachable past the deadline': {
    de: 'Aufgegeben: Cloud bis nach Ablauf nicht erreichbar',
    en: 'Gave up: cloud unreachable past the deadline',
  },
  'renamed in the cloud': { de: 'In der Cloud umbenannt', en: 'Renamed in the cloud' },
  'settings imported': { de: 'Einstellungen importiert', en: 'Settings imported' },
  'settings import failed': { de: 'Einstellungen importieren fehlgeschlagen', en: 'Settings import failed' },
  'Amazon returned another seller; waiting for the user to keep or switch': {
    de: 'Amazon meldet ein anderes Verkäuferkonto – Entscheidung des Benutzers steht aus',
    en: 'Amazon returned another seller – waiting for the user’s decision',
  },
  'switched to the other seller; marketplaces cleared': {
    de: 'Zum anderen Verkäuferkonto gewechselt; Marktplätze geleert',
    en: 'Switched to the other seller; marketplaces cleared',
  },
  'kept the previous seller': { de: 'Bisheriges Verkäuferkonto behalten', en: 'Kept the previous seller' },
  'Seller Central "Manage Your Apps" opened': {
    de: 'Seller Central „Apps verwalten“ geöffnet',
    en: 'Seller Central "Manage Your Apps" opened',
  },
  'pairing code shown for Seller Central / Appstore': {
    de: 'Kopplungscode für Seller Central / Appstore angezeigt',
    en: 'Pairing code shown for Seller Central / Appstore',
  },
  'renewal reminder shown': { de: 'Erinnerung an die Erneuerung angezeigt', en: 'Renewal reminder shown' },
  'sign-in started in Seller Central while one of ours is waiting: ours goes on': {
    de: 'Anmeldung in Seller Central begonnen, während diese Anmeldung wartet – diese läuft weiter',
    en: 'Sign-in started in Seller Central while this one is waiting – this one goes on',
  },
  'sign-in started in Seller Central or the Appstore (Login URI)': {
    de: 'Anmeldung in Seller Central oder im Appstore begonnen (Login-URI)',
    en: 'Sign-in started in Seller Central or the Appstore (Login URI)',
  },
};

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
