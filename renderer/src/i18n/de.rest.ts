// The German texts not on the first screen: every other screen's, and the error texts (errors.de.ts). A
// chunk of its own (translator.ts, loadGermanRest): fetched once the list is shown, with the first lazy
// screen, or when an error is to be shown before that. Same conventions as de.ts.
import { errorsDe } from './errors.de';

export const deRest = {
  newDialog: {
    title: 'Neue Plattform',
    type: 'Typ',
    name: 'Bezeichnung',
    namePlaceholder: 'z. B. Amazon 123456',
    useSuggestion: '„{{suggestion}}“ übernehmen',
    create: 'Anlegen',
    cancel: 'Abbrechen',
  },
  deleteDialog: {
    title: 'Plattform löschen',
    question: 'Soll die Plattform „{{name}}“ wirklich gelöscht werden?',
    cloudWarning:
      'Die Plattform wird auch in der Cloud gelöscht, mit allen dort gespeicherten Amazon-Zugriffen. Danach ist eine neue Anmeldung bei Amazon nötig.',
    confirm: 'Löschen',
    cancel: 'Abbrechen',
    busy: 'Wird gelöscht …',
  },
  unreachableDialog: {
    title: 'Cloud nicht erreichbar',
    text: 'Die Plattform „{{name}}“ konnte nicht in der Cloud gelöscht werden, weil die Cloud nicht erreichbar ist.',
    localHint:
      '„Nur lokal löschen“ entfernt die Plattform sofort aus dieser Liste. Die Löschung in der Cloud wird vorgemerkt und automatisch wiederholt, bis sie gelingt.',
    retry: 'Erneut versuchen',
    local: 'Nur lokal löschen',
    cancel: 'Abbrechen',
  },
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
  inactive: {
    note: 'Die Plattform ist nicht aktiv und wird nicht verwendet: keine Anmeldung, kein Import. Aktivieren Sie sie im Register „Allgemein“ mit „Aktiv“.',
    hint: 'Nur aktive Plattformen werden verwendet. Eine inaktive Plattform behält ihre Verbindung, wird aber nicht angemeldet, importiert keine Einstellungen und erscheint in der Liste grau.',
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
  sandboxScenarios: {
    title: 'Testfall für die nächste Anmeldung',
    none: '— kein Testfall (normale Anmeldung) —',
    scenarios: 'Szenarien der Sandbox',
    accounts: 'Testkonten, die scheitern',
    armed: 'Bei {{btnSignIn}} wird ausgelöst: {{what}}',
    accountArmed: 'Testkonto {{email}} (wird auf der Anmeldeseite vorausgefüllt)',
    accountWrongRegion: '{{email}} – Konto der Region {{region}}',
    banner: 'Sandbox-Szenarien aktiv: {{list}}',
    forAccount: '{{id}} für {{account}}',
    remaining: '{{id}} (noch {{count}}×)',
    resetAll: 'alle zurücksetzen',
    wasReset:
      'Die Amazon-Sandbox wurde am {{date}} zurückgesetzt: Frühere Sandbox-Anmeldungen gelten nicht mehr – bitte neu {{btnSignIn}}.',
    stateKeptAside:
      'Der gespeicherte Zustand der Amazon-Sandbox war beschädigt und wurde nach {{path}} verschoben; die Sandbox hat neu begonnen. Bitte neu {{btnSignIn}}.',
    ids: {
      consent_cancelled: 'Zustimmung abgebrochen / Browser geschlossen',
      otp_always_wrong: 'Einmalcode wird immer abgelehnt',
      draft_limit_reached: 'Entwurfs-App: 25 Autorisierungen erreicht',
      code_expired: 'Code beim Eintausch abgelaufen (invalid_grant)',
      invalid_client: 'LWA-Zugangsdaten falsch (invalid_client)',
      lwa_500: 'Login with Amazon: interner Fehler (500)',
      lwa_503: 'Login with Amazon nicht erreichbar (503)',
      lwa_slow: 'Login with Amazon antwortet langsam',
      refresh_revoked: 'Zugriff in Seller Central entfernt (Refresh-Token ungültig)',
      roles_missing: 'Rollen fehlen (SP-API 403)',
      spapi_429: 'SP-API drosselt (429)',
      spapi_500: 'SP-API: interner Fehler (500)',
      consent_md1000: 'Seller Central zeigt MD1000',
      consent_md5101: 'Seller Central zeigt MD5101',
      consent_md5110: 'Seller Central zeigt MD5110',
      consent_md9000: 'Seller Central zeigt MD9000',
      consent_md9010: 'Seller Central zeigt MD9010',
      consent_md9100: 'Seller Central zeigt MD9100',
      consent_md9999: 'Seller Central zeigt MD9999',
      consent_session_expired: 'Sitzung bei Seller Central abgelaufen',
      login_uri_new_seller: 'Neuer Verkaufspartner: Amazon ruft nach der Zustimmung die Login-URI auf',
      login_uri_relative_callback: 'Login-URI erhält amazon_callback_uri als relativen Pfad',
    },
  },
  replay: {
    import: 'Protokoll importieren',
    of: 'Nachgestellt wird das Protokoll eines Händlers: {{code}} – „{{text}}“',
  },
  cloudOnly: {
    title: 'Nur in der Cloud',
    intro:
      'Plattformen dieses Cloud-Kontos, die es in dieser Anwendung nicht gibt (an einem anderen Rechner angelegt oder übrig geblieben).',
    none: 'Keine – jede Plattform des Cloud-Kontos ist hier angelegt.',
    name: 'Bezeichnung',
    region: 'Region',
    status: 'Status',
    actions: 'Aktion',
    adopt: 'Übernehmen',
    adoptLabel: 'Übernehmen: „{{name}}“',
    delete: 'In der Cloud löschen',
    deleteLabel: 'In der Cloud löschen: „{{name}}“',
    confirmDelete: '„{{name}}“ endgültig löschen',
    adopted: '„{{name}}“ übernommen – die Plattform steht jetzt in der Liste, ihre Anmeldung gilt weiter.',
    deleted: '„{{name}}“ in der Cloud gelöscht.',
  },
  sandbox: {
    title: 'Amazon-Sandbox: Testkonten',
    notReal:
      'Dies ist die Amazon-Sandbox, nicht das echte Amazon. Melden Sie sich im Browser mit einem dieser Testkonten an.',
    label: 'Konto',
    email: 'E-Mail',
    password: 'Passwort',
    region: 'Region',
    code: 'Einmalcode',
    secondsLeft: 'noch {{seconds}} Sekunden',
    sms: 'per SMS',
    smsInbox: 'SMS-Posteingang der Sandbox öffnen',
  },
  keychain: {
    unavailableTitle: 'Kein Schlüsselbund verfügbar.',
    unavailable:
      'Es ist kein Schlüsselbund (Secret Service) verfügbar, daher können Geheimnisse wie das Client-Secret nicht gespeichert werden.',
    fixLinux:
      'Linux: einen Secret Service installieren und entsperren, z. B. „sudo apt install gnome-keyring“, dann ab- und wieder anmelden.',
    fixOther: 'macOS (Schlüsselbund) und Windows (Anmeldeinformationsverwaltung) bringen ihn bereits mit.',
    plaintext:
      'Achtung: Geheimnisse werden im Klartext gespeichert, weil die Anwendung ausdrücklich mit dem entsprechenden Schalter gestartet wurde. Nur für Tests verwenden!',
  },
  cloudDialog: {
    title: 'Cloud-Zugangsdaten',
    kind: 'Art: Cloud (PARAMETER – SONSTIGE – ZUGANGSDATEN)',
    url: 'Cloud-URL',
    clientId: 'Client-ID',
    clientSecret: 'Client-Secret',
    secretStored: 'gespeichert im Schlüsselbund',
    secretKeep: 'Leer lassen, um das gespeicherte Secret zu behalten.',
    test: 'TESTEN',
    testing: 'Wird getestet …',
    testOk: 'Verbindung erfolgreich: Mandant {{tenantName}}',
    savingTest: 'Die Verbindung wird vor dem Speichern getestet …',
    untestedTitle: 'Verbindung nicht bestätigt',
    untested: 'Der Test vor dem Speichern ist fehlgeschlagen:',
    untestedQuestion:
      'Sollen die Angaben trotzdem gespeichert werden? {{btnSignIn}} funktioniert erst, wenn die Verbindung steht.',
    saveAnyway: 'Trotzdem speichern',
    backToForm: 'Zurück zur Eingabe',
    save: 'Speichern',
    cancel: 'Abbrechen',
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
  errors: errorsDe,
} as const;
