// German texts of the register Protokoll, renderer/src/features/timeline/: part of de.rest.ts, a chunk
// fetched after the first screen. Same conventions as de.ts.
export const timelineDe = {
  timeline: {
    title: 'Protokoll der Anmeldung',
    intro:
      'Jeder Schritt der Amazon-Anmeldung dieser Plattform (ohne Zugangsdaten, Codes oder Token) – für den Support.',
    export: 'Protokoll exportieren',
    empty: 'Noch keine Einträge. Sie entstehen mit {{btnSignIn}}.',
    at: 'Zeit',
    step: 'Schritt',
    outcome: 'Ergebnis',
    detail: 'Details',
    outcomes: { ok: 'OK', error: 'Fehler', info: 'Info' },
  },
} as const;
