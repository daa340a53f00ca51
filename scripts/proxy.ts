// `npm run proxy`: starts the backend proxy (configuration from environment variables; with none,
// the embedded demo database). See docs/proxy.md.
import { main } from '../src/proxy/main';

await main();
