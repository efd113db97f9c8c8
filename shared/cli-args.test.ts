// The one argument parser of the three command lines, its rules in-process (each CLI as a real child
// process: cli-args.integration.test.ts).
import { describe, expect, it } from 'vitest';
import { parseCommandLine, parsePort, UsageError } from './cli-args';

describe('parsePort', () => {
  it.each(['0', '1', '4100', '65535'])('accepts %s', (text) => expect(parsePort(text)).toBe(Number(text)));
  it.each(['', '-1', '65536', '99999', '1.5', '1e3', '0x50', ' 80', '80 ', 'abc', '123456'])('refuses %j', (text) => {
    expect(() => parsePort(text)).toThrow(UsageError);
    expect(() => parsePort(text)).toThrow(/--port must be a whole number from 0 to 65535/);
  });
  it('refuses a missing value and names the variable it came from', () => {
    expect(() => parsePort(undefined)).toThrow(UsageError);
    expect(() => parsePort('x', 'CLOUD_PORT')).toThrow(/^CLOUD_PORT must be/);
  });
});

describe('parseCommandLine', () => {
  const spec = { usage: 'usage: x', options: { port: { type: 'string' as const }, log: { type: 'boolean' as const } } };
  it('reads options in both spellings and --help/-h', () => {
    expect(parseCommandLine(spec, ['--port', '1', '--log']).values).toMatchObject({ port: '1', log: true });
    expect(parseCommandLine(spec, ['--port=2']).values.port).toBe('2');
    expect(parseCommandLine(spec, ['-h']).help).toBe(true);
  });
  it.each([
    [['--prot', '1'], /Unknown option '--prot'/],
    [['--port'], /argument missing/],
    [['extra'], /unexpected argument 'extra'/],
    [['--log=yes'], /does not take an argument/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandLine(spec, argv)).toThrow(UsageError);
    expect(() => parseCommandLine(spec, argv)).toThrow(message);
  });
  it('allows words without a dash only when the spec says so', () => {
    expect(parseCommandLine({ ...spec, positionals: true }, ['tenant', 'list']).positionals).toEqual([
      'tenant',
      'list',
    ]);
  });
});
