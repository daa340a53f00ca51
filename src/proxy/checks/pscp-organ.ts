/** The PSCP contracting body check's route (the queries are in ./pscp.ts, beside the user's). */
import * as api from '../../shared/api';
import { auditedCheck, found } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { checkPscpOrgan } from './pscp';

/** Audited as `check.pscp-organ` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkPscpOrgan, {
    subject: (q) => ({ env: q.env, cif: q.cif.value }),
    run: (q) => checkPscpOrgan(sources[q.env], q.cif),
    outcome: (r) => found(r.exists),
  });
