import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { useState } from 'react';
import type { Classification } from '../../domain/classifier';
import { parseCif, parseIne10, parsePersonNif } from '../../domain/identifiers';
import { text, type PlannedStep } from '../../domain/procedures/engine';
import type { ProxyProblem } from '../api/proxy-client';
import { useAssistantContext } from '../assistant/context';
import type { CheckRequestFromStep } from '../assistant/navigation';
import { problemText } from '../notice';
import type { AnswersState, SetFact } from '../steps/useAnswers';
import { questionAnswered } from './answers';
import type { FoundIdentifiers } from './extract';
import { IdField } from './IdField';
import { IntegratorRegisterForm } from './IntegratorRegisterForm';
import { CHECK_CHOICES, choiceFor, choiceLabel, defaultChoice, type CheckChoice, type CheckRequest } from './registry';
import type { ResultView as View } from './result-view';
import { ResultView } from './ResultView';

/**
 * The proxy's database checks (`registry.ts`), run from the step that needs them: identifiers
 * are taken from the ticket or typed, and validated as they are typed (the proxy validates them
 * again); the answer is shown, and answers the step's question (e.g. "does the user exist?").
 */
export interface ChecksPanelProps {
  /** The check a step asked for, if the panel was opened from a step. */
  readonly askedBy?: CheckRequestFromStep | undefined;
  readonly classification: Classification;
  readonly found: FoundIdentifiers;
  readonly steps: readonly PlannedStep[];
  readonly setFact: SetFact;
  readonly remember: AnswersState['remember'];
}

export function ChecksPanel({ askedBy, classification, found, steps, setFact, remember }: ChecksPanelProps) {
  const { t, env, ticket } = useAssistantContext();
  // The agent's own pick wins; else the check a step asked for; else the plan's next check, which
  // follows the plan as it loads (the procedures arrive after the first render).
  const [picked, setChoice] = useState<CheckChoice | undefined>(undefined);
  const asked = askedBy === undefined ? undefined : choiceFor(askedBy.id, askedBy.environment);
  const choice = picked ?? asked ?? defaultChoice(steps);
  // Until the agent types, the field shows what was found: the ens lookup from the request form
  // may answer after the panel opened.
  const [typedIne10, setIne10] = useState<string | undefined>(undefined);
  const ine10 = typedIne10 ?? found.ine10 ?? '';
  const [cif, setCif] = useState(found.cif ?? '');
  const [nif, setNif] = useState(found.personNif ?? '');
  const [ensName, setEnsName] = useState(ticket.input.organization?.name ?? '');
  const [running, setRunning] = useState(false);
  // `answered`: the answer the run gave to the step's question, said under the result.
  const [result, setResult] = useState<{ key: string; view: View; answered?: boolean } | undefined>(undefined);
  const [problem, setProblem] = useState<ProxyProblem | undefined>(undefined);
  const { check } = choice;
  const ine10Result = ine10.trim() === '' ? undefined : parseIne10(ine10);
  const cifResult = cif.trim() === '' ? undefined : parseCif(cif);
  const nifResult = nif.trim() === '' ? undefined : parsePersonNif(nif);
  const validIne10 = ine10Result?.ok === true ? ine10Result.value : undefined;
  const validCif = cifResult?.ok === true ? cifResult.value : undefined;
  const validNif = nifResult?.ok === true ? nifResult.value : undefined;
  const fact = questionAnswered(choice, askedBy, steps);
  // The step whose question the run answers, named under the result.
  const answeredStep =
    fact === undefined ? undefined : steps.find((s) => s.step.check?.answers === fact || s.step.asks === fact);
  // Says where a prefilled identifier comes from while the agent has not changed it.
  const hintFor = (value: string, prefilled: string | undefined, fromForm: string | undefined) =>
    prefilled === undefined || value !== prefilled
      ? {}
      : { hint: fromForm === prefilled ? t('form.fromForm') : t('checks.fromTicket') };

  const ready =
    check.needs === 'ine10'
      ? validIne10 !== undefined
      : check.needs === 'nif'
        ? validNif !== undefined
        : check.needs === 'cif'
          ? validCif !== undefined
          : check.needs === 'name-or-cif'
            ? validCif !== undefined || ensName.trim().length >= 3
            : validIne10 !== undefined || validCif !== undefined;

  const run = async (): Promise<void> => {
    setRunning(true);
    const request: CheckRequest = {
      ticket: ticket.id,
      env: choice.env ?? 'PRE',
      ...(validIne10 === undefined ? {} : { ine10: validIne10 }),
      ...(validCif === undefined ? {} : { cif: validCif }),
      ...(validNif === undefined ? {} : { nif: validNif }),
      ...(ensName.trim() === '' ? {} : { ensName: ensName.trim() }),
      service: classification.service,
      products: classification.products,
      modalities: classification.modalities ?? [],
    };
    if (validIne10 !== undefined) remember({ ine10: validIne10 });
    try {
      const r = await check.run(env.proxy, request, t, fact);
      if (!r.ok) {
        setProblem(r.problem);
        setResult(undefined);
        return;
      }
      setProblem(undefined);
      const answered = fact === undefined || r.data.answer === undefined ? undefined : r.data.answer;
      if (fact !== undefined && answered !== undefined) setFact(fact, answered, { check: check.id });
      remember(r.data.learned);
      if (r.data.learned.ine10 !== undefined && validIne10 === undefined) setIne10(r.data.learned.ine10);
      setResult({ key: choice.key, view: r.data.view, ...(answered === undefined ? {} : { answered }) });
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-label={t('tabs.checks')}>
      <Field>
        <Field.Label>{t('checks.check')}</Field.Label>
        <Select
          value={choice.key}
          onChange={(e) => {
            setChoice(CHECK_CHOICES.find((c) => c.key === e.target.value) ?? choice);
            setResult(undefined);
            setProblem(undefined);
          }}
        >
          {CHECK_CHOICES.map((c) => (
            <option key={c.key} value={c.key}>
              {choiceLabel(c, t)}
            </option>
          ))}
        </Select>
      </Field>
      {check.needs === 'ine10' || check.needs === 'ine10-or-cif' ? (
        <IdField
          label={t('checks.ine10')}
          value={ine10}
          onChange={setIne10}
          result={ine10Result}
          {...(found.ine10 !== undefined && ine10 === found.ine10 ? { hint: t('checks.fromTicket') } : {})}
        />
      ) : null}
      {check.needs === 'name-or-cif' ? (
        <Field>
          <Field.Label>{t('checks.ensName')}</Field.Label>
          <Field.Hint>{t('checks.ensNameHint')}</Field.Hint>
          <Input
            value={ensName}
            onChange={(e) => {
              setEnsName(e.target.value);
            }}
          />
        </Field>
      ) : null}
      {check.needs === 'cif' || check.needs === 'ine10-or-cif' || check.needs === 'name-or-cif' ? (
        <IdField
          label={t('checks.cif')}
          value={cif}
          onChange={setCif}
          result={cifResult}
          {...hintFor(cif, found.cif, found.form?.ensCif)}
        />
      ) : null}
      {check.needs === 'nif' ? (
        <IdField
          label={t('checks.nif')}
          value={nif}
          onChange={setNif}
          result={nifResult}
          {...hintFor(nif, found.personNif, found.form?.contactNif)}
        />
      ) : null}
      <div className="buttons">
        <Button size="small" isPrimary disabled={!ready || running} onClick={() => void run()}>
          {t('checks.run')}
        </Button>
        {running ? <Dots aria-label={t('checks.running')} /> : null}
      </div>
      {check.registers === true ? (
        <IntegratorRegisterForm
          ine10={validIne10}
          service={classification.service}
          products={classification.products}
          running={running}
          setRunning={setRunning}
          onRegistered={(created, total) => {
            setProblem(undefined);
            if (fact !== undefined) setFact(fact, true, { check: check.id });
            setResult({
              key: choice.key,
              ...(fact === undefined ? {} : { answered: true }),
              view: {
                kind: 'success',
                message: created > 0 ? t('checks.registeredCount', { created, total }) : t('checks.alreadyRegistered'),
              },
            });
          }}
          onProblem={setProblem}
          fromForm={found.form}
        />
      ) : null}
      {problem === undefined ? null : (
        <Alert type="error" role="alert">
          {problemText(t, problem)}
        </Alert>
      )}
      {result === undefined || result.key !== choice.key ? null : (
        <div className="result" data-testid="check-result">
          <ResultView view={result.view} t={t} />
          {result.answered === undefined || answeredStep === undefined ? null : (
            <p className="small" data-testid="check-answered">
              {t('checks.answeredStep', {
                step: text(answeredStep.step.title, env.lang),
                answer: result.answered ? t('steps.yes') : t('steps.no'),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
