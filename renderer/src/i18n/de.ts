// German texts (the ERP's language), those of the first screen (the list); the other screens' texts and the
// error texts are in de.rest.ts. Keys are grouped by screen; error texts by stable code. `as const`: the
// texts' literal types give the translator its keys and params (keys.ts).
import type { deRest } from './de.rest';

export const de = {
  app: {
    title: 'E-COMMERCE – PLATTFORMEN',
    language: 'Sprache',
    sandboxBadge: 'Sandbox',
    productionBadge: 'Amazon (Produktiv)',
    cloudSettings: 'Cloud-Zugangsdaten',
    dismiss: 'Meldung schließen',
    errorLoading: 'Fehler {{code}} – die Beschreibung wird geladen …',
    tokenInvalidTitle: 'Dieser Link gilt nicht mehr',
    tokenInvalidText:
      'Diese Seite gehört zu einem früheren Start der Anwendung, oder der Link ist unvollständig. Öffnen Sie den neuen Link aus der Konsole, in der „npm start“ läuft: die Zeile „Browser host: http://127.0.0.1:…/#token=…“.',
  },
  list: {
    new: 'Neu',
    open: 'Öffnen',
    delete: 'Löschen',
    empty: 'Noch keine Plattform angelegt. Mit „Neu“ legen Sie eine Amazon-Plattform an.',
    columns: {
      name: 'Bezeichnung',
      type: 'Typ',
      active: 'Aktiv',
      cloud: 'Cloud',
      region: 'Region',
      seller: 'Verkäuferkonto',
      status: 'Status der Anmeldung',
    },
    renewalSoon: 'Authentifiziert – Erneuerung bis {{date}}',
    renewalOverdue: 'Erneuerung überfällig (seit {{date}})',
    yes: 'Ja',
    no: 'Nein',
    count_one: '{{count}} Plattform',
    count_other: '{{count}} Plattformen',
    pendingDeletions_one: '{{count}} Cloud-Löschung ausstehend – wird automatisch wiederholt',
    pendingDeletions_other: '{{count}} Cloud-Löschungen ausstehend – werden automatisch wiederholt',
    pendingDeletion: 'Gelöscht – Löschung in der Cloud ausstehend',
    deleted: 'Plattform „{{name}}“ gelöscht.',
    deletedQueued: 'Plattform „{{name}}“ lokal gelöscht; die Löschung in der Cloud wird nachgeholt.',
  },
  types: { amazon: 'Amazon' },
  regions: { NA: 'Nordamerika (NA)', EU: 'Europa (EU)', FE: 'Fernost (FE)' },
  fields: {
    name: 'Bezeichnung',
    url: 'Cloud-URL',
    clientId: 'Client-ID',
    clientSecret: 'Client-Secret',
    countryCode: 'Region',
    marketplaceIds: 'Marktplätze',
  },
  status: {
    not_authenticated: 'Nicht authentifiziert',
    waiting: 'Anmeldung läuft …',
    authenticated: 'Authentifiziert',
    failed: 'Fehler',
    expired: 'Zeitüberschreitung',
    cancelled: 'Abgebrochen',
    seller_changed: 'Rückfrage: anderes Verkäuferkonto',
    sign_in_required: 'Neu anmelden erforderlich',
  },
  /** A seller account in the list and the detail (components/seller-label.ts). */
  seller: { named: '{{store}} (Händler-ID {{id}})', idOnly: 'Händler-ID {{id}}' },
} as const;

/**
 * All German texts. The texts of the other screens and the error texts (de.rest.ts) are a chunk of their
 * own, fetched once the list is shown, with a screen's own chunk, or when an error is to be shown before
 * that (translator.ts): the first screen needs none of them.
 */
export type Messages = typeof de & typeof deRest;
