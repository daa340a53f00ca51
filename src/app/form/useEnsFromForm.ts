import { useEffect, useState } from 'react';
import type { ProxyClient } from '../api/proxy-client';

/**
 * The ens's INE10 from the CIF its request form gives, as SIRI PRO knows it (the proxy's ens
 * lookup), for the SIRI checks. Only one exact match is taken: several, none or a failure leave
 * the INE10 to the ticket's text or the agent. The lookup's schemas load only when a form gives
 * a CIF, not with the sidebar's first script.
 */
export function useEnsFromForm(proxy: ProxyClient, ticketId: number, cif: string | undefined): string | undefined {
  const [found, setFound] = useState<{ cif: string; ine10: string } | undefined>(undefined);
  useEffect(() => {
    if (cif === undefined) return;
    const run = { live: true };
    void import('../../shared/api/gates')
      .then(({ findEns }) => proxy.call(findEns, { query: { ticket: ticketId, nif: cif } }))
      .then((r) => {
        if (!run.live || !r.ok) return;
        const exact = r.data.candidates.filter((c) => c.exact);
        const only = exact.length === 1 ? exact[0] : undefined;
        if (only !== undefined) setFound({ cif, ine10: only.ine10 });
      })
      .catch(() => undefined);
    return () => {
      run.live = false;
    };
  }, [proxy, ticketId, cif]);
  return found !== undefined && found.cif === cif ? found.ine10 : undefined;
}
