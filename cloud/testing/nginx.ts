// Debian's nginx for tests: a self-signed certificate for 127.0.0.1 made with the openssl CLI, and
// nginx as a non-daemon child with everything (pid, logs, temp files) under a temp prefix, serving
// the repo's documented site configuration (cloud/deploy/nginx-site.conf) with only the listen port,
// the certificate paths and the upstream instances replaced.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import tls from 'node:tls';

const run = promisify(execFile);
export const NGINX_SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../deploy/nginx-site.conf');
const NGINX_BIN = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));

export function findNginx(): { bin: string } | { missing: string } {
  return NGINX_BIN ? { bin: NGINX_BIN } : { missing: 'nginx not found (apt-get install nginx)' };
}

export interface Certificate {
  certFile: string;
  keyFile: string;
  pem: string;
}

export async function selfSignedCertificate(dir: string): Promise<Certificate> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
  ]);
  return { certFile, keyFile, pem: fs.readFileSync(certFile, 'utf8') };
}

export interface SiteOptions {
  port: number;
  cert: Certificate;
  upstreams: number[];
  /** Shortens how long nginx waits for the callback's answer (120 s in the file), to provoke its timeout. */
  callbackReadTimeoutSeconds?: number;
}

/** The documented site file with this test's port, certificate and instances. */
export function siteConfig(opts: SiteOptions): string {
  let text = fs.readFileSync(NGINX_SITE, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`nginx-site.conf no longer has ${pattern}; update the test`);
    text = text.replace(pattern, by);
  };
  replace(/^(\s*)listen 443 ssl;$/m, `$1listen 127.0.0.1:${opts.port} ssl;`);
  replace(/^(\s*)ssl_certificate\s+\S+;$/m, `$1ssl_certificate ${opts.cert.certFile};`);
  replace(/^(\s*)ssl_certificate_key\s+\S+;$/m, `$1ssl_certificate_key ${opts.cert.keyFile};`);
  const servers = /^(\s*)server 127\.0\.0\.1:\d+ (.*);\n(?:\s*server 127\.0\.0\.1:\d+ .*;\n)*/m;
  replace(servers, (opts.upstreams.map((p) => `$1server 127.0.0.1:${p} $2;\n`).join('')));
  if (opts.callbackReadTimeoutSeconds !== undefined) {
    replace(/(location = \/oauth\/amazon\/callback \{[^}]*proxy_read_timeout )\d+s;/, `$1${opts.callbackReadTimeoutSeconds}s;`);
  }
  return text;
}

export interface Nginx {
  url: string;
  child: ChildProcess;
  errorLog(): string;
  /** Graceful (SIGQUIT: open requests, long-polls included, are answered first) unless `fast` (SIGTERM). */
  close(opts?: { fast?: boolean }): Promise<void>;
}

export async function startNginx(bin: string, opts: SiteOptions): Promise<Nginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-nginx-'));
  fs.mkdirSync(path.join(prefix, 'logs'));
  fs.writeFileSync(path.join(prefix, 'site.conf'), siteConfig(opts));
  // The main file a distribution ships (/etc/nginx/nginx.conf), reduced to what the site needs.
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log info;
events { worker_connections 256; }
http {
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${prefix}/site.conf;
}
`,
  );
  fs.chmodSync(prefix, 0o755);
  const child = spawn(bin, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    async close({ fast = false } = {}) {
      if (child.exitCode === null) child.kill(fast ? 'SIGTERM' : 'SIGQUIT');
      await exited;
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
