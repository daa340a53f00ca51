/**
 * The checks that answer a procedure's question (asked × PRO × PRE; the ens by name or NIF) and
 * the answers shared on a ticket, with who and when.
 */
import { checkAuthorisationCoverage, findEns, getAnswers, setAnswer } from '../../../shared/api';
import { checkAuthorisations } from '../../checks/authorisations';
import { coverage } from '../../checks/coverage';
import { findEnsByName, findEnsByNif } from '../../checks/ens-by-name';
import { ensKey } from '../../checks/ens-lookup';
import type { AocSources } from '../../checks/schemas';
import type { Database } from '../../db/types';
import { getAnswers as readAnswers, setAnswer as writeAnswer } from '../../store/answers';
import type { AuditWriter } from '../../store/audit';
import { implement, ok, type RouteDefinition } from '../route';
import { auditedCheck } from './audited';

export function gateRoutes(sources: AocSources, store: Database, audit: AuditWriter): RouteDefinition[] {
  return [
    auditedCheck(audit, checkAuthorisationCoverage, {
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
    }),
    auditedCheck(audit, findEns, {
      subject: (q) => (q.nif !== undefined ? { nif: q.nif.value } : { name: q.name ?? '' }),
      run: (q) => (q.nif !== undefined ? findEnsByNif(sources.PRO, q.nif) : findEnsByName(sources.PRO, q.name ?? '')),
      outcome: (r) => `${String(r.candidates.length)} candidate(s)`,
    }),
    implement(getAnswers, async ({ params }) => ok(await readAnswers(store, params.ticketId))),
    implement(setAnswer, async ({ params, body, agent }) =>
      ok(await writeAnswer(store, params.ticketId, params.questionId, body, agent)),
    ),
  ];
}
