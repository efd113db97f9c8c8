// Debian's nginx for tests: a self-signed certificate for 127.0.0.1 made with the openssl CLI, and
// nginx as a non-daemon child with everything (pid, logs, temp files) under a temp prefix, running the
// repo's main configuration (cloud/deploy/nginx.conf: its limits) and site (cloud/deploy/nginx-site.conf)
// with only the listen port, the certificate paths, the upstream instances and the file paths replaced.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import tls from 'node:tls';

const run = promisify(execFile);
const NGINX_SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../deploy/nginx-site.conf');
const NGINX_MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../deploy/nginx.conf');
const NGINX_BIN = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));

export function findNginx(): { bin: string } | { missing: string } {
  return NGINX_BIN ? { bin: NGINX_BIN } : { missing: 'nginx not found (apt-get install nginx)' };
}

interface Certificate {
  certFile: string;
  keyFile: string;
  pem: string;
}

export async function selfSignedCertificate(dir: string): Promise<Certificate> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return { certFile, keyFile, pem: fs.readFileSync(certFile, 'utf8') };
}

interface SiteOptions {
  port: number;
  cert: Certificate;
  upstreams: number[];
  /** One worker process instead of the shipped `auto` (a round robin over all requests). */
  oneWorker?: boolean;
  /**
   * This many worker processes instead of `auto` (one per core): a proxied long-poll holds two
   * descriptors in its worker, so under a hard open-file limit below the file's worker_rlimit_nofile
   * more workers hold more long-polls (bench/nginx-waiters.ts).
   */
  workers?: number;
  /** Shortens how long nginx waits for the callback's answer (120 s in the file), to provoke its timeout. */
  callbackReadTimeoutSeconds?: number;
}

/** The documented site file with this test's port, certificate and instances. */
function siteConfig(opts: SiteOptions, prefix: string): string {
  let text = fs.readFileSync(NGINX_SITE, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`nginx-site.conf no longer has ${pattern}; update the test`);
    text = text.replace(pattern, by);
  };
  replace(/\/var\/log\/nginx\//g, `${prefix}/logs/`);
  replace(/^(\s*)listen 443 ssl;$/m, `$1listen 127.0.0.1:${opts.port} ssl;`);
  replace(/^(\s*)ssl_certificate\s+\S+;$/m, `$1ssl_certificate ${opts.cert.certFile};`);
  replace(/^(\s*)ssl_certificate_key\s+\S+;$/m, `$1ssl_certificate_key ${opts.cert.keyFile};`);
  const servers = /^(\s*)server 127\.0\.0\.1:\d+ (.*);\n(?:\s*server 127\.0\.0\.1:\d+ .*;\n)*/m;
  replace(servers, opts.upstreams.map((p) => `$1server 127.0.0.1:${p} $2;\n`).join(''));
  if (opts.callbackReadTimeoutSeconds !== undefined) {
    replace(
      /(location = \/oauth\/amazon\/callback \{[^}]*proxy_read_timeout )\d+s;/,
      `$1${opts.callbackReadTimeoutSeconds}s;`,
    );
  }
  return text;
}

/** The shipped main configuration with this prefix's paths, the site instead of sites-enabled, no modules. */
function mainConfig(prefix: string, oneWorker = false, workers?: number): string {
  let text = fs.readFileSync(NGINX_MAIN, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`nginx.conf no longer has ${pattern}; update the test`);
    text = text.replace(pattern, by);
  };
  // Workers as the test's user (nobody when root), not www-data.
  replace(/^user .*;\n/m, '');
  // One worker if asked: nginx's round robin is per worker, so with two a test's few requests could all
  // reach one instance (topology-sign-in.integration.test.ts checks that callbacks reach both).
  if (oneWorker || workers) replace(/^worker_processes auto;$/m, `worker_processes ${oneWorker ? 1 : workers};`);
  replace(/^pid .*;$/m, `pid ${prefix}/nginx.pid;`);
  replace(/^error_log .*;$/m, `error_log ${prefix}/logs/error.log info;`);
  replace(/\/var\/log\/nginx\//g, `${prefix}/logs/`);
  replace(/^include \/etc\/nginx\/modules-enabled\/\*\.conf;\n/m, '');
  replace(/^(\s*)include \/etc\/nginx\/conf\.d\/\*\.conf;\n/m, '');
  replace(/^(\s*)include \/etc\/nginx\/mime\.types;\n/m, '');
  replace(/^(\s*)include \/etc\/nginx\/sites-enabled\/\*;$/m, `$1include ${prefix}/site.conf;`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `    ${t}_temp_path ${prefix}/${t};\n`)
    .join('');
  replace(/^http \{\n/m, `http {\n${temp}`);
  return text;
}

/** Every line nginx logged (access and error logs of the main configuration and the site). */
function nginxLogs(prefix: string): string {
  const dir = path.join(prefix, 'logs');
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
        .join('\n')
    : '';
}

export interface Nginx {
  url: string;
  child: ChildProcess;
  errorLog(): string;
  /** Every log file's text, read now (gone after close: read it before). */
  logs(): string;
  /** Graceful (SIGQUIT: open requests, long-polls included, are answered first) unless `fast` (SIGTERM). */
  close(opts?: { fast?: boolean }): Promise<void>;
}

export async function startNginx(bin: string, opts: SiteOptions): Promise<Nginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-nginx-'));
  fs.mkdirSync(path.join(prefix, 'logs'));
  fs.writeFileSync(path.join(prefix, 'site.conf'), siteConfig(opts, prefix));
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), mainConfig(prefix, opts.oneWorker, opts.workers));
  fs.chmodSync(prefix, 0o755);
  const child = spawn(bin, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => void (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => {
    try {
      return fs.readFileSync(path.join(prefix, 'logs/error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  // Ready when it accepts a TLS handshake.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}\n${errorLog()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port: opts.port, ca: opts.cert.pem }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${output}\n${errorLog()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `https://127.0.0.1:${opts.port}`,
    child,
    errorLog,
    logs: () => nginxLogs(prefix),
    async close({ fast = false } = {}) {
      if (child.exitCode === null) child.kill(fast ? 'SIGTERM' : 'SIGQUIT');
      await exited;
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** The hard open-file limit of this process (an nginx started from it gets the same). */
export function hardFdLimit(): number {
  const line = fs
    .readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const hard = line?.split(/\s+/)[4];
  return hard === 'unlimited' ? Infinity : Number(hard ?? 1024);
}

/**
 * The shipped nginx.conf runs one worker per core and raises each worker's open-file limit to 70,000
 * (worker_rlimit_nofile); a proxied long-poll holds two descriptors in its worker (the desktop's and the
 * instance's connection). Where the hard limit is lower (a container: 20,000 here) and cannot be raised
 * without root's CAP_SYS_RESOURCE, one worker per core cannot hold `clients`: then as many workers as
 * the descriptors need, with a quarter to spare for an uneven spread of connections over them.
 */
export function nginxWorkersFor(clients: number, cores: number, hardLimit: number): number {
  const perWorker = Math.min(hardLimit, 70_000) - 100;
  const needed = Math.ceil((2 * clients * 1.25) / perWorker);
  return Math.max(cores, needed);
}
