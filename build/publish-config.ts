/** `npm run publish:config`: writes deploy/nginx.conf from build/csp.ts (a unit test fails when they differ). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { nginxConf } from './nginx-conf.ts';
import { NGINX_CONF } from './nginx.ts';

await mkdir(dirname(NGINX_CONF), { recursive: true });
await writeFile(NGINX_CONF, nginxConf());
console.log(`wrote ${NGINX_CONF}`);
