// German texts of Cloud-Zugangsdaten, renderer/src/features/cloud-settings/: part of de.rest.ts, a chunk
// fetched after the first screen. Same conventions as de.ts.
export const cloudSettingsDe = {
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
} as const;
