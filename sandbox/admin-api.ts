// The sandbox's own JSON API for tests and support: scenarios, reset, SMS inbox, registered redirect URIs.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isScenarioId, SCENARIOS } from './scenarios';
import { parseActivation, parseLoginUri, parseRedirectUris, resolveTarget, type Parsed } from './scenario-input';
import type { SeedApp } from './seed';
import { field } from './sc-common';
import { totp } from './totp';
import { parseRotation, rotateClientSecret } from './client-secret-rotation';
import type { SandboxState } from './state';

export function apiError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

export function registerAdminApi(app: FastifyInstance, state: SandboxState): void {
  const scenarioList = () => ({ available: SCENARIOS, active: state.scenarios.list() });

  app.get('/sandbox/api/scenarios', async () => scenarioList());

  // One activation ({id, account?, count?, ms?}) or the whole set ({scenarios: [...]}).
  app.put('/sandbox/api/scenarios', async (req, reply) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (body && Array.isArray(body.scenarios)) {
      const parsed = body.scenarios.map((s) => parseActivation(s, state));
      const bad = parsed.find((p) => !p.ok);
      if (bad && !bad.ok) return apiError(reply, 400, 'INVALID_SCENARIO', bad.message);
      state.scenarios.clear();
      for (const p of parsed) if (p.ok) state.scenarios.set(p.value);
      return scenarioList();
    }
    const parsed = parseActivation(body, state);
    if (!parsed.ok) return apiError(reply, 400, 'INVALID_SCENARIO', parsed.message);
    state.scenarios.set(parsed.value);
    return scenarioList();
  });

  app.put('/sandbox/api/scenarios/:id', async (req, reply) => {
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    const parsed = parseActivation({ ...body, id: field(req.params, 'id') }, state);
    if (!parsed.ok) return apiError(reply, 400, 'INVALID_SCENARIO', parsed.message);
    state.scenarios.set(parsed.value);
    return scenarioList();
  });

  app.delete('/sandbox/api/scenarios', async () => {
    state.scenarios.clear();
    return scenarioList();
  });

  app.delete('/sandbox/api/scenarios/:id', async (req, reply) => {
    const id = field(req.params, 'id');
    if (!isScenarioId(id)) return apiError(reply, 404, 'UNKNOWN_SCENARIO', `unknown scenario "${id}"`);
    const target = resolveTarget(field(req.query, 'account'), state);
    if (!target.ok) return apiError(reply, 400, 'INVALID_SCENARIO', target.message);
    state.scenarios.remove(id, target.value);
    return scenarioList();
  });

  // The next Seller Central sign-in page shows this seeded account's e-mail and password (once).
  app.put('/sandbox/api/signin-prefill', async (req, reply) => {
    const email = field(req.body, 'email');
    if (email === '') {
      state.signInPrefill = undefined;
      return { email: null };
    }
    const account = state.account(email);
    if (!account) return apiError(reply, 400, 'UNKNOWN_ACCOUNT', 'unknown account (use a seeded e-mail address)');
    state.signInPrefill = account.email;
    return { email: account.email };
  });

  // Whether the state survives restarts, when it was last reset on purpose, a state file kept aside.
  app.get('/sandbox/api/status', async () => ({
    persisted: state.persisted,
    ...(state.resetAt ? { resetAt: state.resetAt } : {}),
    ...(state.stateWarning ? { stateWarning: state.stateWarning } : {}),
  }));

  app.post('/sandbox/api/reset', async () => {
    state.reset();
    state.resetAt = new Date(state.now()).toISOString();
    return { ok: true };
  });

  app.get('/sandbox/api/sms', async (req, reply) => {
    const email = field(req.query, 'email').trim().toLowerCase();
    if (email && !state.account(email)) return apiError(reply, 404, 'UNKNOWN_ACCOUNT', `unknown account "${email}"`);
    const messages = state.sms
      .filter((m) => !email || m.email.toLowerCase() === email)
      .map(({ email: to, phone, code, text, sentAt }) => ({
        email: to,
        phone,
        code,
        text,
        sentAt: new Date(sentAt).toISOString(),
      }));
    return { messages };
  });

  app.get('/sandbox/api/apps', async () => ({ apps: state.seed.apps }));

  // Seller Central error pages shown, newest first; `stateTag` (page-errors.ts) narrows to one sign-in.
  app.get('/sandbox/api/page-errors', async (req, reply) => {
    const tag = field(req.query, 'stateTag');
    if (tag && !/^[0-9a-f]{32}$/.test(tag))
      return apiError(reply, 400, 'INVALID_INPUT', '"stateTag" must be 32 hex digits');
    return { pageErrors: state.pageErrors.list(tag || undefined) };
  });

  // The seeded accounts as the start page lists them (public test data), for the desktop's
  // sandbox hint and for support staff's tools; with the authenticator's current code by the sandbox's
  // clock, so a client needs no TOTP code of its own.
  app.get('/sandbox/api/accounts', async () => {
    const t = state.now();
    const secondsLeft = 30 - (Math.floor(t / 1000) % 30);
    return {
      accounts: state.seed.accounts.map((a) => ({
        email: a.email,
        password: a.password,
        name: a.name,
        region: a.region,
        description: a.description,
        role: a.role,
        accountType: a.accountType,
        manageAuthorizedPartners: a.manageAuthorizedPartners === true,
        sellingPartnerId: a.sellingPartnerId,
        ...('totpSecret' in a && a.totpSecret
          ? { totpSecret: a.totpSecret, totp: { code: totp(a.totpSecret, t), secondsLeft } }
          : {}),
        ...('smsPhone' in a && a.smsPhone ? { smsPhone: a.smsPhone } : {}),
      })),
    };
  });

  // Rotates the app's LWA client secret (see client-secret-rotation.ts); answers the new secret once.
  app.post('/sandbox/api/apps/:applicationId/client-secret', async (req, reply) => {
    const target = state.appById(field(req.params, 'applicationId'));
    if (!target) return apiError(reply, 404, 'UNKNOWN_APPLICATION', 'unknown applicationId');
    const parsed = parseRotation(req.body);
    if (!parsed.ok) return apiError(reply, 400, 'INVALID_ROTATION', parsed.message);
    rotateClientSecret(target, parsed.value, state.now());
    return {
      applicationId: target.applicationId,
      clientSecret: target.clientSecret,
      ...(target.previousClientSecret
        ? { previousValidUntil: new Date(target.previousClientSecret.expiresAt).toISOString() }
        : {}),
    };
  });

  // An app's registered redirect URIs, and the Login URI that Re-Authorize and Authorize now call (a
  // cloud on another port registers its own): replaced whole, answered as stored.
  const appSetting = <K extends 'redirectUris' | 'loginUri'>(
    path: string,
    key: K,
    parse: (body: unknown) => Parsed<SeedApp[K]>,
    invalidCode: string,
  ) =>
    app.put(`/sandbox/api/apps/:applicationId/${path}`, async (req, reply) => {
      const target = state.appById(field(req.params, 'applicationId'));
      if (!target) return apiError(reply, 404, 'UNKNOWN_APPLICATION', 'unknown applicationId');
      const parsed = parse(req.body);
      if (!parsed.ok) return apiError(reply, 400, invalidCode, parsed.message);
      target[key] = parsed.value;
      return { applicationId: target.applicationId, [key]: target[key] };
    });
  appSetting('redirect-uris', 'redirectUris', parseRedirectUris, 'INVALID_REDIRECT_URIS');
  appSetting('login-uri', 'loginUri', parseLoginUri, 'INVALID_LOGIN_URI');
}
