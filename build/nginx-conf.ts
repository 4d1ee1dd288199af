/**
 * nginx's part of the site's policy (./csp.ts): the map of each built page's policy, and deploy/nginx.conf
 * (`npm run publish:config`), both from the one policy.
 */
import {
  ASSETS_DIR,
  CACHE_HASHED,
  CACHE_OTHER,
  COMMON_HEADERS,
  HEADERS_FILE,
  NGINX_MAP_FILE,
  SUB_PATH,
  frameAncestors,
  headersFor,
  policy,
  type BuiltPage,
} from './csp.ts';

const nginxString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The per-build part of the nginx config: the policy of each page, with its hashes, for the map of
 * `$uri` to `$foi_csp` in deploy/nginx.conf (included from the copy of dist/; read when nginx (re)loads).
 */
export function nginxCspMap(pages: readonly BuiltPage[]): string {
  const lines = [...pages]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((p) => `~(^|/)${regexEscape(p.file)}$ ${nginxString(headersFor(p.file, pages)[0]![1])};`);
  return `# Written by the build from build/csp.ts: each page's policy, for deploy/nginx.conf.\n${lines.join('\n')}\n`;
}

/** The placeholders of deploy/nginx.conf. */
export const NGINX_PLACEHOLDERS = { listen: '__LISTEN__', root: '__ROOT__' } as const;

/** deploy/nginx.conf: a server for nginx's http context, serving a copy of dist/ with these headers. */
export function nginxConf(): string {
  const { listen, root } = NGINX_PLACEHOLDERS;
  const headers = [
    ['Content-Security-Policy', '$foi_csp'],
    ...COMMON_HEADERS.map(([n, v]) => [n, nginxString(v)]),
  ]
    .map(([n, v]) => `    add_header ${n} ${v} always;`)
    .join('\n');
  return `# Written by build/csp.ts (\`npm run publish:config\`): edit that file, not this one; a unit test compares them.
#
# The explorer as a static site on nginx, with its security headers. Put this file in nginx's http context
# (Debian: /etc/nginx/conf.d/foi-explorer.conf) with ${root} replaced by the absolute path of a copy of the
# build (dist/) and ${listen} by the address to listen on (e.g. 80), then reload nginx. Reload it after each
# new build too: the pages' script hashes are read from ${root}/${NGINX_MAP_FILE} when nginx (re)loads.
# brotli_static needs the brotli module (Debian: apt-get install libnginx-mod-http-brotli-static).

# Each page's Content-Security-Policy with the sha256 of its inline script; the policy without inline scripts
# (framed by this site only) for everything else.
map $uri $foi_csp {
    default ${nginxString(policy([], frameAncestors('')))};
    include ${root}/${NGINX_MAP_FILE};
}

# Files named by their content (Vite's assets/) or by their data release (releases/<id>/) never change;
# everything else (the pages, releases/index.json) is revalidated.
map $uri $foi_cache_control {
    ~/${ASSETS_DIR}/[^/]+$ ${nginxString(CACHE_HASHED)};
    ~/releases/[^/]+/[^/]+$ ${nginxString(CACHE_HASHED)};
    default ${nginxString(CACHE_OTHER)};
}

server {
    listen ${listen};
    server_name _;
    server_tokens off;
    root ${root};
    index index.html;

    include mime.types;
    types {
        text/csv csv;
    }
    charset utf-8;
    charset_types text/css text/csv text/plain application/javascript application/json image/svg+xml;

    # The build wrote a .br and a .gz beside every file worth compressing: nothing is compressed per request.
    gzip off;
    gzip_static on;
    brotli_static on;
    gzip_vary on;

${headers}
    add_header Cache-Control $foi_cache_control;

    # At the site's root.
    location / {
    }

    # Under a sub-path of the same site (an example: rename it, or remove the block you do not need).
    location ${SUB_PATH} {
        alias ${root}/;
    }

    # The build's files for hosts are not for readers.
    location ~ /(${HEADERS_FILE}|${regexEscape(NGINX_MAP_FILE)})$ {
        return 404;
    }
}
`;
}
