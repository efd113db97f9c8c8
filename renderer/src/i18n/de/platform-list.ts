// German texts of the list's dialogs (Neu, Löschen), renderer/src/features/platform-list/: part of de.rest.ts, a chunk
// fetched after the first screen. Same conventions as de.ts.
export const platformListDe = {
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
} as const;
