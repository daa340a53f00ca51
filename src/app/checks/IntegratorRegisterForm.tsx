import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { useState } from 'react';
import { isKnownService } from '../../domain/catalogue';
import { parseNif } from '../../domain/identifiers';
import { registerIntegrators } from '../../shared/api';
import type { ProxyProblem } from '../api/proxy-client';
import { useAssistantContext } from '../assistant/context';
import type { FormFacts } from '../form/form-facts';
import { IdField } from './IdField';

/**
 * Registers the integrator company of "Pas 7" for the ens (by its INE10) and the ticket's
 * service: one registration per product asked for Via Oberta and MUX (the register's second
 * drop-down), in one request; the proxy writes SCT_DENUNCIES as the manual says.
 */
export function IntegratorRegisterForm({
  ine10,
  service,
  products,
  running,
  setRunning,
  onRegistered,
  onProblem,
  fromForm,
}: {
  /** The ens's INE10, validated, or undefined while it is not. */
  ine10: string | undefined;
  service: string;
  products: readonly string[];
  running: boolean;
  setRunning: (running: boolean) => void;
  /** How many registrations were new, of how many asked. */
  onRegistered: (created: number, total: number) => void;
  onProblem: (problem: ProxyProblem) => void;
  /** What the ens's request form says, when one was read. */
  fromForm?: FormFacts | undefined;
}) {
  const { t, env, ticket } = useAssistantContext();
  // The request form names the ens and its integrator company; the ticket's organisation else.
  const [ensName, setEnsName] = useState(fromForm?.ensName ?? ticket.input.organization?.name ?? '');
  const [integratorNif, setIntegratorNif] = useState(fromForm?.integrator?.nif ?? '');
  const [integratorName, setIntegratorName] = useState(fromForm?.integrator?.name ?? '');
  const formHint = (value: string, given: string | undefined) =>
    given !== undefined && value === given ? { hint: t('form.fromForm') } : {};
  const integratorResult = integratorNif.trim() === '' ? undefined : parseNif(integratorNif);

  const register = async (): Promise<void> => {
    if (ine10 === undefined || integratorResult?.ok !== true || !isKnownService(service)) return;
    setRunning(true);
    try {
      const r = await env.proxy.call(registerIntegrators, {
        body: {
          ticket: ticket.id,
          ens: { ine10, nom: ensName.trim() },
          service,
          products: service === 'VO' || service === 'MUX' ? [...products] : [],
          integrator: { nif: integratorResult.value, nom: integratorName.trim() },
        },
      });
      if (r.ok) onRegistered(r.data.registrations.filter((x) => x.created).length, r.data.registrations.length);
      else onProblem(r.problem);
    } finally {
      setRunning(false);
    }
  };

  return (
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
        {...formHint(integratorNif, fromForm?.integrator?.nif)}
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
          ine10 === undefined ||
          integratorResult?.ok !== true ||
          integratorName.trim() === '' ||
          ensName.trim() === '' ||
          !isKnownService(service)
        }
        onClick={() => void register()}
      >
        {t('checks.register')}
      </Button>
    </div>
  );
}
