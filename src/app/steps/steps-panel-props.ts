import type { Facts } from '../../domain/procedures/conditions';
import type { Library, Plan } from '../../domain/procedures/engine';
import type { Navigation } from '../assistant/navigation';
import type { DocumentSources } from '../documents/MinhapDocument';
import type { ProgressState } from '../progress/useProgress';
import type { AnswersState, SetFact } from './useAnswers';

/** What the steps panel uses: the procedures, the plan, the answers so far and the shared progress. */
export interface StepsPanelProps {
  readonly library: Library | undefined;
  readonly plan: Plan;
  readonly facts: Facts;
  /** The shared answers, with who gave each and when, and the proxy's state. */
  readonly answers: Pick<AnswersState, 'answers' | 'sources' | 'problem' | 'retry'>;
  readonly setFact: SetFact;
  readonly progress: ProgressState;
  readonly go: (nav: Navigation) => void;
  /** What the documents of a step (the MINHAP Excel) are filled from; without it none is offered. */
  readonly documents?: DocumentSources;
}
