/**
 * Serves a folder (a copy of dist/) with Debian's nginx and the committed deploy/nginx.conf, as a static host
 * would: for the end-to-end tests (tests/support/e2e-setup.ts) and the bench (bench/server.ts). nginx runs in
 * the foreground on 127.0.0.1 with a free port, under a prefix folder of its own (configuration, temporary
 * files, error log, pid), never touching /etc/nginx or the system's nginx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NGINX_PLACEHOLDERS } from './nginx-conf.ts';

export const NGINX_CONF = resolve(import.meta.dirname, '..', 'deploy', 'nginx.conf');
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const MIME_TYPES = '/etc/nginx/mime.types';

export interface Nginx {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  pid: number;
  /** The prefix folder: nginx.conf, site.conf, error.log, temporary files. */
  prefix: string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with its placeholders replaced. */
export function renderSite(template: string, listen: string, root: string): string {
  return template.replaceAll(NGINX_PLACEHOLDERS.listen, listen).replaceAll(NGINX_PLACEHOLDERS.root, root);
}

/** A port on 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('nginx: no free port');
  return address.port;
}

/** Whether something accepts connections on the port. */
export const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      done(true);
    });
    socket.on('error', () => done(false));
  });

/** Starts nginx serving `root` with deploy/nginx.conf; resolves once it accepts connections. */
export async function startNginx(root: string): Promise<Nginx> {
  const prefix = await mkdtemp(join(tmpdir(), 'foi-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
  const main = [
    ...(existsSync(BROTLI_STATIC_MODULE) ? [`load_module ${BROTLI_STATIC_MODULE};`] : []),
    'worker_processes 1;',
    'events { worker_connections 128; }',
    'http {',
    '    access_log off;',
    ...temp.map((t) => `    ${t}_temp_path ${join(prefix, `${t}_temp`)};`),
    '    include site.conf;',
    '}',
    '',
  ].join('\n');
  await writeFile(join(prefix, 'nginx.conf'), main);
  await writeFile(
    join(prefix, 'site.conf'),
    renderSite(await readFile(NGINX_CONF, 'utf8'), `127.0.0.1:${port}`, resolve(root)),
  );
  await copyFile(MIME_TYPES, join(prefix, 'mime.types')); // the site's `include mime.types`, as in /etc/nginx
  await mkdir(join(prefix, 'logs'));
  const errorLog = join(prefix, 'logs', 'error.log');
  const pidFile = join(prefix, 'nginx.pid');
  const child: ChildProcess = spawn(
    NGINX_PATH,
    ['-p', prefix, '-e', errorLog, '-c', join(prefix, 'nginx.conf'), '-g', `daemon off; pid ${pidFile};`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => {
    child.on('exit', (code) => done(code));
    child.on('error', (e) => {
      stderr += e.message;
      done(-1);
    });
  });
  let running = true;
  void exited.then(() => (running = false));

  const log = async () => `${stderr}${await readFile(errorLog, 'utf8').catch(() => '')}`;
  for (const started = Date.now(); !(await accepts(port));) {
    if (!running || Date.now() - started > 10_000) {
      child.kill('SIGKILL');
      const message = `nginx did not start (${NGINX_PATH}):\n${await log()}`;
      await rm(prefix, { recursive: true, force: true });
      throw new Error(message);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const pid = child.pid!;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pid,
    prefix,
    async stop() {
      if (running) process.kill(pid, 'SIGQUIT'); // graceful: the master waits for its worker
      const timer = setTimeout(() => running && process.kill(pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
