// The Protokoll's step texts in German and English. The core writes each step under a stable English
// key (the strings passed to Timeline.add, kept as they are so old entries stay readable); the
// renderer and the export show these texts. timeline-steps.test.ts checks that every key the core
// writes is here.
export const TIMELINE_STEPS: Record<string, { de: string; en: string }> = {
  'sign-in (login) requested': { de: 'ANMELDEN angeklickt', en: 'SIGN IN clicked' },
  'sign-in (refresh) requested': { de: 'AKTUALISIEREN angeklickt', en: 'REFRESH clicked' },
  'sign-in (login) requested again while one is starting; answered with that one': { de: 'ANMELDEN erneut angeklickt, während eine Anmeldung beginnt – diese gilt', en: 'SIGN IN clicked again while a sign-in is starting – that one stands' },
  'sign-in (refresh) requested again while one is starting; answered with that one': { de: 'AKTUALISIEREN erneut angeklickt, während eine Anmeldung beginnt – diese gilt', en: 'REFRESH clicked again while a sign-in is starting – that one stands' },
  'platform registered in the cloud': { de: 'Plattform in der Cloud angelegt', en: 'Platform registered in the cloud' },
  'registration answer was lost; sending it again': { de: 'Antwort auf die Registrierung ging verloren – wird erneut gesendet', en: 'Registration answer was lost – sending it again' },
  'platform missing in the cloud; registering again': { de: 'Plattform fehlte in der Cloud – wird neu angelegt', en: 'Platform missing in the cloud – registering again' },
  'country changed; old cloud platform deleted': { de: 'Land geändert – alte Cloud-Plattform gelöscht', en: 'Country changed – old cloud platform deleted' },
  'adopted from the cloud': { de: 'Aus der Cloud übernommen', en: 'Adopted from the cloud' },
  'protocol imported for replay': { de: 'Protokoll zum Nachstellen importiert', en: 'Log imported for replay' },
  'region changed; the sign-in of the previous region ended': { de: 'Region geändert – die Anmeldung der bisherigen Region endet', en: 'Region changed – the sign-in of the previous region ended' },
  'sign-in ended by the user after a reported Seller Central error': { de: 'Anmeldung nach gemeldetem Seller-Central-Fehler vom Benutzer beendet', en: 'Sign-in ended by the user after a reported Seller Central error' },
  'sandbox scenario applied': { de: 'Sandbox-Testfall ausgelöst', en: 'Sandbox test case applied' },
  'sandbox test case switched off after the sign-in': { de: 'Sandbox-Testfall nach der Anmeldung abgeschaltet', en: 'Sandbox test case switched off after the sign-in' },
  'authorization created': { de: 'Anmeldung in der Cloud begonnen', en: 'Authorization started in the cloud' },
  'browser opened on Seller Central': { de: 'Browser mit Seller Central geöffnet', en: 'Browser opened on Seller Central' },
  'no browser could be opened; the link is shown to copy': { de: 'Kein Browser geöffnet – Link zum Kopieren angezeigt', en: 'No browser opened – link shown to copy' },
  'sign-in could not start': { de: 'Anmeldung konnte nicht beginnen', en: 'Sign-in could not start' },
  'waiting resumed after restart': { de: 'Warten nach Neustart fortgesetzt', en: 'Waiting resumed after restart' },
  'cloud unreachable while waiting; retrying with backoff': { de: 'Cloud beim Warten nicht erreichbar – neue Versuche', en: 'Cloud unreachable while waiting – retrying' },
  'cloud reachable again': { de: 'Cloud wieder erreichbar', en: 'Cloud reachable again' },
  'merchant reported a Seller Central error': { de: 'Händler meldet Fehler auf Seller Central', en: 'Merchant reported a Seller Central error' },
  authenticated: { de: 'Authentifiziert', en: 'Authenticated' },
  'sign-in failed': { de: 'Anmeldung fehlgeschlagen', en: 'Sign-in failed' },
  'sign-in expired': { de: 'Anmeldung abgelaufen', en: 'Sign-in expired' },
  'sign-in cancelled': { de: 'Anmeldung abgebrochen', en: 'Sign-in cancelled' },
  'sign-in cancelled by the user': { de: 'Anmeldung vom Benutzer abgebrochen', en: 'Sign-in cancelled by the user' },
  'cloud cancel failed': { de: 'Abbruch in der Cloud fehlgeschlagen', en: 'Cancelling in the cloud failed' },
  'timed out waiting for Amazon': { de: 'Zeitüberschreitung beim Warten auf Amazon', en: 'Timed out waiting for Amazon' },
  'waiting stopped': { de: 'Warten beendet', en: 'Waiting stopped' },
  'gave up: cloud unreachable past the deadline': { de: 'Aufgegeben: Cloud bis nach Ablauf nicht erreichbar', en: 'Gave up: cloud unreachable past the deadline' },
  'renamed in the cloud': { de: 'In der Cloud umbenannt', en: 'Renamed in the cloud' },
  'renamed in the cloud account by an upgrade of the cloud': { de: 'Im Cloud-Konto durch ein Update der Cloud umbenannt', en: 'Renamed in the cloud account by an upgrade of the cloud' },
  'notice of the rename acknowledged': { de: 'Hinweis auf die Umbenennung zur Kenntnis genommen', en: 'Notice of the rename acknowledged' },
  'settings imported': { de: 'Einstellungen importiert', en: 'Settings imported' },
  'settings import failed': { de: 'Einstellungen importieren fehlgeschlagen', en: 'Settings import failed' },
  'Amazon returned another seller; waiting for the user to keep or switch': { de: 'Amazon meldet ein anderes Verkäuferkonto – Entscheidung des Benutzers steht aus', en: 'Amazon returned another seller – waiting for the user’s decision' },
  'switched to the other seller; marketplaces cleared': { de: 'Zum anderen Verkäuferkonto gewechselt; Marktplätze geleert', en: 'Switched to the other seller; marketplaces cleared' },
  'kept the previous seller': { de: 'Bisheriges Verkäuferkonto behalten', en: 'Kept the previous seller' },
  'Seller Central "Manage Your Apps" opened': { de: 'Seller Central „Apps verwalten“ geöffnet', en: 'Seller Central "Manage Your Apps" opened' },
  'pairing code shown for Seller Central / Appstore': { de: 'Kopplungscode für Seller Central / Appstore angezeigt', en: 'Pairing code shown for Seller Central / Appstore' },
  'renewal reminder shown': { de: 'Erinnerung an die Erneuerung angezeigt', en: 'Renewal reminder shown' },
  'sign-in started in Seller Central while one of ours is waiting: ours goes on': { de: 'Anmeldung in Seller Central begonnen, während diese Anmeldung wartet – diese läuft weiter', en: 'Sign-in started in Seller Central while this one is waiting – this one goes on' },
  'sign-in started in Seller Central or the Appstore (Login URI)': { de: 'Anmeldung in Seller Central oder im Appstore begonnen (Login-URI)', en: 'Sign-in started in Seller Central or the Appstore (Login URI)' },
};

/** Steps written with a variable tail ("Amazon request: SP-API getMarketplaceParticipations (EU)"): the prefix is translated, the tail kept. */
export const TIMELINE_STEP_PREFIXES: Record<string, { de: string; en: string }> = {
  'Amazon request: ': { de: 'Anfrage an Amazon: ', en: 'Amazon request: ' },
  'sign-in started in Seller Central ended: ': { de: 'In Seller Central begonnene Anmeldung beendet: ', en: 'Sign-in started in Seller Central ended: ' },
};

/** The step's text in a language; an unknown step (an older version's) as it was written. */
export function stepText(step: string, lang: 'de' | 'en'): string {
  if (Object.hasOwn(TIMELINE_STEPS, step)) return TIMELINE_STEPS[step]![lang];
  const prefix = Object.keys(TIMELINE_STEP_PREFIXES).find((p) => step.startsWith(p));
  return prefix ? TIMELINE_STEP_PREFIXES[prefix]![lang] + step.slice(prefix.length) : step;
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
  { pattern: /^renewal due (\S+) \((-?\d+) days left\)$/, de: 'Erneuerung fällig $1 (noch $2 Tage)', en: 'renewal due $1 ($2 days left)' },
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
