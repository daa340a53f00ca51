import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { useState } from 'react';
import { isKnownService } from '../../domain/catalogue';
import { parseCif, parseIne10, parseNif, parsePersonNif, type IdentifierResult } from '../../domain/identifiers';
import type { FactId } from '../../domain/procedures/schema';
import * as api from '../../shared/api';
import type { ProxyResult } from '../api/proxy-client';
import { problemText, type Assistant } from '../useAssistant';

/**
 * The proxy's database checks, run from the step that needs them: identifiers are taken from the
 * ticket or typed, and validated as they are typed (the proxy validates them again); results are
 * shown as tables, and answer the procedure's questions (e.g. "does the user exist?").
 */
type CheckKey =
  | 'authorisations:PRO'
  | 'authorisations:PRE'
  | 'dir3'
  | 'finalitat:PRE'
  | 'organisme:PRE'
  | 'organisme:PRO'
  | 'pscp-user:PRE'
  | 'pscp-user:PRO'
  | 'pscp-organ:PRE'
  | 'pscp-organ:PRO'
  | 'dcoc-config'
  | 'integrator-register';

const CHECKS: readonly { key: CheckKey; label: string; needs: 'ine10' | 'ine10-or-cif' | 'nif' | 'cif' }[] = [
  { key: 'authorisations:PRO', label: 'Autoritzacions SIRI · PRO', needs: 'ine10-or-cif' },
  { key: 'authorisations:PRE', label: 'Autoritzacions SIRI · PRE', needs: 'ine10-or-cif' },
  { key: 'dir3', label: 'DIR3', needs: 'ine10' },
  { key: 'finalitat:PRE', label: 'Finalitat INE10_PROVES · PRE', needs: 'ine10' },
  { key: 'organisme:PRE', label: 'Organisme SIRI · PRE', needs: 'ine10-or-cif' },
  { key: 'organisme:PRO', label: 'Organisme SIRI · PRO', needs: 'ine10-or-cif' },
  { key: 'pscp-user:PRE', label: 'Usuari PSCP · PRE', needs: 'nif' },
  { key: 'pscp-user:PRO', label: 'Usuari PSCP · PRO', needs: 'nif' },
  { key: 'pscp-organ:PRE', label: 'Òrgan de contractació PSCP · PRE', needs: 'cif' },
  { key: 'pscp-organ:PRO', label: 'Òrgan de contractació PSCP · PRO', needs: 'cif' },
  { key: 'dcoc-config', label: 'Configuració DCOC', needs: 'ine10' },
  { key: 'integrator-register', label: 'Registre d’empreses integradores', needs: 'ine10' },
];

/** Which question each check answers, and how (the result → yes/no). */
const ANSWERS: Partial<Record<CheckKey, FactId>> = {
  'authorisations:PRO': 'vo.authorisedInPro',
  'authorisations:PRE': 'vo.alreadyInPre',
  'finalitat:PRE': 'minhap.finalitatExists',
  'pscp-user:PRE': 'pscp.userFound',
  'pscp-organ:PRE': 'pscp.organFound',
  'pscp-organ:PRO': 'pscp.organFoundPro',
  'integrator-register': 'integrator.registered',
};

function toKey(nav: string | undefined): CheckKey | undefined {
  if (nav === undefined) return undefined;
  const [id, env] = nav.split(':');
  const candidates: string[] = [
    nav,
    id === 'authorisations' || id === 'pscp-user' || id === 'pscp-organ' || id === 'organisme'
      ? `${id}:${env ?? 'PRE'}`
      : (id ?? ''),
  ];
  if (id === 'finalitat') candidates.push('finalitat:PRE');
  return CHECKS.find((c) => candidates.includes(c.key))?.key;
}

function IdField({
  label,
  value,
  onChange,
  result,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  result: IdentifierResult<string> | undefined;
  hint?: string;
}) {
  const error = result !== undefined && !result.ok ? result.message : undefined;
  const warnings = result?.ok === true ? result.warnings : [];
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      {hint === undefined ? null : <Field.Hint>{hint}</Field.Hint>}
      <Input
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
        {...(error === undefined ? {} : { validation: 'error' as const })}
      />
      {error === undefined ? null : <Field.Message validation="error">{error}</Field.Message>}
      {warnings.map((w) => (
        <Field.Message key={w} validation="warning">
          {w}
        </Field.Message>
      ))}
    </Field>
  );
}

function Table({ head, rows }: { head: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <table className="result-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const date = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 10));
const yes = (b: boolean): string => (b ? '✓' : '✗');

export function ChecksPanel({ a }: { a: Assistant }) {
  const { t, env, found, ticket, classification } = a;
  const [key, setKey] = useState<CheckKey>(() => toKey(a.nav.check) ?? 'authorisations:PRO');
  const [ine10, setIne10] = useState(found.ine10 ?? '');
  const [cif, setCif] = useState(found.cif ?? '');
  const [nif, setNif] = useState(found.personNif ?? '');
  const [integratorNif, setIntegratorNif] = useState('');
  const [integratorName, setIntegratorName] = useState('');
  const [ensName, setEnsName] = useState(ticket.input.organization?.name ?? '');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ key: CheckKey; node: React.ReactNode } | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const check = CHECKS.find((c) => c.key === key) ?? CHECKS[0];
  const ine10Result = ine10.trim() === '' ? undefined : parseIne10(ine10);
  const cifResult = cif.trim() === '' ? undefined : parseCif(cif);
  const nifResult = nif.trim() === '' ? undefined : parsePersonNif(nif);
  const integratorResult = integratorNif.trim() === '' ? undefined : parseNif(integratorNif);

  const ready =
    check?.needs === 'ine10'
      ? ine10Result?.ok === true
      : check?.needs === 'nif'
        ? nifResult?.ok === true
        : check?.needs === 'cif'
          ? cifResult?.ok === true
          : ine10Result?.ok === true || cifResult?.ok === true;

  function handle<T>(
    r: ProxyResult<T>,
    answer: (data: T) => boolean | undefined,
    render: (data: T) => React.ReactNode,
  ): void {
    if (!r.ok) {
      setProblem(problemText(t, r.problem));
      setResult(undefined);
      return;
    }
    setProblem(undefined);
    const fact = ANSWERS[key];
    const value = answer(r.data);
    if (fact !== undefined && value !== undefined) a.setFact(fact, value);
    setResult({ key, node: render(r.data) });
  }

  const run = async (): Promise<void> => {
    setRunning(true);
    const p = env.proxy;
    const id = ticket.id;
    const ine = ine10Result?.ok === true ? ine10Result.value : undefined;
    const by = ine !== undefined ? { ine10: ine } : { nif: cifResult?.ok === true ? cifResult.value : '' };
    const [checkId, envName] = key.split(':') as [string, 'PRE' | 'PRO' | undefined];
    if (ine !== undefined) a.remember({ ine10: ine });
    const e = envName ?? 'PRE';
    try {
      if (checkId === 'authorisations') {
        handle(
          await p.call(api.checkAuthorisations, { query: { env: e, ticket: id, ...by } }),
          (d) => d.authorisations.length > 0,
          (d) =>
            d.authorisations.length === 0 ? (
              <p>{t('checks.empty')}</p>
            ) : (
              <Table
                head={['Producte', 'Modalitat', 'Finalitat', 'Alta']}
                rows={d.authorisations.map((x) => [
                  x.producte.codi,
                  x.modalitat.codi,
                  x.finalitat.codi,
                  date(x.dataAlta),
                ])}
              />
            ),
        );
      } else if (checkId === 'dir3' && ine !== undefined) {
        handle(
          await p.call(api.checkDir3, { query: { ticket: id, ine10: ine } }),
          () => undefined,
          (d) => (
            <p>
              <strong>{d.dir3 ?? '—'}</strong> {d.nom ?? ''}{' '}
              {d.source === 'derived' ? <span className="muted">({t('checks.derived')})</span> : null}
              {d.note === null ? null : <span className="muted"> {d.note}</span>}
            </p>
          ),
        );
      } else if (checkId === 'finalitat' && ine !== undefined) {
        handle(
          await p.call(api.checkFinalitat, { query: { env: 'PRE', ticket: id, ine10: ine } }),
          (d) => d.exists,
          (d) =>
            d.finalitat === null ? (
              <p>{t('checks.empty')}</p>
            ) : (
              <Table
                head={['Codi', 'Nom', 'Vigent']}
                rows={[
                  [
                    d.finalitat.codi,
                    d.finalitat.nom ?? '',
                    `${yes(d.finalitat.inForce)} ${date(d.finalitat.vigentDes)} – ${date(d.finalitat.vigentFins)}`,
                  ],
                ]}
              />
            ),
        );
      } else if (checkId === 'organisme') {
        handle(
          await p.call(api.checkOrganisme, { query: { env: e, ticket: id, ...by } }),
          () => undefined,
          (d) =>
            d.organismes.length === 0 ? (
              <p>{t('checks.empty')}</p>
            ) : (
              <Table head={['Codi', 'Nom', 'CIF']} rows={d.organismes.map((o) => [o.codi, o.nom ?? '', o.cif ?? ''])} />
            ),
        );
      } else if (checkId === 'pscp-user' && nifResult?.ok === true) {
        const nifValue = nifResult.value;
        handle(
          await p.call(api.checkPscpUser, { query: { env: e, ticket: id, nif: nifValue } }),
          (d) => {
            if (d.exists) a.remember({ personNif: nifValue });
            return d.exists;
          },
          (d) =>
            d.user === null ? (
              <p>{t('checks.empty')}</p>
            ) : (
              <>
                <p>
                  <strong>{d.user.nif}</strong> {d.user.nom ?? ''} {d.user.actiu ? '' : '(inactiu)'}
                </p>
                <Table
                  head={['Òrgan', 'Permisos', 'Falten', 'Prohibits']}
                  rows={d.organs.map((o) => [
                    `${o.cif} ${o.nom ?? ''}`,
                    o.permissions.join(', '),
                    o.missing.join(', ') || '—',
                    o.forbidden.join(', ') || '—',
                  ])}
                />
              </>
            ),
        );
      } else if (checkId === 'pscp-organ' && cifResult?.ok === true) {
        handle(
          await p.call(api.checkPscpOrgan, { query: { env: e, ticket: id, cif: cifResult.value } }),
          (d) => d.exists,
          (d) =>
            d.organ === null ? (
              <p>{t('checks.empty')}</p>
            ) : (
              <>
                <p>
                  <strong>{d.organ.cif}</strong> {d.organ.nom ?? ''} · Sistema extern AOC:{' '}
                  {yes(d.organ.sistemaExternAoc)}
                </p>
                <Table
                  head={['NIF', 'Nom', 'Falten', 'Llest']}
                  rows={d.users.map((u) => [u.nif, u.nom ?? '', u.missing.join(', ') || '—', yes(u.ready)])}
                />
              </>
            ),
        );
      } else if (checkId === 'dcoc-config' && ine !== undefined) {
        handle(
          await p.call(api.checkDcocConfig, { query: { ticket: id, ine10: ine } }),
          () => undefined,
          (d) => (
            <Table
              head={['Llista', 'Col·legi', 'Configurat']}
              rows={d.lists.map((l) => [l.key, l.colegi, yes(l.configured)])}
            />
          ),
        );
      } else if (checkId === 'integrator-register' && ine !== undefined) {
        const service = classification.service;
        handle(
          await p.call(api.listIntegratorRegistrations, { query: { ticket: id, ine10: ine } }),
          (d) => d.registrations.some((r) => r.service === service),
          (d) =>
            d.registrations.length === 0 ? (
              <p>{t('checks.empty')}</p>
            ) : (
              <Table
                head={['Servei', 'Producte', 'Integrador', 'Data']}
                rows={d.registrations.map((r) => [
                  r.service,
                  r.product ?? '',
                  `${r.integratorNif} ${r.integratorNom}`,
                  date(r.registeredAt),
                ])}
              />
            ),
        );
      }
    } finally {
      setRunning(false);
    }
  };

  const register = async (): Promise<void> => {
    if (ine10Result?.ok !== true || integratorResult?.ok !== true || !isKnownService(classification.service)) return;
    setRunning(true);
    try {
      const product =
        classification.service === 'VO' || classification.service === 'MUX' ? classification.products[0] : undefined;
      const r = await env.proxy.call(api.registerIntegrator, {
        body: {
          ticket: ticket.id,
          ens: { ine10: ine10Result.value, nom: ensName.trim() },
          service: classification.service,
          ...(product === undefined ? {} : { product }),
          integrator: { nif: integratorResult.value, nom: integratorName.trim() },
        },
      });
      if (!r.ok) {
        setProblem(problemText(t, r.problem));
        return;
      }
      setProblem(undefined);
      a.setFact('integrator.registered', true);
      setResult({
        key,
        node: (
          <Alert type="success" role="status">
            {r.data.created ? t('checks.registered') : t('checks.alreadyRegistered')}
          </Alert>
        ),
      });
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-label={t('tabs.checks')}>
      <Field>
        <Field.Label>{t('checks.check')}</Field.Label>
        <Select
          value={key}
          onChange={(e) => {
            setKey(e.target.value as CheckKey);
            setResult(undefined);
            setProblem(undefined);
          }}
        >
          {CHECKS.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {check?.needs === 'ine10' || check?.needs === 'ine10-or-cif' ? (
        <IdField
          label={t('checks.ine10')}
          value={ine10}
          onChange={setIne10}
          result={ine10Result}
          {...(found.ine10 !== undefined && ine10 === found.ine10 ? { hint: t('checks.fromTicket') } : {})}
        />
      ) : null}
      {check?.needs === 'cif' || check?.needs === 'ine10-or-cif' ? (
        <IdField
          label={t('checks.cif')}
          value={cif}
          onChange={setCif}
          result={cifResult}
          {...(found.cif !== undefined && cif === found.cif ? { hint: t('checks.fromTicket') } : {})}
        />
      ) : null}
      {check?.needs === 'nif' ? (
        <IdField
          label={t('checks.nif')}
          value={nif}
          onChange={setNif}
          result={nifResult}
          {...(found.personNif !== undefined && nif === found.personNif ? { hint: t('checks.fromTicket') } : {})}
        />
      ) : null}
      <div className="buttons">
        <Button size="small" isPrimary disabled={!ready || running} onClick={() => void run()}>
          {t('checks.run')}
        </Button>
        {running ? <Dots aria-label={t('checks.running')} /> : null}
      </div>
      {key === 'integrator-register' ? (
        <div className="register-form">
          <Field>
            <Field.Label>{t('checks.ensName')}</Field.Label>
            <Input
              value={ensName}
              onChange={(e) => {
                setEnsName(e.target.value);
              }}
            />
          </Field>
          <IdField
            label={t('checks.integratorNif')}
            value={integratorNif}
            onChange={setIntegratorNif}
            result={integratorResult}
          />
          <Field>
            <Field.Label>{t('checks.integratorName')}</Field.Label>
            <Input
              value={integratorName}
              onChange={(e) => {
                setIntegratorName(e.target.value);
              }}
            />
          </Field>
          <Button
            size="small"
            disabled={
              running ||
              ine10Result?.ok !== true ||
              integratorResult?.ok !== true ||
              integratorName.trim() === '' ||
              ensName.trim() === '' ||
              !isKnownService(classification.service)
            }
            onClick={() => void register()}
          >
            {t('checks.register')}
          </Button>
        </div>
      ) : null}
      {problem === undefined ? null : (
        <Alert type="error" role="alert">
          {problem}
        </Alert>
      )}
      {result === undefined || result.key !== key ? null : (
        <div className="result" data-testid="check-result">
          {result.node}
        </div>
      )}
    </section>
  );
}
