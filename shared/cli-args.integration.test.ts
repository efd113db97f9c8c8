// Each of the three command lines as a real child process with bad input: exit code 2, what is wrong
// and the usage on stderr, no stack trace (the parser's rules in-process: cli-args.test.ts).
import { describe, expect, it } from 'vitest';
import { runScript } from './testing/run-script';

const CLIS = [
  { script: 'cloud/cli.ts', usage: 'usage: npm run cloud --' },
  { script: 'sandbox/cli.ts', usage: 'usage: npm run sandbox --' },
  { script: 'scripts/start.ts', usage: 'usage: npm start --' },
];

describe.each(CLIS)('$script as a child process', ({ script, usage }) => {
  it.each([
    [['--port', '65536'], '--port must be a whole number from 0 to 65535 (got "65536")'],
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535 (got "abc")'],
    [['--port=-1'], '--port must be a whole number from 0 to 65535 (got "-1")'],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--no-such-option'], "Unknown option '--no-such-option'"],
  ])(
    '%j: exit 2, the reason and the usage on stderr, no stack trace',
    async (args, message) => {
      const run = await runScript(script, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(usage);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    },
    30_000,
  );

  it('--help: the usage on stdout, exit 0, nothing started', async () => {
    const run = await runScript(script, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(usage);
    expect(run.stderr).toBe('');
  }, 30_000);
});

it.each([
  [
    'cloud: a bad CLOUD_PORT is refused the same way',
    'cloud/cli.ts',
    [],
    { CLOUD_PORT: '70000' },
    ['CLOUD_PORT must be a whole number from 0 to 65535 (got "70000")'],
  ],
  [
    'cloud: an unknown tenant command exits 2 with the tenant usage',
    'cloud/cli.ts',
    ['tenant', 'frobnicate'],
    {},
    ['tenant: unknown command "frobnicate"', 'usage: npm run cloud -- tenant create <name>'],
  ],
  [
    'sandbox: a relative --redirect-uri is refused',
    'sandbox/cli.ts',
    ['--redirect-uri', '/callback'],
    {},
    ['--redirect-uri is not an absolute URL: /callback'],
  ],
])(
  '%s',
  async (_title, script, args, env, messages) => {
    const run = await runScript(script, args, env);
    expect(run.code).toBe(2);
    for (const message of messages) expect(run.stderr).toContain(message);
  },
  30_000,
);
