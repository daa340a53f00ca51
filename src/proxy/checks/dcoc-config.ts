/** The DCOC configuration check's route (the properties file is read in ./dcoc.ts). */
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { checkDcocConfig } from './dcoc';

/** Audited as `check.dcoc-config` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ dcocFile }, audit) =>
  auditedCheck(audit, api.checkDcocConfig, {
    subject: (q) => ({ ine10: q.ine10.value }),
    run: (q) => checkDcocConfig(dcocFile, q.ine10),
    outcome: (r) => (r.configuredFor.length === 0 ? 'no col·legi' : r.configuredFor.join(', ')),
  });
