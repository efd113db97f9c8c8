// `npm run sandbox -- --port N [--host H] [--redirect-uri URL]...` starts the sandbox and prints its URL.
import { startSandbox } from './index';
import { parsePort, readCommandLine, UsageError } from '../shared/cli-args';

const USAGE = 'usage: npm run sandbox -- [--port 4100] [--host 127.0.0.1] [--redirect-uri URL]... [--log]';

// A wrong word (an unknown option, a bad --port, a relative --redirect-uri) exits 2 with the usage.
const args = readCommandLine(
  {
    usage: USAGE,
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      'redirect-uri': { type: 'string', multiple: true, default: [] },
      log: { type: 'boolean', default: false },
    },
  },
  ({ values }) => {
    for (const uri of values['redirect-uri']) {
      if (!URL.canParse(uri)) throw new UsageError(`--redirect-uri is not an absolute URL: ${uri}`);
    }
    return {
      port: parsePort(values.port),
      host: values.host,
      redirectUris: values['redirect-uri'],
      logger: values.log,
    };
  },
);
try {
  const sandbox = await startSandbox({
    port: args.port,
    host: args.host,
    extraRedirectUris: args.redirectUris,
    logger: args.logger,
  });
  process.stdout.write(`${sandbox.url}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`Sandbox could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
