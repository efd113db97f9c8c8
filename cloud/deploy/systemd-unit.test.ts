// The shipped systemd unit is what the bench and the process tests start (systemd-unit.ts): its
// ExecStart runs plain node on the built cloud, with the flags cloud/README.md documents.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DEPLOYED_SCRIPT, deployedEnvironment, deployedNodeFlags } from './systemd-unit';

it('reads the node flags of the shipped unit', () => {
  expect(deployedNodeFlags()).toEqual(['--max-semi-space-size=4', '--heap-growing-percent=20']);
});

it('reads flags wherever node and the script are, and refuses a unit that starts something else', () => {
  expect(
    deployedNodeFlags(`[Service]\nExecStart=/usr/local/bin/node --a --b=1 ${DEPLOYED_SCRIPT} --port %i\n`),
  ).toEqual(['--a', '--b=1']);
  expect(deployedNodeFlags(`ExecStart=node ${DEPLOYED_SCRIPT}`)).toEqual([]);
  expect(() => deployedNodeFlags('ExecStart=/usr/bin/npm run cloud -- --production')).toThrow('does not start node');
  expect(() => deployedNodeFlags('ExecStart=/usr/bin/node cloud/cli.ts')).toThrow(`does not run ${DEPLOYED_SCRIPT}`);
  expect(() => deployedNodeFlags('[Service]\nUser=x\n')).toThrow('does not start node');
});

it("reads the runtime environment of the shipped unit, without the cloud's own configuration", () => {
  expect(deployedEnvironment()).toEqual({
    NODE_ENV: 'production',
    GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=131072:glibc.malloc.mmap_threshold=131072',
  });
  expect(
    deployedEnvironment('Environment=A=1 "B=two words" CLOUD_X=y\nEnvironment=C=\nEnvironmentFile=/etc/x\n'),
  ).toEqual({ A: '1', B: 'two words', C: '' });
});

it('`systemctl reload` sends SIGHUP to the cloud (the documented way to apply rotated LWA secrets)', () => {
  const unit = readFileSync(new URL('./amazon-cloud@.service', import.meta.url), 'utf8');
  expect(unit).toMatch(/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
});
