/**
 * Every database check the sidebar can run, one entry each: its id (the procedures' check id),
 * the environments it reads, the identifiers it needs, how it calls the proxy and how its answer
 * is shown (as data, see result-view.ts). The panel, the step buttons and the questions a check
 * answers all read this list; adding a check adds an entry here and nothing in the panel.
 */
import * as api from '../../shared/api';
import type { Environment } from '../../shared/api';
import type { CheckId } from '../../shared/api/check-ids';
import type { FactId } from '../../domain/procedures/schema';
import type { AuthorisationRow } from '../replies/prefill';
import type { ProxyClient, ProxyResult } from '../api/proxy-client';
import type { Translate } from '../i18n/i18n';
import type { FoundIdentifiers } from './extract';
import { date, listOrDash, yes, type ResultView } from './result-view';
import { checkName, checksTranslator, type ChecksTranslate } from './texts';

/**
 * Which identifiers a check asks for: an ens by INE10 (or CIF), a person's NIF, an òrgan's CIF,
 * or an ens by its name (the ticket's organisation) or CIF.
 */
export type Needs = 'ine10' | 'ine10-or-cif' | 'nif' | 'cif' | 'name-or-cif';

/** What a run of a check has: the ticket, the environment chosen and the validated identifiers. */
export interface CheckRequest {
  readonly ticket: number;
  readonly env: Environment;
  readonly ine10?: string;
  readonly cif?: string;
  readonly nif?: string;
  /** The ens's name, as the ticket's organisation gives it (or the agent typed it). */
  readonly ensName?: string;
  /** The ticket's service (as classified or corrected). */
  readonly service: string;
  /** What the ens asks for (classified or corrected): products and modalities. */
  readonly products: readonly string[];
  readonly modalities: readonly string[];
}

/** What a check's answer confirms, for the replies: identifiers, and the SIRI check's rows. */
export interface Learned extends FoundIdentifiers {
  readonly authorisationRows?: readonly AuthorisationRow[];
}

export interface CheckEntry<D> {
  readonly id: CheckId;
  /** The environments it reads, in the order offered; empty when it is not per environment. */
  readonly environments: readonly Environment[];
  readonly needs: Needs;
  readonly call: (proxy: ProxyClient, request: CheckRequest) => Promise<ProxyResult<D>>;
  /**
   * Yes or no to the question a step asks this check (`check.answers` in the procedure); a check
   * that answers several questions gives each its own, and undefined for one it does not answer.
   */
  readonly answer?: (data: D, request: CheckRequest, question: FactId | undefined) => boolean | undefined;
  /** Identifiers the answer confirms, for the replies to prefill. */
  readonly learned?: (data: D, request: CheckRequest) => Learned;
  /** `t` reads the checks' own texts (texts.ts) besides the UI's. */
  readonly view: (data: D, t: ChecksTranslate) => ResultView;
  /** Offers the integrator register's form under the check. */
  readonly registers?: boolean;
}

/** A check's run, done: the view to show, the answer to the step's question, what it confirmed. */
export interface CheckOutcome {
  readonly view: ResultView;
  readonly answer?: boolean;
  readonly learned: Learned;
}

/** A registry entry with its answer type sealed in. */
export interface Check extends Omit<CheckEntry<unknown>, 'call' | 'answer' | 'learned' | 'view'> {
  readonly run: (
    proxy: ProxyClient,
    request: CheckRequest,
    t: Translate,
    question?: FactId,
  ) => Promise<ProxyResult<CheckOutcome>>;
}

function defineCheck<D>(entry: CheckEntry<D>): Check {
  const { call, answer, learned, view, ...rest } = entry;
  return {
    ...rest,
    run: async (proxy, request, t, question) => {
      const r = await call(proxy, request);
      if (!r.ok) return r;
      const value = answer?.(r.data, request, question);
      return {
        ok: true,
        data: {
          view: view(r.data, checksTranslator(t)),
          ...(value === undefined ? {} : { answer: value }),
          learned: learned?.(r.data, request) ?? {},
        },
      };
    },
  };
}

/** An ens by its INE10 when one is given, else by its CIF. */
const ens = (r: CheckRequest) => (r.ine10 !== undefined ? { ine10: r.ine10 } : { nif: r.cif ?? '' });

/** The codes of what is asked, as the coverage check's query lists them. */
const codes = (list: readonly string[]): string | undefined => (list.length === 0 ? undefined : list.join(','));

export const CHECKS: readonly Check[] = [
  defineCheck({
    id: 'authorisations',
    environments: ['PRO', 'PRE'],
    needs: 'ine10-or-cif',
    call: (p, r) => p.call(api.checkAuthorisations, { query: { env: r.env, ticket: r.ticket, ...ens(r) } }),
    answer: (d) => d.authorisations.length > 0,
    view: (d, t) =>
      d.authorisations.length === 0
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [],
            table: {
              head: [t('checks.col.product'), t('checks.col.modality'), t('checks.col.purpose'), t('checks.col.since')],
              rows: d.authorisations.map((x) => [
                x.producte.codi,
                x.modalitat.codi,
                x.finalitat.codi,
                date(x.dataAlta),
              ]),
            },
          },
  }),
  defineCheck({
    id: 'authorisation-coverage',
    environments: [],
    needs: 'ine10-or-cif',
    call: (p, r) => {
      const products = codes(r.products);
      const modalities = codes(r.modalities);
      return p.call(api.checkAuthorisationCoverage, {
        query: {
          ticket: r.ticket,
          ...ens(r),
          ...(products === undefined ? {} : { products }),
          ...(modalities === undefined ? {} : { modalities }),
        },
      });
    },
    // The step's own question: all asked held in PRO (Pas 1), or some already given in PRE.
    answer: (d, _r, question) =>
      question === 'vo.authorisedInPro' || question === 'vo.alreadyInPre' ? d.answers[question] : undefined,
    learned: (d) => ({
      authorisationRows: d.rows.map((row) => ({
        asked:
          row.asked.product === null || row.asked.kind === 'product'
            ? row.asked.code
            : `${row.asked.product} · ${row.asked.code}`,
        pro: listOrDash(row.pro),
        pre: listOrDash(row.pre),
      })),
    }),
    view: (d, t) => ({
      kind: 'found',
      lines: [[{ text: d.verdict[t.lang], tone: 'strong' }]],
      table: {
        head: [t('checks.col.asked'), t('checks.col.inPro'), t('checks.col.inPre')],
        rows: d.rows.map((row) => [row.asked.code, listOrDash(row.pro), listOrDash(row.pre)]),
      },
    }),
  }),
  defineCheck({
    id: 'ens',
    environments: [],
    needs: 'name-or-cif',
    call: (p, r) =>
      p.call(api.findEns, {
        query: { ticket: r.ticket, ...(r.cif !== undefined ? { nif: r.cif } : { name: r.ensName ?? '' }) },
      }),
    // One exact match is the ens: its INE10 prefills the other checks and the replies.
    learned: (d) => {
      const exact = d.candidates.filter((c) => c.exact);
      const only = exact.length === 1 ? exact[0] : undefined;
      return only === undefined ? {} : { ine10: only.ine10 };
    },
    view: (d, t) =>
      d.candidates.length === 0
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [],
            table: {
              head: [t('checks.col.ine10'), t('checks.col.name'), t('checks.col.cif'), t('checks.col.exact')],
              rows: d.candidates.map((c) => [c.ine10, c.nom ?? '', c.cif ?? '', yes(c.exact)]),
            },
          },
  }),
  defineCheck({
    id: 'dir3',
    environments: [],
    needs: 'ine10',
    call: (p, r) => p.call(api.checkDir3, { query: { ticket: r.ticket, ine10: r.ine10 ?? '' } }),
    view: (d, t) => ({
      kind: 'found',
      lines: [
        [
          { text: d.dir3 ?? '—', tone: 'strong' },
          { text: d.nom ?? '' },
          ...(d.source === 'derived' ? [{ text: `(${t('checks.derived')})`, tone: 'muted' as const }] : []),
          // The proxy's note is English, for the audit and the API's users: the panel says it in
          // the agent's language from the answer's source.
          ...(d.source === 'derived' ? [{ text: t('checks.dir3.confirm'), tone: 'muted' as const }] : []),
          ...(d.source === 'none' ? [{ text: t('checks.dir3.none'), tone: 'muted' as const }] : []),
        ],
      ],
    }),
  }),
  defineCheck({
    id: 'finalitat',
    environments: ['PRE'],
    needs: 'ine10',
    call: (p, r) => p.call(api.checkFinalitat, { query: { env: r.env, ticket: r.ticket, ine10: r.ine10 ?? '' } }),
    answer: (d) => d.exists,
    view: (d, t) =>
      d.finalitat === null
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [],
            table: {
              head: [t('checks.col.code'), t('checks.col.name'), t('checks.col.inForce')],
              rows: [
                [
                  d.finalitat.codi,
                  d.finalitat.nom ?? '',
                  `${yes(d.finalitat.inForce)} ${date(d.finalitat.vigentDes)} – ${date(d.finalitat.vigentFins)}`,
                ],
              ],
            },
          },
  }),
  defineCheck({
    id: 'organisme',
    environments: ['PRE', 'PRO'],
    needs: 'ine10-or-cif',
    call: (p, r) => p.call(api.checkOrganisme, { query: { env: r.env, ticket: r.ticket, ...ens(r) } }),
    view: (d, t) =>
      d.organismes.length === 0
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [],
            table: {
              head: [t('checks.col.code'), t('checks.col.name'), t('checks.col.cif')],
              rows: d.organismes.map((o) => [o.codi, o.nom ?? '', o.cif ?? '']),
            },
          },
  }),
  defineCheck({
    id: 'pscp-user',
    environments: ['PRE', 'PRO'],
    needs: 'nif',
    call: (p, r) => p.call(api.checkPscpUser, { query: { env: r.env, ticket: r.ticket, nif: r.nif ?? '' } }),
    answer: (d) => d.exists,
    learned: (d) => (d.user === null ? {} : { personNif: d.user.nif }),
    view: (d, t) =>
      d.user === null
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [
              [
                { text: d.user.nif, tone: 'strong' },
                { text: d.user.nom ?? '' },
                ...(d.user.actiu ? [] : [{ text: `(${t('checks.inactive')})` }]),
              ],
            ],
            table: {
              head: [
                t('checks.col.organ'),
                t('checks.col.permissions'),
                t('checks.col.missing'),
                t('checks.col.forbidden'),
              ],
              rows: d.organs.map((o) => [
                `${o.cif} ${o.nom ?? ''}`,
                o.permissions.join(', '),
                listOrDash(o.missing),
                listOrDash(o.forbidden),
              ]),
            },
          },
  }),
  defineCheck({
    id: 'pscp-organ',
    environments: ['PRE', 'PRO'],
    needs: 'cif',
    call: (p, r) => p.call(api.checkPscpOrgan, { query: { env: r.env, ticket: r.ticket, cif: r.cif ?? '' } }),
    answer: (d) => d.exists,
    view: (d, t) =>
      d.organ === null
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [
              [
                { text: d.organ.cif, tone: 'strong' },
                { text: d.organ.nom ?? '' },
                { text: `· ${t('checks.externalSystem')}: ${yes(d.organ.sistemaExternAoc)}` },
              ],
            ],
            table: {
              head: [t('checks.col.nif'), t('checks.col.name'), t('checks.col.missing'), t('checks.col.ready')],
              rows: d.users.map((u) => [u.nif, u.nom ?? '', listOrDash(u.missing), yes(u.ready)]),
            },
          },
  }),
  defineCheck({
    id: 'dcoc-config',
    environments: [],
    needs: 'ine10',
    call: (p, r) => p.call(api.checkDcocConfig, { query: { ticket: r.ticket, ine10: r.ine10 ?? '' } }),
    view: (d, t) => ({
      kind: 'found',
      lines: [],
      table: {
        head: [t('checks.col.list'), t('checks.col.college'), t('checks.col.configured')],
        rows: d.lists.map((l) => [l.key, l.colegi, yes(l.configured)]),
      },
    }),
  }),
  defineCheck({
    id: 'integrator-register',
    environments: [],
    needs: 'ine10',
    registers: true,
    call: (p, r) => p.call(api.listIntegratorRegistrations, { query: { ticket: r.ticket, ine10: r.ine10 ?? '' } }),
    answer: (d, r) => d.registrations.some((x) => x.service === r.service),
    view: (d, t) =>
      d.registrations.length === 0
        ? { kind: 'empty' }
        : {
            kind: 'found',
            lines: [],
            table: {
              head: [
                t('checks.col.service'),
                t('checks.col.product'),
                t('checks.col.integrator'),
                t('checks.col.date'),
              ],
              rows: d.registrations.map((x) => [
                x.service,
                x.product ?? '',
                `${x.integratorNif} ${x.integratorNom}`,
                date(x.registeredAt),
              ]),
            },
          },
  }),
];

/** One choice in the panel: a check in one environment (or a check that has none). */
export interface CheckChoice {
  readonly check: Check;
  readonly env?: Environment;
  /** `authorisations:PRO`, `dir3`: the value of the panel's selector. */
  readonly key: string;
}

export const CHECK_CHOICES: readonly CheckChoice[] = CHECKS.flatMap((check): CheckChoice[] =>
  check.environments.length === 0
    ? [{ check, key: check.id }]
    : check.environments.map((env) => ({ check, env, key: `${check.id}:${env}` })),
);

/** The choice for a check asked by id and environment: the environment asked, else PRE, else its first. */
export function choiceFor(id: string, env?: Environment): CheckChoice | undefined {
  const choices = CHECK_CHOICES.filter((c) => c.check.id === id);
  return choices.find((c) => c.env === env) ?? choices.find((c) => c.env === 'PRE') ?? choices[0];
}

/**
 * The check the panel opens on when no step asked for one: the check of the plan's first step
 * still to do (applying or waiting), else of its first step at all, so a PSCP ticket opens on a
 * PSCP check and not on SIRI; the registry's first check only when the plan runs none.
 */
export function defaultChoice(
  steps: readonly {
    readonly status: string;
    readonly step: {
      readonly check?: { readonly id: string; readonly environment?: Environment | undefined } | undefined;
    };
  }[],
): CheckChoice {
  const pending = steps.find((s) => (s.status === 'applies' || s.status === 'waiting') && s.step.check !== undefined);
  const any = pending ?? steps.find((s) => s.step.check !== undefined);
  const check = any?.step.check;
  const chosen = check === undefined ? undefined : choiceFor(check.id, check.environment);
  return chosen ?? (CHECK_CHOICES[0] as CheckChoice);
}

export function choiceLabel(choice: CheckChoice, t: Translate): string {
  // Every check id has its name in every language: CHECK_NAMES is typed by the ids.
  const name = checkName(choice.check.id, t.lang) ?? choice.check.id;
  return choice.env === undefined ? name : `${name} · ${choice.env}`;
}
