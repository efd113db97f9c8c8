// German texts of the register ZUGANGSDATEN, renderer/src/features/credentials/: part of de.rest.ts, a chunk
// fetched after the first screen. Same conventions as de.ts.
export const credentialsDe = {
  cred: {
    cloudMissing: 'Für die Anmeldung fehlen die Cloud-Zugangsdaten (Cloud-URL, Client-ID, Client-Secret).',
    openCloudSettings: 'Cloud-Zugangsdaten öffnen',
    region: 'Region',
    regionLocked: 'Die Region kann während einer laufenden Anmeldung nicht geändert werden.',
    regionConfirmTitle: 'Region wechseln?',
    regionConfirmText:
      'Die Anmeldung dieser Plattform (Händler-ID {{id}}) gilt nur für {{from}}. Mit „{{country}}“ wechselt die Plattform nach {{to}}: Die bisherige Anmeldung endet hier, und Sie müssen sich mit {{btnSignIn}} beim Amazon-Konto dieser Region neu anmelden.',
    regionConfirmMarketplaces: 'Die importierten Marktplätze gehören zur bisherigen Region und werden entfernt.',
    regionConfirmKeep: 'Region behalten',
    regionConfirmChange: 'Region wechseln',
    status: 'Status der Anmeldung',
    authenticatedSince: 'Authentifiziert seit {{date}} (Händler-ID {{id}})',
    authenticatedSinceStore: 'Authentifiziert seit {{date}} – {{store}} (Händler-ID {{id}})',
    regionAccount:
      '{{country}} steht für das ganze Verkäuferkonto der Region {{region}}: Eine Anmeldung gilt für alle Marktplätze dieser Region.',
    switched: 'Gewechselt vom Verkäuferkonto {{old}}. Bitte importieren Sie die Einstellungen für das neue Konto.',
    duplicateSeller:
      'Achtung: Dieses Verkäuferkonto ist auch mit der Plattform „{{names}}“ verbunden. Aufträge würden doppelt importiert. Verbinden Sie jedes Amazon-Konto nur mit einer Plattform.',
    changeName: 'Bezeichnung ändern',
    cancelledByUser: 'Sie haben die Anmeldung abgebrochen. Mit {{btnSignIn}} beginnen Sie neu.',
    renewalDue: 'Erneuerung fällig am {{date}}',
    renewalSoon: 'Erneuerung fällig am {{date}} – bitte rechtzeitig {{btnRefresh}}',
    renewalOverdue: 'Die Amazon-Autorisierung ist am {{date}} abgelaufen – bitte mit {{btnSignIn}} neu autorisieren',
    remaining: 'Verbleibende Zeit',
    previousValid:
      'Die bisherige Anmeldung (Händler-ID {{id}}, seit {{date}}) bleibt gültig, bis die neue abgeschlossen ist.',
    previousKept: 'Die bisherige Anmeldung (Händler-ID {{id}}, seit {{date}}) bleibt gültig.',
    otherSeller:
      'Achtung: Amazon hat ein anderes Verkäuferkonto zurückgegeben (bisher {{old}}, jetzt {{new}}). Prüfen Sie, ob Sie mit dem richtigen Konto angemeldet waren.',
    cloudUnreachable: 'Cloud nicht erreichbar – es wird weiter versucht (seit {{time}}).',
    signIn: 'ANMELDEN',
    refresh: 'AKTUALISIEREN',
    refreshHint:
      '{{btnRefresh}} öffnet Seller Central mit dem Konto, das in Ihrem Browser bereits angemeldet ist. Für ein anderes Verkäuferkonto wählen Sie dort „Konto wechseln“ (oder „Abmelden“) und melden sich mit dem anderen Konto an.',
    cancel: 'Abbrechen',
    cancelLabel: 'Anmeldung abbrechen',
    consentLink: 'Anmeldelink',
    copyLink: 'Link kopieren',
    copied: 'Link kopiert.',
    copyFailed: 'Kopieren nicht möglich – der Link ist markiert, kopieren Sie ihn mit Strg+C.',
    openBrowser: 'Im Browser öffnen',
    browserNotOpened:
      'Der Browser konnte nicht geöffnet werden. Kopieren Sie den Link und öffnen Sie ihn in Ihrem Browser.',
    infoTitle: 'So funktioniert die Anmeldung',
    sellerChangeTitle: 'Anderes Verkäuferkonto',
    sellerChangeQuestion:
      'Amazon hat bei {{btnRefresh}} ein anderes Verkäuferkonto zurückgegeben. Welches Konto soll mit dieser Plattform verbunden sein?',
    sellerChangeOld: 'Bisher verbunden: {{seller}}',
    sellerChangeNew: 'Neu angemeldet: {{seller}}',
    sellerChangeValid: 'Bis zu Ihrer Entscheidung bleibt die bisherige Verbindung gültig.',
    sellerChangeKeep: 'Bisheriges Konto behalten',
    sellerChangeKeepHint: 'Die neue Anmeldung wird verworfen.',
    sellerChangeSwitch: 'Zum neuen Konto wechseln',
    sellerChangeSwitchHint:
      'Die importierten Marktplätze des bisherigen Kontos werden entfernt; danach bitte die Einstellungen neu importieren.',
    sellerChangeAlsoOn: 'Das neue Konto ist bereits mit der Plattform „{{names}}“ verbunden.',
    info1: 'Nach {{btnSignIn}} öffnet sich Ihr Standardbrowser mit Amazon Seller Central.',
    info2: 'Melden Sie sich an und bestätigen Sie mit dem Einmalcode (Zwei-Schritt-Verifizierung).',
    info3: 'Bestätigen Sie den Zugriff der Anwendung.',
    info4: 'Danach erscheint eine Seite mit JSON-Text – sie kann einfach geschlossen werden.',
    info5: 'Der Status hier ändert sich von selbst.',
    startedOnAmazon:
      'Die Anmeldung wurde in Seller Central („Erneut autorisieren“) oder im Appstore gestartet. Schließen Sie sie dort ab – der Status hier ändert sich von selbst.',
  },
  pairing: {
    title: 'Über Amazon anmelden (Seller Central / Appstore)',
    text: 'Die jährliche Erneuerung können Sie auch in Seller Central unter „Apps verwalten“ → „Erneut autorisieren“ oder im Appstore mit „Jetzt autorisieren“ starten. Fragt die Seite nach einem Kopplungscode, lassen Sie ihn hier anzeigen und geben Sie ihn dort ein.',
    show: 'Kopplungscode anzeigen',
    again: 'Neuen Code anzeigen',
    codeLabel: 'Kopplungscode',
    validUntil: 'gültig bis {{time}} Uhr, nur einmal',
  },
  preflight: {
    summary: 'Vor {{btnSignIn}} prüfen: primärer Benutzer, Verkaufstarif „Professionell“, Region {{region}}',
    primary:
      'Melden Sie sich in Seller Central als primärer Benutzer des Kontos an – oder als Benutzer mit der Berechtigung „Autorisierte Partner verwalten“ (Manage Authorized Partners).',
    plan: 'Das Konto hat den Verkaufstarif „Professionell“. Im Verkaufstarif „Einzelanbieter“ lässt Amazon keine Apps zu.',
    region:
      'Das Konto gehört zur hier gewählten Region {{region}}. Für ein Konto einer anderen Region ändern Sie oben die „Region“.',
  },
  connection: {
    disconnect: 'Verbindung trennen',
    title: 'Verbindung trennen?',
    text: 'Die Verbindung der Plattform „{{name}}“ mit dem Amazon-Konto wird getrennt: Die Cloud löscht den Amazon-Zugriff (das Token) dieser Plattform, die importierten Marktplätze werden entfernt, und der Status wird „Nicht authentifiziert“. Die Plattform selbst bleibt; mit {{btnSignIn}} verbinden Sie sie wieder.',
    amazonNote:
      'Bei Amazon bleibt die Freigabe der App bestehen, bis Sie die App in Seller Central unter „Apps verwalten“ entfernen.',
    openManageApps: 'Seller Central „Apps verwalten“ öffnen',
    cancel: 'Abbrechen',
    busy: 'Wird getrennt …',
    done: 'Verbindung getrennt – die Plattform ist nicht mehr authentifiziert.',
  },
  autoImport: {
    running: 'Die Marktplätze werden nach der Anmeldung automatisch importiert …',
    failed: 'Der automatische Import nach der Anmeldung ist fehlgeschlagen; die Anmeldung bleibt gültig.',
  },
  market: {
    title: 'Einstellungen',
    import: 'Einstellungen importieren',
    importing: 'Wird importiert …',
    importedAt: 'Importiert am {{date}}',
    importedCount_one: '{{count}} Marktplatz übernommen',
    importedCount_other: '{{count}} Marktplätze übernommen',
    none: 'Noch keine Marktplätze importiert.',
    caption: 'Marktplätze',
    name: 'Name',
    country: 'Land',
    currency: 'Währung',
    participating: 'Teilnahme',
    suspended: 'Gesperrte Angebote',
    use: 'Verwenden',
    useLabel: '{{name}} verwenden',
  },
  scErrors: {
    toggle: 'Seller Central zeigt einen Fehler?',
    title: 'Was zeigt Seller Central?',
    intro:
      'Geben Sie den Fehlercode von der Amazon-Seite ein oder wählen Sie die Meldung – Sie erhalten sofort die Ursache und den nächsten Schritt; die Anmeldung wartet weiter.',
    introTimeout: 'Zeigte Seller Central einen dieser Fehler?',
    accountIn: 'Mein Konto: {{region}}',
    regionUnknown: 'Region unbekannt',
    codeLabel: 'Fehlercode von der Amazon-Seite',
    explain: 'Erklären',
    unknownCode:
      'Den Code „{{code}}“ kennen wir nicht. Wählen Sie oben den Text, den Amazon zeigt, oder nennen Sie den Code dem Support.',
    labels: {
      browser_closed: 'Keine Fehlermeldung: Ich habe das Browserfenster geschlossen oder finde es nicht mehr.',
    },
    searchLabel: 'Oder Text der Meldung suchen',
    listLabel: 'Meldungen von Seller Central',
    noMatch: 'Keine Meldung passt. Nennen Sie dem Support den Text oder Code, den Amazon zeigt.',
    introOffered:
      'Von Amazon ist seit 2 Minuten keine Rückmeldung gekommen. Zeigt Seller Central einen Fehler? Geben Sie den Code ein oder wählen Sie die Meldung.',
    stillWaiting:
      'Die Anmeldung wartet weiter: Gelingt sie im Browser doch noch, zählt sie. Sonst beenden Sie sie hier.',
    stop: 'Anmeldung beenden',
    toggleAgain: 'Andere Meldung wählen',
  },
} as const;
