import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tabs } from '@zendeskgarden/react-tabs';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { ZendeskPort } from '../zendesk/port';
import { AssistantProvider, useAssistantContext } from './assistant/context';
import { checkKey, useNavigation, type Tab as TabId } from './assistant/navigation';
import { useAutoResize } from './assistant/useAutoResize';
import { useLoad, type LoadState } from './assistant/useLoad';
import { ClassificationPanel } from './classification/ClassificationPanel';
import { useClassification } from './classification/useClassification';
import { useCorrectionRecord } from './classification/useCorrectionRecord';
import { useEnsFromForm } from './form/useEnsFromForm';
import { useRequestForm } from './form/useRequestForm';
import { translator } from './i18n/i18n';
import { useProgress } from './progress/useProgress';
import { useDrafts } from './replies/useDrafts';
import { useAnswers, type SetFact } from './steps/useAnswers';
import { useLibrary, usePlan } from './steps/usePlan';
import { markOnce, START_MARKS } from './timing';
import './app.css';

// The request form's card loads after the classification: the first bundle stays small.
const FormCard = lazy(async () => ({ default: (await import('./form/FormCard')).FormCard }));
// Replies and checks load when first opened: the sidebar shows the classification sooner.
const RepliesPanel = lazy(async () => ({ default: (await import('./replies/RepliesPanel')).RepliesPanel }));
const ChecksPanel = lazy(async () => ({ default: (await import('./checks/ChecksPanel')).ChecksPanel }));
// The steps load when first opened too (the classification tab comes first).
const StepsPanel = lazy(async () => ({ default: (await import('./steps/StepsPanel')).StepsPanel }));

/** The open ticket's sidebar: each concern's state in its own hook, each panel given what it uses. */
function Ready() {
  const { env, t, ticket, port } = useAssistantContext();
  const form = useRequestForm(port, env.proxy, ticket.id);
  const cls = useClassification(ticket, env.settings.desk.altaTag, form.reading);
  const record = useCorrectionRecord(env.proxy, ticket.id);
  // The form's ens CIF gives its INE10 for the SIRI checks when the text names none.
  const formIne10 = useEnsFromForm(env.proxy, ticket.id, cls.found.form?.ensCif);
  const found = useMemo(
    () => (cls.found.ine10 !== undefined || formIne10 === undefined ? cls.found : { ...cls.found, ine10: formIne10 }),
    [cls.found, formIne10],
  );
  const answers = useAnswers(env.proxy, ticket.id, env.agentName);
  const drafts = useDrafts(ticket.id);
  const { nav, go } = useNavigation();
  const [stepsSeen, setStepsSeen] = useState(false);
  if (nav.tab === 'steps' && !stepsSeen) setStepsSeen(true);
  const progress = useProgress(env.proxy, ticket.id, env.agentName);
  const library = useLibrary();
  const plan = usePlan(library, {
    classification: cls.classification,
    facts: answers.facts,
    progress: progress.progress,
    lang: env.lang,
    autoCloseDays: env.settings.desk.autoCloseDays,
  });
  const setFact: SetFact = (fact, value, from) => {
    answers.answer(fact, value, plan.procedure?.id ?? 'none', from);
  };
  useEffect(() => {
    markOnce(START_MARKS.classificationShown);
  }, []);
  const tabs: readonly TabId[] = ['classification', 'steps', 'replies', 'checks'];
  return (
    <Tabs
      selectedItem={nav.tab}
      onChange={(item: TabId) => {
        // Clicking the open tab changes nothing; another tab opens on what a step last asked there
        // (its reply, its check), so going back and forth loses nothing.
        if (item !== nav.tab) go({ ...nav, tab: item });
      }}
    >
      <Tabs.TabList>
        {tabs.map((id) => (
          <Tabs.Tab key={id} item={id}>
            {t(`tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.TabList>
      <Tabs.TabPanel item="classification">
        <ClassificationPanel cls={cls} record={record} />
        <Suspense fallback={null}>
          <FormCard form={form} t={t} disagreement={cls.formDisagreement} />
        </Suspense>
      </Tabs.TabPanel>
      <Tabs.TabPanel item="steps">
        {/* Loaded when first opened, then kept: what was typed in a step stays across tabs. */}
        {stepsSeen ? (
          <Suspense fallback={<Dots aria-label={t('loading')} />}>
            <StepsPanel
              library={library}
              plan={plan}
              facts={answers.facts}
              answers={answers}
              setFact={setFact}
              progress={progress}
              go={go}
              documents={{ classification: cls.classification, found, known: answers.known }}
            />
          </Suspense>
        ) : null}
      </Tabs.TabPanel>
      {/* Keyed by what a step asked for, so that "write the reply" / "run the check" opens it. */}
      <Tabs.TabPanel item="replies">
        {nav.tab === 'replies' ? (
          <Suspense fallback={<Dots aria-label={t('loading')} />}>
            <RepliesPanel
              key={nav.template ?? ''}
              {...(nav.template === undefined ? {} : { template: nav.template })}
              {...(nav.step === undefined ? {} : { step: nav.step })}
              progress={progress}
              plan={plan}
              classification={cls.classification}
              found={found}
              known={answers.known}
              authorisationRows={answers.known.authorisationRows}
              drafts={drafts.drafts}
              setDraft={drafts.setDraft}
              inserted={drafts.inserted}
              markInserted={drafts.markInserted}
            />
          </Suspense>
        ) : null}
      </Tabs.TabPanel>
      <Tabs.TabPanel item="checks">
        {/* The panel opens on the plan's next check: until the procedures are loaded it waits,
            rather than show a check of another service for a moment. */}
        {nav.tab !== 'checks' ? null : library === undefined ? (
          <Dots aria-label={t('loading')} />
        ) : (
          <Suspense fallback={<Dots aria-label={t('loading')} />}>
            <ChecksPanel
              key={checkKey(nav.check)}
              askedBy={nav.check}
              classification={cls.classification}
              found={found}
              steps={plan.steps}
              setFact={setFact}
              remember={answers.remember}
            />
          </Suspense>
        )}
      </Tabs.TabPanel>
    </Tabs>
  );
}

/**
 * The whole sidebar: four tabs (classification, steps, replies, checks) over the open ticket, or
 * what stops it (loading, Zendesk's error). The entry shows the classification before this module
 * is loaded (FirstView) and then hands it the same load state.
 */
export function Sidebar({ port, state, reload }: { port: ZendeskPort; state: LoadState; reload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useAutoResize(port, ref);
  const t = translator(state.phase === 'ready' ? state.env.lang : 'ca');
  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <div ref={ref} className="assistant">
        {state.phase === 'loading' ? (
          <p role="status">
            <Dots /> {t('loading')}
          </p>
        ) : state.phase === 'error' ? (
          <Alert type="error" role="alert">
            {t('zendesk.error', { message: state.message })}{' '}
            <Button size="small" isBasic onClick={reload}>
              {t('retry')}
            </Button>
          </Alert>
        ) : (
          // Keyed by ticket: another ticket gets fresh state; the same ticket keeps what was typed.
          <AssistantProvider key={state.ticket.id} env={state.env} port={port} ticket={state.ticket}>
            <Ready />
          </AssistantProvider>
        )}
      </div>
    </ThemeProvider>
  );
}

/** The sidebar loading its own state (the component tests, the workbench). */
export function App({ port }: { port: ZendeskPort }) {
  const { state, reload } = useLoad(port);
  return <Sidebar port={port} state={state} reload={reload} />;
}
