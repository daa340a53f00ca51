/** The PSCP user check's route (the queries are in ./pscp.ts, beside the contracting body's). */
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { checkPscpUser } from './pscp';

/** Audited as `check.pscp-user` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkPscpUser, {
    subject: (q) => ({ env: q.env, nif: q.nif.value }),
    run: (q) => checkPscpUser(sources[q.env], q.nif),
    outcome: (r) => (r.exists ? `found, ready on ${r.organs.filter((o) => o.ready).length} òrgan(s)` : 'not found'),
  });
