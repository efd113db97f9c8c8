// German texts (the ERP's language). Keys are grouped by screen; error texts by stable code.
export const de = {
  app: {
    title: 'E-COMMERCE – PLATTFORMEN',
    language: 'Sprache',
    sandboxBadge: 'Sandbox',
    productionBadge: 'Amazon (Produktiv)',
  },
  list: {
    new: 'Neu',
    open: 'Öffnen',
    delete: 'Löschen',
    empty: 'Noch keine Plattform angelegt. Mit „Neu“ legen Sie eine Amazon-Plattform an.',
    columns: { name: 'Bezeichnung', type: 'Typ', active: 'Aktiv', cloud: 'Cloud', region: 'Region', status: 'Status der Anmeldung' },
    yes: 'Ja',
    no: 'Nein',
    count_one: '{{count}} Plattform',
    count_other: '{{count}} Plattformen',
  },
  types: { amazon: 'Amazon' },
  newDialog: {
    title: 'Neue Plattform',
    type: 'Typ',
    name: 'Bezeichnung',
    namePlaceholder: 'z. B. Amazon 123456',
    create: 'Anlegen',
    cancel: 'Abbrechen',
  },
  deleteDialog: {
    title: 'Plattform löschen',
    question: 'Soll die Plattform „{{name}}“ wirklich gelöscht werden?',
    confirm: 'Löschen',
    cancel: 'Abbrechen',
  },
  status: {
    not_authenticated: 'Nicht authentifiziert',
    waiting: 'Anmeldung läuft …',
    authenticated: 'Authentifiziert',
    failed: 'Fehler',
    expired: 'Zeitüberschreitung',
    cancelled: 'Abgebrochen',
  },
  errors: {
    INVALID_INPUT: 'Die Eingabe ist ungültig ({{field}}). Bitte prüfen Sie das Feld.',
    NAME_REQUIRED: 'Bitte geben Sie eine Bezeichnung ein.',
    NAME_TOO_LONG: 'Die Bezeichnung ist zu lang (höchstens 80 Zeichen).',
    PLATFORM_NAME_TAKEN: 'Die Bezeichnung „{{name}}“ ist bereits vergeben. Bitte wählen Sie eine eindeutige Bezeichnung, z. B. „Amazon 123456“.',
    PLATFORM_NOT_FOUND: 'Die Plattform gibt es nicht mehr. Die Liste wurde aktualisiert.',
    HOST_DISCONNECTED: 'Die Verbindung zur Anwendung wurde unterbrochen. Bitte laden Sie die Seite neu.',
    HOST_UNREACHABLE: 'Die Anwendung ist nicht erreichbar. Läuft „npm start“ noch?',
    FORBIDDEN_SENDER: 'Diese Anfrage wurde aus Sicherheitsgründen abgelehnt.',
    INTERNAL: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut; Details stehen im Protokoll.',
    UNKNOWN: 'Unbekannter Fehler ({{code}}). Bitte versuchen Sie es erneut.',
    STORE_CORRUPT: 'Die gespeicherten Einstellungen waren beschädigt und wurden nach {{backupPath}} verschoben. Es wurde mit leeren Einstellungen begonnen.',
  },
};

export type Messages = typeof de;
