/** The coverage check's route: what is asked against SIRI's authorisations in PRO and PRE (./coverage.ts). */
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { checkAuthorisations } from './authorisations';
import { coverage } from './coverage';
import { ensKey } from './ens-lookup';

/** Audited as `check.authorisation-coverage` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkAuthorisationCoverage, {
    subject: (q) => {
      const key = ensKey(q);
      return { [key.by]: key.id.value, products: q.products ?? [], modalities: q.modalities ?? [] };
    },
    run: async (q) => {
      const key = ensKey(q);
      const asked = { products: q.products ?? [], modalities: q.modalities ?? [] };
      const [pro, pre] = await Promise.all([
        checkAuthorisations(sources.PRO, key),
        checkAuthorisations(sources.PRE, key),
      ]);
      return { lookup: pro.lookup, ...coverage(asked, pro.authorisations, pre.authorisations), pro, pre };
    },
    outcome: (r) =>
      r.missingInPro.length === 0
        ? `all in PRO; in PRE: ${r.alreadyInPre.join(',') || 'none'}`
        : `missing in PRO: ${r.missingInPro.join(',')}`,
  });
