/** The ens-by-name-or-NIF check's route (the queries are in ./ens-by-name.ts). */
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { findEnsByName, findEnsByNif } from './ens-by-name';

/** Audited as `check.ens` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.findEns, {
    subject: (q) => (q.nif !== undefined ? { nif: q.nif.value } : { name: q.name ?? '' }),
    run: (q) => (q.nif !== undefined ? findEnsByNif(sources.PRO, q.nif) : findEnsByName(sources.PRO, q.name ?? '')),
    outcome: (r) => `${String(r.candidates.length)} candidate(s)`,
  });
