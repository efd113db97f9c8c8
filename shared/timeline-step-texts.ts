// The texts of every Protokoll step: `sentence` is the English sentence stored as the entry's `step`,
// `de` and `en` what the Protokoll tab and the export show. A step without an entry here does not
// compile (the table is a mapped type over TimelineStepParams).
import type { Ended, Mode, TimelineStepId, TimelineStepParams } from './timeline-step-params';

type Text<P> = (p: P) => string;
export interface StepTexts<P> {
  sentence: Text<P>;
  de: Text<P>;
  en: Text<P>;
}

const fixed = (sentence: string, de: string, en: string): StepTexts<void> => ({
  sentence: () => sentence,
  de: () => de,
  en: () => en,
});
const MODE_DE: Record<Mode, string> = { login: 'ANMELDEN', refresh: 'AKTUALISIEREN' };
const MODE_EN: Record<Mode, string> = { login: 'SIGN IN', refresh: 'REFRESH' };
const ENDED_DE: Record<Ended, string> = { failed: 'fehlgeschlagen', expired: 'abgelaufen', cancelled: 'abgebrochen' };

export const STEP_TEXTS: { [K in TimelineStepId]: StepTexts<TimelineStepParams[K]> } = {
  signInRequested: {
    sentence: (p) => `sign-in (${p.mode}) requested`,
    de: (p) => `${MODE_DE[p.mode]} angeklickt`,
    en: (p) => `${MODE_EN[p.mode]} clicked`,
  },
  signInRequestedAgain: {
    sentence: (p) => `sign-in (${p.mode}) requested again while one is starting; answered with that one`,
    de: (p) => `${MODE_DE[p.mode]} erneut angeklickt, während eine Anmeldung beginnt – diese gilt`,
    en: (p) => `${MODE_EN[p.mode]} clicked again while a sign-in is starting – that one stands`,
  },
  platformRegistered: fixed(
    'platform registered in the cloud',
    'Plattform in der Cloud angelegt',
    'Platform registered in the cloud',
  ),
  registrationReplayed: fixed(
    'registration answer was lost; sending it again',
    'Antwort auf die Registrierung ging verloren – wird erneut gesendet',
    'Registration answer was lost – sending it again',
  ),
  platformMissingInCloud: fixed(
    'platform missing in the cloud; registering again',
    'Plattform fehlte in der Cloud – wird neu angelegt',
    'Platform missing in the cloud – registering again',
  ),
  countryChanged: fixed(
    'country changed; old cloud platform deleted',
    'Land geändert – alte Cloud-Plattform gelöscht',
    'Country changed – old cloud platform deleted',
  ),
  adoptedFromCloud: fixed('adopted from the cloud', 'Aus der Cloud übernommen', 'Adopted from the cloud'),
  replayImported: fixed(
    'protocol imported for replay',
    'Protokoll zum Nachstellen importiert',
    'Log imported for replay',
  ),
  regionChanged: fixed(
    'region changed; the sign-in of the previous region ended',
    'Region geändert – die Anmeldung der bisherigen Region endet',
    'Region changed – the sign-in of the previous region ended',
  ),
  endedAfterReport: fixed(
    'sign-in ended by the user after a reported Seller Central error',
    'Anmeldung nach gemeldetem Seller-Central-Fehler vom Benutzer beendet',
    'Sign-in ended by the user after a reported Seller Central error',
  ),
  sandboxScenarioApplied: fixed('sandbox scenario applied', 'Sandbox-Testfall ausgelöst', 'Sandbox test case applied'),
  sandboxScenarioCleared: fixed(
    'sandbox test case switched off after the sign-in',
    'Sandbox-Testfall nach der Anmeldung abgeschaltet',
    'Sandbox test case switched off after the sign-in',
  ),
  authorizationCreated: fixed(
    'authorization created',
    'Anmeldung in der Cloud begonnen',
    'Authorization started in the cloud',
  ),
  browserOpened: fixed(
    'browser opened on Seller Central',
    'Browser mit Seller Central geöffnet',
    'Browser opened on Seller Central',
  ),
  browserNotOpened: fixed(
    'no browser could be opened; the link is shown to copy',
    'Kein Browser geöffnet – Link zum Kopieren angezeigt',
    'No browser opened – link shown to copy',
  ),
  signInNotStarted: fixed('sign-in could not start', 'Anmeldung konnte nicht beginnen', 'Sign-in could not start'),
  waitingResumed: fixed(
    'waiting resumed after restart',
    'Warten nach Neustart fortgesetzt',
    'Waiting resumed after restart',
  ),
  cloudUnreachable: fixed(
    'cloud unreachable while waiting; retrying with backoff',
    'Cloud beim Warten nicht erreichbar – neue Versuche',
    'Cloud unreachable while waiting – retrying',
  ),
  cloudReachable: fixed('cloud reachable again', 'Cloud wieder erreichbar', 'Cloud reachable again'),
  sellerCentralErrorReported: fixed(
    'merchant reported a Seller Central error',
    'Händler meldet Fehler auf Seller Central',
    'Merchant reported a Seller Central error',
  ),
  authenticated: fixed('authenticated', 'Authentifiziert', 'Authenticated'),
  signInEnded: {
    sentence: (p) => `sign-in ${p.status}`,
    de: (p) => `Anmeldung ${ENDED_DE[p.status]}`,
    en: (p) => `Sign-in ${p.status}`,
  },
  cancelledByUser: fixed(
    'sign-in cancelled by the user',
    'Anmeldung vom Benutzer abgebrochen',
    'Sign-in cancelled by the user',
  ),
  cloudCancelFailed: fixed(
    'cloud cancel failed',
    'Abbruch in der Cloud fehlgeschlagen',
    'Cancelling in the cloud failed',
  ),
  timedOut: fixed(
    'timed out waiting for Amazon',
    'Zeitüberschreitung beim Warten auf Amazon',
    'Timed out waiting for Amazon',
  ),
  waitingStopped: fixed('waiting stopped', 'Warten beendet', 'Waiting stopped'),
  gaveUp: fixed(
    'gave up: cloud unreachable past the deadline',
    'Aufgegeben: Cloud bis nach Ablauf nicht erreichbar',
    'Gave up: cloud unreachable past the deadline',
  ),
  renamedInCloud: fixed('renamed in the cloud', 'In der Cloud umbenannt', 'Renamed in the cloud'),
  renamedByUpgrade: fixed(
    'renamed in the cloud account by an upgrade of the cloud',
    'Im Cloud-Konto durch ein Update der Cloud umbenannt',
    'Renamed in the cloud account by an upgrade of the cloud',
  ),
  renameNoticeAcknowledged: fixed(
    'notice of the rename acknowledged',
    'Hinweis auf die Umbenennung zur Kenntnis genommen',
    'Notice of the rename acknowledged',
  ),
  disconnected: fixed(
    'connection removed: the cloud platform and its Amazon token deleted; the platform stays',
    'Verbindung getrennt: Cloud-Plattform und Amazon-Token gelöscht, die Plattform bleibt',
    'Connection removed: the cloud platform and its Amazon token deleted; the platform stays',
  ),
  autoImportUnfinished: fixed(
    'automatic settings import did not finish before the app ended',
    'Automatischer Einstellungsimport vor dem Beenden nicht abgeschlossen',
    'Automatic settings import did not finish before the app ended',
  ),
  autoImportSkippedForSandbox: fixed(
    'no automatic import: a sandbox test case of the import is armed for it',
    'Kein automatischer Import: ein Sandbox-Testfall des Imports ist ausgelöst',
    'No automatic import: a sandbox test case of the import is armed',
  ),
  autoImportStarted: fixed(
    'settings import started automatically after the first authentication',
    'Einstellungsimport nach der ersten Anmeldung automatisch gestartet',
    'Settings import started automatically after the first authentication',
  ),
  amazonStartedInactive: fixed(
    'sign-in started in Seller Central not followed: the platform is not active',
    'In Seller Central begonnene Anmeldung nicht verfolgt: die Plattform ist nicht aktiv',
    'Sign-in started in Seller Central not followed: the platform is not active',
  ),
  settingsImported: fixed('settings imported', 'Einstellungen importiert', 'Settings imported'),
  settingsImportFailed: fixed(
    'settings import failed',
    'Einstellungen importieren fehlgeschlagen',
    'Settings import failed',
  ),
  sellerChanged: fixed(
    'Amazon returned another seller; waiting for the user to keep or switch',
    'Amazon meldet ein anderes Verkäuferkonto – Entscheidung des Benutzers steht aus',
    'Amazon returned another seller – waiting for the user’s decision',
  ),
  sellerSwitched: fixed(
    'switched to the other seller; marketplaces cleared',
    'Zum anderen Verkäuferkonto gewechselt; Marktplätze geleert',
    'Switched to the other seller; marketplaces cleared',
  ),
  sellerKept: fixed('kept the previous seller', 'Bisheriges Verkäuferkonto behalten', 'Kept the previous seller'),
  manageYourAppsOpened: fixed(
    'Seller Central "Manage Your Apps" opened',
    'Seller Central „Apps verwalten“ geöffnet',
    'Seller Central "Manage Your Apps" opened',
  ),
  pairingCodeShown: fixed(
    'pairing code shown for Seller Central / Appstore',
    'Kopplungscode für Seller Central / Appstore angezeigt',
    'Pairing code shown for Seller Central / Appstore',
  ),
  renewalReminderShown: fixed(
    'renewal reminder shown',
    'Erinnerung an die Erneuerung angezeigt',
    'Renewal reminder shown',
  ),
  amazonStartedWhileWaiting: fixed(
    'sign-in started in Seller Central while one of ours is waiting: ours goes on',
    'Anmeldung in Seller Central begonnen, während diese Anmeldung wartet – diese läuft weiter',
    'Sign-in started in Seller Central while this one is waiting – this one goes on',
  ),
  amazonStarted: fixed(
    'sign-in started in Seller Central or the Appstore (Login URI)',
    'Anmeldung in Seller Central oder im Appstore begonnen (Login-URI)',
    'Sign-in started in Seller Central or the Appstore (Login URI)',
  ),
  amazonRequest: {
    sentence: (p) => `Amazon request: ${p.call}`,
    de: (p) => `Anfrage an Amazon: ${p.call}`,
    en: (p) => `Amazon request: ${p.call}`,
  },
  amazonStartedEnded: {
    sentence: (p) => `sign-in started in Seller Central ended: ${p.status}`,
    de: (p) => `In Seller Central begonnene Anmeldung beendet: ${p.status}`,
    en: (p) => `Sign-in started in Seller Central ended: ${p.status}`,
  },
};
