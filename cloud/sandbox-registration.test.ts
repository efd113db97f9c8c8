// The embedded cloud registers its callback URL and Login URI with the sandbox app at start (best
// effort: a sandbox that is not up is not fatal), and says so in its log when that fails, since
// Seller Central then answers MD5101.
import { expect, it } from 'vitest';
import { freePort, testConfig } from './testing/stack';
import { startCloud } from './start-cloud';
it('says so when it cannot register its callback with the sandbox app (Seller Central would answer MD5101)', async () => {
  const own: string[] = [];
  // A closed port: the sandbox is not there.
  const gone = `http://127.0.0.1:${await freePort()}`;
  const cloud = await startCloud({
    port: 0,
    config: testConfig(gone, { registerRedirectUriWithSandbox: true }),
    logger: { write: (line) => void own.push(line) },
  });
  try {
    const warnings = own.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
    expect(warnings.map((w) => w.msg)).toEqual([
      'could not register the callback URL with the sandbox app; Seller Central will answer MD5101',
      'could not register the Login URI with the sandbox app',
    ]);
  } finally {
    await cloud.close();
  }
}, 120_000);
