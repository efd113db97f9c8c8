// German texts of the platform's form (Allgemein, banners), renderer/src/features/platform-detail/:
// part of de.rest.ts, a chunk fetched after the first screen. Same conventions as de.ts.
export const platformDetailDe = {
  detail: {
    back: 'Zurück zur Liste',
    tabs: 'Register',
    tabGeneral: 'Allgemein',
    tabCredentials: 'ZUGANGSDATEN',
    tabTimeline: 'Protokoll',
    name: 'Bezeichnung',
    type: 'Typ',
    active: 'Aktiv',
    useCloud: 'Cloud verwenden',
    useCloudHint:
      'Mit „Cloud verwenden“ wird das Amazon-Konto über die Cloud angebunden; das Register ZUGANGSDATEN erscheint.',
    saved: 'Gespeichert',
    main: 'Plattform {{name}}',
  },
  inactive: {
    note: 'Die Plattform ist nicht aktiv und wird nicht verwendet: keine Anmeldung, kein Import. Aktivieren Sie sie im Register „Allgemein“ mit „Aktiv“.',
    hint: 'Nur aktive Plattformen werden verwendet. Eine inaktive Plattform behält ihre Verbindung, wird aber nicht angemeldet, importiert keine Einstellungen und erscheint in der Liste grau.',
  },
  renewal: {
    soon_other:
      'Die Amazon-Autorisierung dieser Plattform muss bis {{date}} erneuert werden (noch {{count}} Tage). Amazon verlangt das einmal im Jahr; danach kann die Cloud nicht mehr auf das Verkäuferkonto zugreifen.',
    soon_one:
      'Die Amazon-Autorisierung dieser Plattform muss bis {{date}} erneuert werden (noch {{count}} Tag). Amazon verlangt das einmal im Jahr; danach kann die Cloud nicht mehr auf das Verkäuferkonto zugreifen.',
    today:
      'Die Amazon-Autorisierung dieser Plattform läuft heute ({{date}}) ab. Amazon verlangt die Erneuerung einmal im Jahr; danach kann die Cloud nicht mehr auf das Verkäuferkonto zugreifen.',
    overdue:
      'Die Amazon-Autorisierung dieser Plattform ist am {{date}} abgelaufen. Amazon verlangt die Erneuerung einmal im Jahr; bitte autorisieren Sie die Anwendung erneut.',
    how: 'Erneuern Sie sie mit {{btnRefresh}} (Anmeldung bei Amazon im Browser) oder in Seller Central unter „Apps verwalten“ mit „Erneut autorisieren“.',
    refresh: 'AKTUALISIEREN',
    sellerCentral: 'In Seller Central erneuern',
  },
  renameNotice: {
    nameClash:
      'Bei einem Update der Cloud wurde diese Plattform in Ihrem Cloud-Konto am {{date}} von „{{oldName}}“ in „{{newName}}“ umbenannt: Eine andere Plattform des Kontos hatte denselben Namen (Groß-/Kleinschreibung und Leerzeichen am Rand zählen nicht mehr als Unterschied).',
    normalised:
      'Bei einem Update der Cloud wurde der Name dieser Plattform in Ihrem Cloud-Konto am {{date}} von „{{oldName}}“ in „{{newName}}“ vereinheitlicht (Leerzeichen am Rand entfernt).',
    how: 'Die Verbindung zu Amazon bleibt unverändert. Einen anderen Namen können Sie unter „Allgemein“ bei „Bezeichnung“ eintragen.',
    acknowledge: 'Verstanden',
  },
  cloudOff: {
    title: '„Cloud verwenden“ abschalten?',
    connected: 'Die Plattform ist über die Cloud mit dem Verkäuferkonto {{seller}} verbunden.',
    waiting:
      'Für diese Plattform läuft gerade eine Anmeldung bei Amazon. Sie wird abgebrochen; der Anmeldelink gilt dann nicht mehr.',
    effect:
      'Ohne „Cloud verwenden“ ruft diese Plattform nichts mehr über die Cloud ab. Die Verbindung in Ihrem Cloud-Konto bleibt bestehen und gilt wieder, sobald Sie „Cloud verwenden“ erneut anhaken. Um sie ganz zu entfernen, löschen Sie die Plattform.',
    confirm: 'Abschalten',
    cancel: 'Abbrechen',
  },
} as const;
