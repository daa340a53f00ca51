/** The integrator register of "Pas 7", read as a check (registering is a write: ../http/routes/integrators.ts). */
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { listRegistrations } from '../store/integrator-register';
import { identifierLookup } from './ens-lookup';

/** Audited as `check.integrator-register` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ register }, audit) =>
  auditedCheck(audit, api.listIntegratorRegistrations, {
    subject: (q) => ({ ine10: q.ine10.value }),
    run: async (q) => ({
      lookup: identifierLookup('ine10', q.ine10),
      registrations: await listRegistrations(register, q.ine10.value),
    }),
    outcome: (r) => `${r.registrations.length} registration(s)`,
  });
