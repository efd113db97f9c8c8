// The cloud's listen queue: nginx opens a connection per request, and a burst of them (thousands of
// desktops asking again at once) must wait in the kernel's queue rather than be dropped (issue 26).
// Read from the kernel: `ss` shows a listening socket's queue limit as its Send-Q.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LISTEN_BACKLOG } from './start-cloud';
import { startStack } from './testing/stack';

const ss = ['/usr/bin/ss', '/bin/ss', '/usr/sbin/ss'].find((p) => fs.existsSync(p));

describe('listen backlog', () => {
  it.skipIf(!ss || !fs.existsSync('/proc/sys/net/core/somaxconn'))(
    'queues LISTEN_BACKLOG connections (capped by net.core.somaxconn), not Node’s default 511',
    async () => {
      const somaxconn = Number(fs.readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
      const stack = await startStack();
      try {
        const line = execFileSync(ss!, ['-ltnH', `sport = :${stack.cloudPort}`], { encoding: 'utf8' }).trim();
        // State Recv-Q Send-Q Local-Address Peer-Address
        expect(Number(line.split(/\s+/)[2])).toBe(Math.min(LISTEN_BACKLOG, somaxconn));
        expect(LISTEN_BACKLOG).toBeGreaterThan(511);
      } finally {
        await stack.close();
      }
    },
  );
});
