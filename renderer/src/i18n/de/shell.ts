// German texts of the window's banners, renderer/src/features/shell/: part of de.rest.ts, a chunk
// fetched after the first screen. Same conventions as de.ts.
export const shellDe = {
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
} as const;
