// The scenario switch: named failures that make the sandbox behave the way Amazon really fails
// (docs/amazon.md §5), globally or for one seller account, optionally for the next N occurrences only.

import { SCENARIO_IDS, type ScenarioId } from '../shared/sandbox-scenario-ids';

export { SCENARIO_IDS, type ScenarioId };

interface ScenarioDefinition {
  id: ScenarioId;
  /** German one-line description of the real situation this reproduces. */
  description: string;
  /** Where it takes effect. */
  area: 'seller-central' | 'lwa' | 'sp-api';
  /** lwa_slow needs a delay in ms. */
  needsMs?: boolean;
}

export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    id: 'consent_cancelled',
    area: 'seller-central',
    description:
      'Der Händler bricht die Zustimmung ab oder schließt den Browser: Amazon leitet nie zur Redirect-URI weiter.',
  },
  {
    id: 'otp_always_wrong',
    area: 'seller-central',
    description:
      'Der Einmalcode (App oder SMS) wird immer abgelehnt, z. B. weil die Uhr des Telefons falsch geht: der Händler bleibt auf der Bestätigungsseite.',
  },
  {
    id: 'draft_limit_reached',
    area: 'seller-central',
    description:
      'Die App ist nicht im Appstore gelistet (Entwurf oder veröffentlicht, aber nicht gelistet) und hat bereits 25 Verkaufspartner: Amazon lehnt die Zustimmung weiterer Händler ab.',
  },
  {
    id: 'code_expired',
    area: 'lwa',
    description:
      'Der spapi_oauth_code ist beim Eintausch schon abgelaufen (älter als 5 Minuten): LWA antwortet invalid_grant.',
  },
  {
    id: 'invalid_client',
    area: 'lwa',
    description:
      'LWA-Client-ID oder -Secret falsch bzw. Secret nicht rechtzeitig rotiert (180 Tage): LWA antwortet 401 invalid_client.',
  },
  {
    id: 'lwa_500',
    area: 'lwa',
    description: 'Login with Amazon hat einen internen Fehler (500 ServerError) für die nächsten N Anfragen.',
  },
  {
    id: 'lwa_503',
    area: 'lwa',
    description:
      'Login with Amazon ist vorübergehend nicht erreichbar (503 TemporarilyUnavailable) für die nächsten N Anfragen.',
  },
  {
    id: 'lwa_slow',
    area: 'lwa',
    description: 'Login with Amazon antwortet sehr langsam (um N Millisekunden verzögert).',
    needsMs: true,
  },
  {
    id: 'refresh_revoked',
    area: 'lwa',
    description:
      'Der Händler hat die App in Seller Central entfernt oder die Autorisierung ist nach 365 Tagen abgelaufen: Refresh-Token ungültig (invalid_grant).',
  },
  {
    id: 'roles_missing',
    area: 'sp-api',
    description:
      'Der App fehlen die nötigen Rollen oder das Token stammt von vor der Rollenfreigabe: SP-API antwortet 403 ohne Details.',
  },
  {
    id: 'spapi_429',
    area: 'sp-api',
    description: 'Das Anfragekontingent der SP-API ist erschöpft: 429 QuotaExceeded.',
  },
  { id: 'spapi_500', area: 'sp-api', description: 'Die SP-API hat einen internen Fehler: 500 InternalFailure.' },
  // The consent URL's own faults (Draft without version=beta, unregistered redirect URI …) come from the
  // app's configuration, which the cloud builds correctly; these show Amazon's page for them anyway, so
  // a merchant's report of such a code can be replayed.
  {
    id: 'consent_md1000',
    area: 'seller-central',
    description: 'Seller Central zeigt MD1000 (Entwurfs-App ohne version=beta) statt der Zustimmung.',
  },
  {
    id: 'consent_md5101',
    area: 'seller-central',
    description: 'Seller Central zeigt MD5101 (Redirect-URI nicht registriert) statt der Zustimmung.',
  },
  {
    id: 'consent_md5110',
    area: 'seller-central',
    description: 'Seller Central zeigt MD5110 (Redirect-URI mit Fragment) statt der Zustimmung.',
  },
  {
    id: 'consent_md9000',
    area: 'seller-central',
    description:
      'Seller Central zeigt MD9000 (Entwickler derzeit nicht für neue Autorisierungen berechtigt) statt der Zustimmung.',
  },
  {
    id: 'consent_md9010',
    area: 'seller-central',
    description: 'Seller Central zeigt MD9010 (Hybrid-App ohne MWS-Entwickler-ID in der Region) statt der Zustimmung.',
  },
  {
    id: 'consent_md9100',
    area: 'seller-central',
    description:
      'Seller Central zeigt MD9100 (für die App sind keine Login-URI bzw. Redirect-URI eingetragen) statt der Zustimmung.',
  },
  {
    id: 'consent_md9999',
    area: 'seller-central',
    description: 'Seller Central zeigt MD9999 (fehlerhafter Zustimmungslink) statt der Zustimmung.',
  },
  {
    id: 'consent_session_expired',
    area: 'seller-central',
    description: 'Die Sitzung bei Seller Central ist beim Bestätigen abgelaufen.',
  },
  // The two documented variants of the website workflow (docs/amazon.md §1.6): without this scenario Amazon
  // redirects straight to the redirect URI; with it, a seller not yet registered with the app goes through
  // the app's Login URI after the consent.
  {
    id: 'login_uri_new_seller',
    area: 'seller-central',
    description:
      'Amazon schickt einen Verkaufspartner, der die App noch nicht autorisiert hat, nach der Zustimmung über die Login-URI der App (erst danach kommt der Code).',
  },
  {
    id: 'login_uri_relative_callback',
    area: 'seller-central',
    description: 'Amazon übergibt der Login-URI amazon_callback_uri als relativen Pfad statt als vollständige Adresse.',
  },
  // The Product Fees call that names the token's seller (docs/amazon.md §4.2), and a redirect whose
  // seller id was edited on the way (the cloud refuses it with SELLER_ID_DISPROVEN).
  {
    id: 'pricing_role_missing',
    area: 'sp-api',
    description:
      'Der App fehlt jede Rolle, die Product Fees (getMyFeesEstimateForASIN) verlangt, z. B. „Pricing“: SP-API antwortet 403 ohne Details, die Cloud kann die Händler-ID nicht bestätigen.',
  },
  {
    id: 'fees_client_error',
    area: 'sp-api',
    description:
      'Product Fees antwortet mit Status ClientError (z. B. ein Artikel, den Amazon nicht schätzen kann); die Händler-ID steht trotzdem in der Antwort.',
  },
  {
    id: 'fees_429',
    area: 'sp-api',
    description: 'Das Kontingent von Product Fees ist erschöpft: 429 QuotaExceeded, die Händler-ID bleibt unbestätigt.',
  },
  {
    id: 'redirect_seller_id_edited',
    area: 'seller-central',
    description:
      'Die Weiterleitung zur Cloud nennt eine andere selling_partner_id als die des angemeldeten Kontos (die Adresse wurde unterwegs verändert).',
  },
];

/** The Seller Central page each consent_* scenario shows. */
export const CONSENT_PAGE_SCENARIOS = {
  consent_md1000: 'MD1000',
  consent_md5101: 'MD5101',
  consent_md5110: 'MD5110',
  consent_md9000: 'MD9000',
  consent_md9010: 'MD9010',
  consent_md9100: 'MD9100',
  consent_md9999: 'MD9999',
  consent_session_expired: 'session_expired',
} as const;

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}

export interface ActiveScenario {
  id: ScenarioId;
  /** Absent = every account. */
  target?: { email?: string; sellingPartnerId: string };
  /** Remaining occurrences; absent = until switched off. */
  remaining?: number;
  /** Delay for lwa_slow. */
  ms?: number;
}

/** Who a request concerns, as far as the sandbox knows at that point. */
export interface ScenarioContext {
  email?: string;
  sellingPartnerId?: string;
}

export class ScenarioStore {
  private active: ActiveScenario[] = [];

  list(): ActiveScenario[] {
    return this.active.map((s) => structuredClone(s));
  }

  /** Adds or replaces the scenario with the same id and target. */
  set(scenario: ActiveScenario): void {
    this.remove(scenario.id, scenario.target);
    this.active.push(structuredClone(scenario));
  }

  remove(id: ScenarioId, target?: ActiveScenario['target']): void {
    this.active = this.active.filter((s) => !(s.id === id && sameTarget(s.target, target)));
  }

  clear(): void {
    this.active = [];
  }

  /** The matching scenario without counting an occurrence (for pages that only show a state). */
  peek(id: ScenarioId, ctx: ScenarioContext): ActiveScenario | undefined {
    const candidates = this.active.filter((s) => s.id === id && matches(s, ctx));
    return candidates.find((s) => s.target) ?? candidates[0];
  }

  /** The matching scenario if it applies here; counts one occurrence down. Per-account entries win. */
  take(id: ScenarioId, ctx: ScenarioContext): ActiveScenario | undefined {
    const hit = this.peek(id, ctx);
    if (!hit) return undefined;
    if (hit.remaining !== undefined) {
      hit.remaining -= 1;
      if (hit.remaining <= 0) this.active = this.active.filter((s) => s !== hit);
    }
    return hit;
  }
}

function sameTarget(a?: ActiveScenario['target'], b?: ActiveScenario['target']): boolean {
  if (!a || !b) return !a && !b;
  return a.sellingPartnerId === b.sellingPartnerId && (a.email ?? '') === (b.email ?? '');
}

function matches(s: ActiveScenario, ctx: ScenarioContext): boolean {
  if (!s.target) return true;
  if (!ctx.sellingPartnerId || s.target.sellingPartnerId !== ctx.sellingPartnerId) return false;
  // Targeted by e-mail: on Seller Central (where the user is known) only that user is affected.
  if (s.target.email && ctx.email) return s.target.email.toLowerCase() === ctx.email.toLowerCase();
  return true;
}
