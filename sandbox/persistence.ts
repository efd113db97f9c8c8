// The embedded sandbox keeps what a restart must not forget — authorization codes, refresh and access
// tokens, which sellers authorized which app, the scenario set, the time of the last deliberate reset —
// in one JSON file in the app's data folder, so a restart of `npm start` does not void the cloud's
// tokens (which would look like a merchant's problem). Written atomically (temporary file + rename,
// 0600) after every changing request; validated on load. A damaged file is kept aside and reported,
// and the sandbox starts from the seed.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REGIONS } from '../shared/amazon-regions';
import { SCENARIO_IDS } from './scenarios';
import type { SandboxState } from './state';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const str = z.string().max(4096);
const region = z.enum(REGIONS);

const fileSchema = z.strictObject({
  version: z.literal(1),
  savedAt: str,
  codes: z
    .array(
      z.strictObject({
        code: str,
        applicationId: str,
        clientId: str,
        redirectUri: str,
        sellingPartnerId: str,
        region,
        issuedAt: z.number(),
        used: z.boolean(),
      }),
    )
    .max(100_000),
  refreshTokens: z
    .array(z.strictObject({ token: str, clientId: str, sellingPartnerId: str, region, revoked: z.boolean() }))
    .max(100_000),
  accessTokens: z
    .array(
      z.strictObject({
        token: str,
        clientId: str,
        sellingPartnerId: str.optional(),
        region: region.optional(),
        expiresAt: z.number(),
        refreshToken: str.optional(),
      }),
    )
    .max(100_000),
  authorizations: z.record(str, z.array(str).max(100_000)),
  scenarios: z
    .array(
      z.strictObject({
        id: z.enum(SCENARIO_IDS),
        target: z.strictObject({ email: str.optional(), sellingPartnerId: str }).optional(),
        remaining: z.number().int().min(1).optional(),
        ms: z.number().int().min(1).optional(),
      }),
    )
    .max(1000),
  resetAt: str.optional(),
});
type StateFile = z.infer<typeof fileSchema>;

function snapshot(state: SandboxState, now: number): StateFile {
  return {
    version: 1,
    savedAt: new Date(now).toISOString(),
    codes: [...state.codes.values()],
    refreshTokens: [...state.refreshTokens.values()],
    accessTokens: [...state.accessTokens.values()],
    authorizations: Object.fromEntries([...state.authorizations].map(([app, sellers]) => [app, [...sellers]])),
    scenarios: state.scenarios.list(),
    ...(state.resetAt ? { resetAt: state.resetAt } : {}),
  };
}

/** Writes the state atomically with owner-only permissions. */
export function saveState(file: string, state: SandboxState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot(state, state.now())), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

type LoadResult = { loaded: boolean; keptAside?: string; reason?: string };

/** Restores a saved state; a file that cannot be read or validated is renamed aside, never deleted. */
export function loadState(file: string, state: SandboxState): LoadResult {
  if (!fs.existsSync(file)) return { loaded: false };
  let data: StateFile;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
      );
    data = parsed.data;
  } catch (error) {
    const aside = `${file}.corrupt-${new Date(state.now()).toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, aside);
    return { loaded: false, keptAside: aside, reason: error instanceof Error ? error.message : String(error) };
  }
  for (const c of data.codes) state.codes.set(c.code, { ...c });
  for (const t of data.refreshTokens) state.refreshTokens.set(t.token, { ...t });
  for (const t of data.accessTokens) state.accessTokens.set(t.token, { ...t });
  for (const [app, sellers] of Object.entries(data.authorizations)) state.authorizations.set(app, new Set(sellers));
  for (const s of data.scenarios) state.scenarios.set(s);
  state.resetAt = data.resetAt;
  return { loaded: true };
}
