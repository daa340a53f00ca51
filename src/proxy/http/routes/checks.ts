/** The database checks: fixed, parameterised queries (`../../checks/`), each one audited. */
import * as api from '../../../shared/api';
import { ine10Proves } from '../../../domain/identifiers';
import { checkAuthorisations } from '../../checks/authorisations';
import { checkDcocConfig } from '../../checks/dcoc';
import { checkDir3 } from '../../checks/dir3';
import { ensKey, identifierLookup } from '../../checks/ens-lookup';
import { checkFinalitat } from '../../checks/finalitat';
import { checkOrganisme } from '../../checks/organisme';
import { checkPscpOrgan, checkPscpUser } from '../../checks/pscp';
import type { AocSources } from '../../checks/schemas';
import type { AuditWriter } from '../../store/audit';
import type { RouteDefinition } from '../route';
import { auditedCheck, found } from './audited';

export interface CheckDependencies {
  readonly sources: AocSources;
  readonly dcocFile: string;
}

export function checkRoutes(deps: CheckDependencies, audit: AuditWriter): RouteDefinition[] {
  const { sources } = deps;
  return [
    auditedCheck(audit, api.checkAuthorisations, {
      subject: (q) => {
        const key = ensKey(q);
        return { env: q.env, [key.by]: key.id.value };
      },
      run: (q) => checkAuthorisations(sources[q.env], ensKey(q)),
      outcome: (r) => `${r.authorisations.length} authorisation(s)${r.truncated ? ' (truncated)' : ''}`,
    }),
    auditedCheck(audit, api.checkDir3, {
      // DIR3 is the state's directory, not per environment: PRO's copy unless PRE is asked.
      subject: (q) => ({ env: q.env ?? 'PRO', ine10: q.ine10.value }),
      run: (q) => checkDir3(sources[q.env ?? 'PRO'], q.ine10),
      outcome: (r) => (r.dir3 === null ? 'not found' : `${r.dir3} (${r.source})`),
    }),
    auditedCheck(audit, api.checkFinalitat, {
      subject: (q) => ({ env: q.env, code: finalitatLookup(q).value }),
      run: (q) => {
        const lookup = finalitatLookup(q);
        return checkFinalitat(sources[q.env], lookup.value, lookup);
      },
      outcome: (r) => found(r.exists),
    }),
    auditedCheck(audit, api.checkOrganisme, {
      subject: (q) => {
        const key = ensKey(q);
        return { env: q.env, [key.by]: key.id.value };
      },
      run: (q) => checkOrganisme(sources[q.env], ensKey(q)),
      outcome: (r) => found(r.exists),
    }),
    auditedCheck(audit, api.checkPscpUser, {
      subject: (q) => ({ env: q.env, nif: q.nif.value }),
      run: (q) => checkPscpUser(sources[q.env], q.nif),
      outcome: (r) => (r.exists ? `found, ready on ${r.organs.filter((o) => o.ready).length} òrgan(s)` : 'not found'),
    }),
    auditedCheck(audit, api.checkPscpOrgan, {
      subject: (q) => ({ env: q.env, cif: q.cif.value }),
      run: (q) => checkPscpOrgan(sources[q.env], q.cif),
      outcome: (r) => found(r.exists),
    }),
    auditedCheck(audit, api.checkDcocConfig, {
      subject: (q) => ({ ine10: q.ine10.value }),
      run: (q) => checkDcocConfig(deps.dcocFile, q.ine10),
      outcome: (r) => (r.configuredFor.length === 0 ? 'no col·legi' : r.configuredFor.join(', ')),
    }),
  ];
}

/** The finalitat asked: its code, or the INE10_PROVES finalitat of the ens. */
function finalitatLookup(q: {
  code?: string | undefined;
  ine10?: { value: string; warnings: readonly string[] } | undefined;
}) {
  if (q.ine10 === undefined) return identifierLookup('code', { value: q.code ?? '', warnings: [] });
  const proves = ine10Proves(q.ine10.value);
  // The INE10 parsed already, so this cannot fail; keep the type honest anyway.
  if (!proves.ok) throw new Error(proves.message);
  return identifierLookup('code', { value: proves.value, warnings: q.ine10.warnings });
}
