import { describe, expect, it } from 'vitest';
import type { ProxyClient } from '../../../src/app/api/proxy-client';
import { loadLanguage, translator } from '../../../src/app/i18n/i18n';
import { CHECKS, type CheckRequest } from '../../../src/app/checks/registry';
import { checksTranslator } from '../../../src/app/checks/texts';
import type { CoverageResponse, Dir3Response, EnsResponse } from '../../../src/shared/api';

const t = translator('ca');
const lookup = { by: 'ine10' as const, value: '0801930008', warnings: [] };
const empty = { lookup, authorisations: [] };

function coverage(missingInPro: string[], alreadyInPre: string[]): CoverageResponse {
  return {
    lookup,
    rows: [
      { asked: { kind: 'product', code: 'PADRO', product: 'PADRO' }, pro: ['PADRO / RESIDENT / GESTIO'], pre: [] },
      { asked: { kind: 'modality', code: 'SCSP_TGSS', product: 'TGSS' }, pro: [], pre: ['TGSS / SCSP_TGSS / PROVES'] },
    ],
    missingInPro,
    alreadyInPre,
    answers: { 'vo.authorisedInPro': missingInPro.length === 0, 'vo.alreadyInPre': alreadyInPre.length > 0 },
    verdict: { ca: 'Falta a PRO: SCSP_TGSS', es: 'Falta en PRO: SCSP_TGSS', en: 'Missing in PRO: SCSP_TGSS' },
    pro: { env: 'PRO', ...empty, truncated: false },
    pre: { env: 'PRE', ...empty, truncated: false },
  };
}

/** A proxy that records what it was asked and answers with `data`. */
function proxyAnswering(data: unknown, calls: { path: string; input: unknown }[]): ProxyClient {
  const fake = {
    call: (op: { path: string }, input: unknown) => {
      calls.push({ path: op.path, input });
      return Promise.resolve({ ok: true, data });
    },
  };
  // The registry only calls `call`; the real client's transport is tested in proxy-client.test.ts.
  return fake as unknown as ProxyClient;
}

const request: CheckRequest = {
  ticket: 7,
  env: 'PRE',
  ine10: '0801930008',
  service: 'VO',
  products: ['PADRO', 'TGSS'],
  modalities: ['SCSP_TGSS'],
};
const check = (id: string) => CHECKS.find((c) => c.id === id) ?? expect.fail(`no check ${id}`);

describe('the SIRI coverage check from the app', () => {
  it('asks for what the ens asks (products and modalities) and answers each step’s own question', async () => {
    const calls: { path: string; input: unknown }[] = [];
    const proxy = proxyAnswering(coverage(['SCSP_TGSS'], ['SCSP_TGSS']), calls);
    const inPro = await check('authorisation-coverage').run(proxy, request, t, 'vo.authorisedInPro');
    expect(calls[0]).toMatchObject({
      path: '/v1/checks/authorisation-coverage',
      input: { query: { ticket: 7, ine10: '0801930008', products: 'PADRO,TGSS', modalities: 'SCSP_TGSS' } },
    });
    expect(inPro.ok && inPro.data.answer).toBe(false);
    const inPre = await check('authorisation-coverage').run(proxy, request, t, 'vo.alreadyInPre');
    expect(inPre.ok && inPre.data.answer).toBe(true);
    // A question the check does not decide is left open.
    const other = await check('authorisation-coverage').run(proxy, request, t, 'minhap.confirmed');
    expect(other.ok && other.data.answer).toBeUndefined();
  });

  it('shows asked × PRO × PRE and hands the rows to the homologation reply', async () => {
    const r = await check('authorisation-coverage').run(proxyAnswering(coverage([], []), []), request, t);
    if (!r.ok) return expect.fail('the check failed');
    expect(r.data.view).toMatchObject({
      kind: 'found',
      table: {
        rows: [
          ['PADRO', 'PADRO / RESIDENT / GESTIO', '—'],
          ['SCSP_TGSS', '—', 'TGSS / SCSP_TGSS / PROVES'],
        ],
      },
    });
    expect(r.data.learned.authorisationRows).toEqual([
      { asked: 'PADRO', pro: 'PADRO / RESIDENT / GESTIO', pre: '—' },
      { asked: 'TGSS · SCSP_TGSS', pro: '—', pre: 'TGSS / SCSP_TGSS / PROVES' },
    ]);
  });
});

describe('the ens by name or NIF', () => {
  const found = (exact: boolean[]): EnsResponse => ({
    by: 'name',
    value: 'Ajuntament de Reus',
    candidates: exact.map((e, i) => ({
      codi: String(i),
      nom: `Ajuntament ${String(i)}`,
      cif: null,
      ine10: `43123000${String(i)}0`,
      exact: e,
    })),
  });

  it('looks the ens up by the organisation’s name, or by its CIF when one is given', async () => {
    const calls: { path: string; input: unknown }[] = [];
    const proxy = proxyAnswering(found([true]), calls);
    await check('ens').run(proxy, { ...request, ensName: 'Ajuntament de Reus' }, t);
    await check('ens').run(proxy, { ...request, cif: 'P4300000I', ensName: 'Ajuntament de Reus' }, t);
    expect(calls.map((c) => c.input)).toEqual([
      { query: { ticket: 7, name: 'Ajuntament de Reus' } },
      { query: { ticket: 7, nif: 'P4300000I' } },
    ]);
  });

  it('gives the INE10 to the other checks only when exactly one candidate matches exactly', async () => {
    const one = await check('ens').run(proxyAnswering(found([true, false]), []), request, t);
    expect(one.ok && one.data.learned).toEqual({ ine10: '4312300000' });
    const two = await check('ens').run(proxyAnswering(found([true, true]), []), request, t);
    expect(two.ok && two.data.learned).toEqual({});
  });
});

describe('the DIR3 check', () => {
  const answer = (source: 'table' | 'derived' | 'none', dir3: string | null): Dir3Response => ({
    env: 'PRO',
    lookup,
    dir3,
    nom: null,
    source,
    // The proxy's English note, for the audit and the API: never what the agent reads.
    note: source === 'table' ? null : 'An English note from the proxy.',
  });
  const texts = async (d: Dir3Response, lang: 'ca' | 'es' | 'en'): Promise<string[]> => {
    await loadLanguage(lang);
    const r = await check('dir3').run(proxyAnswering(d, []), request, translator(lang));
    if (!r.ok || r.data.view.kind !== 'found') return expect.fail('the check found nothing');
    return r.data.view.lines.flat().map((part) => part.text);
  };

  it('says a derived or missing DIR3 in the agent’s language, never with the proxy’s English note', async () => {
    for (const lang of ['ca', 'es', 'en'] as const) {
      await loadLanguage(lang);
      const tr = checksTranslator(translator(lang));
      const derived = await texts(answer('derived', 'L01080193'), lang);
      expect(derived).toEqual(['L01080193', '', `(${tr('checks.derived')})`, tr('checks.dir3.confirm')]);
      const none = await texts(answer('none', null), lang);
      expect(none).toEqual(['—', '', tr('checks.dir3.none')]);
      expect([...derived, ...none].join(' ')).not.toContain('English note');
    }
    expect(checksTranslator(translator('es'))('checks.dir3.none')).not.toBe(
      checksTranslator(translator('ca'))('checks.dir3.none'),
    );
  });

  it('adds nothing to a DIR3 the table holds', async () => {
    expect(await texts(answer('table', 'L01080193'), 'es')).toEqual(['L01080193', '']);
  });
});
