// One way for the command lines (cloud, sandbox, `npm start`) to read their arguments: node's own
// parseArgs (strict: an unknown option or a missing value is refused), `--help`/`-h` on each, and
// `--port` checked the same everywhere. A wrong word prints what is wrong and the usage to stderr and
// exits with 2 (the shell convention for misuse), never with a stack trace. Node only.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that is not understood; the message names the word. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandLineSpec<O extends Options> {
  /** Printed for --help and after a usage error. */
  usage: string;
  options: O;
  /** Words without a dash (the cloud's `tenant …` commands); refused unless allowed. */
  positionals?: boolean;
}

type Values<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O & { help: { type: 'boolean' } }; allowPositionals: true; strict: true }>
>['values'];

interface CommandLine<O extends Options> {
  values: Values<O>;
  positionals: string[];
  help: boolean;
}

/** Parses without exiting: throws UsageError for anything it does not accept. */
export function parseCommandLine<O extends Options>(spec: CommandLineSpec<O>, argv: string[]): CommandLine<O> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    // node's messages name the option ("Unknown option '--prot'", "Option '--port <value>' argument missing").
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }
  const help = (parsed.values as Record<string, unknown>).help === true;
  if (!spec.positionals && parsed.positionals.length > 0 && !help)
    throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  return { values: parsed.values as Values<O>, positionals: parsed.positionals, help };
}

/** A TCP port as typed by a person: decimal digits only, 0 (any free port) to 65535. */
export function parsePort(text: string | undefined, what = '--port'): number {
  if (text === undefined || !/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`${what} must be a whole number from 0 to 65535 (got ${JSON.stringify(text ?? '')})`);
  }
  return Number(text);
}

/** Prints the message and the usage to stderr and exits with 2. */
export function exitWithUsage(usage: string, message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

/**
 * For a CLI's entry: parses process.argv, prints the usage and exits 0 for --help, exits 2 with the
 * usage for a wrong word. `check` runs the CLI's own checks (ports, URLs) so they end the same way.
 */
export function readCommandLine<O extends Options, T>(
  spec: CommandLineSpec<O>,
  check: (line: CommandLine<O>) => T,
  argv = process.argv.slice(2),
): T {
  try {
    const line = parseCommandLine(spec, argv);
    if (line.help) {
      process.stdout.write(`${spec.usage}\n`);
      process.exit(0);
    }
    return check(line);
  } catch (err) {
    if (err instanceof UsageError) exitWithUsage(spec.usage, err.message);
    throw err;
  }
}
