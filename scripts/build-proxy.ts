// `npm run build:proxy`: the proxy as plain JavaScript in build/proxy/ (tools/proxy-build.ts), run
// with `node build/proxy/proxy.mjs`; `npm run proxy` builds and starts it. See docs/proxy.md.
import { relative } from 'node:path';
import { buildProxy, PROXY_BUILD } from '../tools/proxy-build';

const { proxy } = await buildProxy(PROXY_BUILD);
process.stderr.write(`Built ${relative(process.cwd(), proxy)}\n`);
