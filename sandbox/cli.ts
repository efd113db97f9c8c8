// `npm run sandbox -- --port N [--host H] [--redirect-uri URL]...` starts the sandbox and prints its URL.
import { startSandbox } from './index';

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run sandbox -- [--port N] [--host 127.0.0.1] [--redirect-uri URL]... [--log]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { port: number; host: string; redirectUris: string[]; logger: boolean } {
  const out = { port: 4100, host: '127.0.0.1', redirectUris: [] as string[], logger: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(`${name} needs a value`);
      return v;
    };
    if (name === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be 0..65535');
      out.port = port;
    } else if (name === '--host') out.host = value();
    else if (name === '--redirect-uri') {
      const uri = value();
      try {
        new URL(uri);
      } catch {
        usage(`--redirect-uri is not an absolute URL: ${uri}`);
      }
      out.redirectUris.push(uri);
    } else if (name === '--log') out.logger = true;
    else if (name === '--help' || name === '-h') usage('Amazon sandbox');
    else usage(`unknown option ${arg}`);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
try {
  const sandbox = await startSandbox({ port: args.port, host: args.host, extraRedirectUris: args.redirectUris, logger: args.logger });
  process.stdout.write(`${sandbox.url}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`Sandbox could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
