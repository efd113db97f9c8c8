// Helpers shared by the Seller Central routes: the host prefix, language, session cookie, form fields.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COUNTRIES } from '../shared/amazon-regions';
import { COUNTRY_SELLER_CENTRAL_HOSTS } from '../shared/seller-central-hosts';
import { pickLanguage, type Lang } from './html';
import type { SeedAccount } from './seed';
import type { Session, SandboxState } from './state';

const SESSION_COOKIE = 'sc-session';
const HOSTS = new Set([...COUNTRIES.map((c) => c.sellerCentralHost), ...Object.keys(COUNTRY_SELLER_CENTRAL_HOSTS)]);

export function isSellerCentralHost(host: string): boolean {
  return HOSTS.has(host);
}

export interface ScRequest {
  host: string;
  lang: Lang;
  /** Path prefix of this host, e.g. /sc/sellercentral-europe.amazon.com */
  base: string;
}

export function field(source: unknown, name: string): string {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export function scRequest(req: FastifyRequest): ScRequest {
  const host = field(req.params, 'host');
  const lang = pickLanguage(
    field(req.body, 'language') || field(req.query, 'language'),
    req.headers['accept-language'],
  );
  return { host, lang, base: `/sc/${host}` };
}

export function sendHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

export function currentSession(req: FastifyRequest, state: SandboxState, host: string): Session | undefined {
  const id = req.cookies[SESSION_COOKIE];
  const session = id ? state.sessions.get(id) : undefined;
  return session && session.host === host ? session : undefined;
}

/** The account signed in on this Seller Central host, with its session's CSRF token. */
export function signedInAccount(
  req: FastifyRequest,
  state: SandboxState,
  sc: ScRequest,
): { account: SeedAccount; csrf: string } | undefined {
  const session = currentSession(req, state, sc.host);
  if (session?.stage !== 'signed-in' || !session.email) return undefined;
  const account = state.account(session.email);
  return account ? { account, csrf: session.csrf } : undefined;
}

export function setSessionCookie(reply: FastifyReply, session: Session): void {
  // Scoped to the host's prefix: like separate domains, each Seller Central host has its own sign-in.
  reply.setCookie(SESSION_COOKIE, session.id, { path: `/sc/${session.host}`, httpOnly: true, sameSite: 'lax' });
}

export function clearSessionCookie(reply: FastifyReply, host: string): void {
  reply.clearCookie(SESSION_COOKIE, { path: `/sc/${host}` });
}

/** Only paths on the same Seller Central host may be returned to after sign-in (no open redirect). */
export function safeReturnTo(value: string, base: string): string {
  const allowed = [`${base}/apps/authorize/`, `${base}/apps/manage`, `${base}/selling-partner-appstore/`];
  return allowed.some((prefix) => value.startsWith(prefix)) ? value : `${base}/home`;
}
