import { z } from 'zod';

/**
 * The project's zod. Zendesk runs the app in a frame whose content security policy forbids
 * `eval`; zod 4 would otherwise probe `new Function('')` — decided when each object schema is
 * created, i.e. while modules load — and the browser reports that probe as a policy violation.
 * So every module that defines schemas imports zod from here, and in a browser zod is told not
 * to compile validators. On the server (the proxy) zod keeps its faster compiled validators.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
