// Validates a scenario activation from the JSON API or the scenarios page form.
import { isScenarioId, SCENARIO_IDS, type ActiveScenario } from './scenarios';
import type { SandboxState } from './state';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const KEYS = new Set(['id', 'account', 'count', 'ms']);
const MAX_SLOW_MS = 120_000;

function toInt(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return Number.NaN;
}

export function resolveTarget(account: unknown, state: SandboxState): Parsed<ActiveScenario['target']> {
  if (account === undefined || account === null || account === '') return { ok: true, value: undefined };
  if (typeof account !== 'string')
    return { ok: false, message: '"account" must be an e-mail address or a sellingPartnerId' };
  const byEmail = state.account(account);
  if (byEmail) return { ok: true, value: { email: byEmail.email, sellingPartnerId: byEmail.sellingPartnerId } };
  const seller = state.seller(account.trim());
  if (seller) return { ok: true, value: { sellingPartnerId: seller.sellingPartnerId } };
  return { ok: false, message: `unknown account "${account}" (use a seeded e-mail address or sellingPartnerId)` };
}

export function parseActivation(input: unknown, state: SandboxState): Parsed<ActiveScenario> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, message: 'expected a JSON object' };
  const body = input as Record<string, unknown>;
  const extra = Object.keys(body).filter((k) => !KEYS.has(k));
  if (extra.length) return { ok: false, message: `unknown field(s): ${extra.join(', ')}` };
  if (!isScenarioId(body.id)) return { ok: false, message: `"id" must be one of: ${SCENARIO_IDS.join(', ')}` };
  const target = resolveTarget(body.account, state);
  if (!target.ok) return target;
  const scenario: ActiveScenario = { id: body.id, target: target.value };

  if (body.count !== undefined && body.count !== '') {
    const count = toInt(body.count);
    if (count === undefined || !Number.isInteger(count) || count < 1 || count > 1_000_000) {
      return { ok: false, message: '"count" must be a whole number from 1 to 1000000' };
    }
    scenario.remaining = count;
  }
  if (body.id === 'lwa_slow') {
    const ms = toInt(body.ms);
    if (ms === undefined || !Number.isInteger(ms) || ms < 1 || ms > MAX_SLOW_MS) {
      return { ok: false, message: `"ms" is required for lwa_slow: a whole number from 1 to ${MAX_SLOW_MS}` };
    }
    scenario.ms = ms;
  } else if (body.ms !== undefined && body.ms !== '') {
    return { ok: false, message: '"ms" only applies to lwa_slow' };
  }
  return { ok: true, value: scenario };
}

/** An app's URL as Developer Central accepts it: absolute http(s), at most 2048 characters, no fragment. */
function checkAppUrl(uri: unknown, what: string): string | undefined {
  if (typeof uri !== 'string' || uri.length > 2048) return `${what} must be a URL of at most 2048 characters`;
  if (!URL.canParse(uri)) return `not an absolute URL: ${uri}`;
  const { protocol } = new URL(uri);
  if (protocol !== 'https:' && protocol !== 'http:') return `${what} must use https (or http): ${uri}`;
  if (uri.includes('#')) return `${what} must not contain a fragment: ${uri}`;
  return undefined;
}

/** Registered redirect URIs as Developer Central accepts them (1 to 10, duplicates dropped). */
export function parseRedirectUris(input: unknown): Parsed<string[]> {
  const list = input && typeof input === 'object' ? (input as Record<string, unknown>).redirectUris : undefined;
  if (!Array.isArray(list) || list.length === 0 || list.length > 10) {
    return { ok: false, message: '"redirectUris" must be an array of 1 to 10 URLs' };
  }
  for (const uri of list) {
    const problem = checkAppUrl(uri, 'every redirect URI');
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, value: [...new Set(list as string[])] };
}

export function parseLoginUri(input: unknown): Parsed<string> {
  const uri = input && typeof input === 'object' ? (input as Record<string, unknown>).loginUri : undefined;
  const problem = checkAppUrl(uri, '"loginUri"');
  return problem ? { ok: false, message: problem } : { ok: true, value: uri as string };
}
