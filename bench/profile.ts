// Why the status endpoint is slow and the cloud large: `npx tsx bench/profile.ts` runs the status
// endpoint under load in a cloud child started with --cpu-prof, then prints where the CPU time went
// (self time by package and by function) and the child's memory breakdown at start and after load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestCloudHttp } from '../cloud/testing/stack';
import { DEPLOYED_NODE_FLAGS } from './child';
import { startBenchStack } from './stack';
import { closedLoop } from './load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function summarizeProfile(
  file: string,
  top = 15,
): { byPackage: Array<[string, number]>; byFunction: Array<[string, number]> } {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const total = prof.samples.length;
  const hits = new Map<number, number>();
  for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of prof.nodes) {
    const n = hits.get(node.id) ?? 0;
    if (!n) continue;
    const url = node.callFrame.url;
    const pkg = url.includes('node_modules/')
      ? url
          .split('node_modules/')
          .pop()!
          .split('/')
          .slice(0, url.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : url.startsWith('node:')
        ? 'node internals'
        : url
          ? path.relative(process.cwd(), url.replace('file://', '')).split('/').slice(0, 2).join('/')
          : `(${node.callFrame.functionName || 'native'})`;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${url ? path.basename(url) + ':' + (node.callFrame.lineNumber + 1) : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + n);
  }
  const pct = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, Math.round((v / total) * 1000) / 10] as [string, number]);
  return { byPackage: pct(byPackage), byFunction: pct(byFunction) };
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith('bench/profile.ts')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-prof-'));
  const stack = await startBenchStack({
    rateLimitPerMinute: 1_000_000_000,
    logger: true,
    nodeArgs: [...DEPLOYED_NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const mem = (m: NodeJS.MemoryUsage) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, `${Math.round(v / 2 ** 20)} MB`]));
  try {
    console.log('memory at start:', mem((await stack.cloud.stats()).memory));
    const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
    const platform = await client.createPlatform('Profile');
    const auth = await client.startAuthorization(platform.body.id as string);
    const load = await closedLoop(
      stack.cloudUrl,
      `/v1/authorizations/${auth.body.id as string}`,
      { authorization: `Bearer ${await client.accessToken()}` },
      { connections: 32, durationMs: 5000, warmupMs: 500 },
    );
    console.log('status endpoint under load:', load);
    await stack.cloud.gc();
    console.log('memory after load + gc:', mem((await stack.cloud.stats()).memory));
  } finally {
    await stack.close();
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  const s = summarizeProfile(path.join(dir, file));
  console.log('self time by package (% of samples):');
  for (const [k, v] of s.byPackage) console.log(`  ${String(v).padStart(5)} %  ${k}`);
  console.log('self time by function:');
  for (const [k, v] of s.byFunction) console.log(`  ${String(v).padStart(5)} %  ${k}`);
  console.log(`profile: ${path.join(dir, file)}`);
}
