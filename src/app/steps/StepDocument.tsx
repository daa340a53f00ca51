import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { lazy, Suspense, useState } from 'react';
import { useAssistantContext } from '../assistant/context';
import type { EnsListUse } from '../documents/EnsListSection';
import type { DocumentSources } from '../documents/MinhapDocument';
import type { UiKey } from '../i18n/i18n';

// The documents' sections load only when the agent opens one, all three as one chunk.
const MinhapDocument = lazy(async () => ({ default: (await import('../documents/sections')).MinhapDocument }));
const DcocLine = lazy(async () => ({ default: (await import('../documents/sections')).DcocLine }));
const TrackingRows = lazy(async () => ({ default: (await import('../documents/sections')).TrackingRows }));
const EnsListSection = lazy(async () => ({ default: (await import('../documents/sections')).EnsListSection }));
type EnsKind = `ens-${EnsListUse}`;
type DocumentKind = 'minhap' | 'dcoc' | 'tracking-vo' | 'tracking-pscp' | EnsKind;
/** Steps of the manual that make a document the app can fill. */
const DOCUMENT_STEPS: Readonly<Record<string, DocumentKind>> = {
  'vo-pre.minhap-excel': 'minhap',
  'vo-pre.dcoc-configuracio': 'dcoc',
  'vo-pre.seguiment': 'tracking-vo',
  'vo-pro.seguiment': 'tracking-vo',
  'pscp-pre.seguiment': 'tracking-pscp',
  'pscp-pro.seguiment': 'tracking-pscp',
  // The attached list of ens (SetDIBA's template, Audifilm's bulk registrations).
  'setdiba.plantilla': 'ens-list',
  'vo-pre.massiu': 'ens-list',
  'vo-pro.massiu': 'ens-list',
  'setdiba.alta-pro': 'ens-ticks',
  'setdiba.certificat': 'ens-ticks',
  'setdiba.registre-integrador': 'ens-register',
  'setdiba.un-tiquet-per-servei': 'ens-children',
};
const isEns = (kind: DocumentKind): kind is EnsKind => kind.startsWith('ens-');
const TITLES = {
  minhap: 'documents.minhap.title',
  dcoc: 'documents.dcoc.title',
  'tracking-vo': 'documents.tracking.title.vo',
  'tracking-pscp': 'documents.tracking.title.pscp',
} as const satisfies Record<Exclude<DocumentKind, EnsKind>, UiKey>;

export const hasDocument = (stepId: string): boolean => DOCUMENT_STEPS[stepId] !== undefined;

/**
 * A step's document (the MINHAP Excel, the DCOC line, the tracking rows) behind one button: a form as long as a
 * screen shows only when the agent is at it. Once open it stays mounted, hidden when closed, so
 * nothing typed in it is lost.
 */
export function StepDocument({ stepId, sources }: { readonly stepId: string; readonly sources: DocumentSources }) {
  const { t } = useAssistantContext();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const kind = DOCUMENT_STEPS[stepId];
  if (kind === undefined) return null;
  const id = `step-document-${stepId}`;
  return (
    <div className="step-document">
      <Button
        size="small"
        isBasic
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen(!open);
          setLoaded(true);
        }}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {t(isEns(kind) ? 'documents.title' : TITLES[kind])}
      </Button>
      <div id={id} hidden={!open}>
        {loaded ? (
          <Suspense fallback={<Dots aria-label={t('loading')} />}>
            {kind === 'minhap' ? (
              <MinhapDocument sources={sources} />
            ) : kind === 'dcoc' ? (
              <DcocLine sources={sources} />
            ) : isEns(kind) ? (
              <EnsListSection sources={sources} stepId={stepId} use={kind.slice(4) as EnsListUse} />
            ) : (
              <TrackingRows sources={sources} sheet={kind === 'tracking-pscp' ? 'pscp' : 'vo'} />
            )}
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
