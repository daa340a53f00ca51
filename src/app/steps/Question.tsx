import { Button } from '@zendeskgarden/react-buttons';
import type { Library } from '../../domain/procedures/engine';
import { text } from '../../domain/procedures/engine';
import type { Facts } from '../../domain/procedures/conditions';
import type { FactId } from '../../domain/procedures/schema';
import { useAssistantContext } from '../assistant/context';
import { checkName as nameOfCheck } from '../checks/texts';
import { when } from './when';
import type { AnswersState, SetFact } from './useAnswers';

export interface QuestionProps {
  readonly fact: FactId;
  readonly library: Library | undefined;
  readonly facts: Facts;
  readonly answers: Pick<AnswersState, 'answers' | 'sources'>;
  readonly setFact: SetFact;
}

/**
 * A question of the procedure with its Yes and No (kept together on one line), who answered it
 * and when, and, when a check's result gave the answer, which check: the agent can still change it.
 */
export function Question({ fact, library, facts, answers, setFact }: QuestionProps) {
  const { t, env } = useAssistantContext();
  const value = facts[fact];
  const given = answers.answers[fact];
  const source = answers.sources[fact];
  const q = text(library?.questions[fact], env.lang);
  const fromCheck = source !== undefined && value === source.value ? source : undefined;
  // Stored ids are checked for their shape only: an id the app no longer has names no check.
  const checkName = fromCheck === undefined ? '' : (nameOfCheck(fromCheck.check, t.lang) ?? '');
  return (
    <div className="question" role="group" aria-label={q}>
      <span>{q}</span>{' '}
      <span className="yes-no">
        <Button
          size="small"
          isPrimary={value === true}
          aria-pressed={value === true}
          onClick={() => {
            setFact(fact, value === true ? undefined : true);
          }}
        >
          {t('steps.yes')}
        </Button>
        <Button
          size="small"
          isPrimary={value === false}
          aria-pressed={value === false}
          onClick={() => {
            setFact(fact, value === false ? undefined : false);
          }}
        >
          {t('steps.no')}
        </Button>
      </span>
      {fromCheck === undefined ? null : (
        <span className="small answered-from" data-testid={`from-check-${fact}`}>
          {t('steps.answeredFromCheck', {
            check: checkName,
            answer: fromCheck.value ? t('steps.yes') : t('steps.no'),
          })}
        </span>
      )}
      {given === undefined || given.value === null ? null : (
        <span className="muted small answered-by" data-testid={`answered-${fact}`}>
          {t('steps.answeredBy', { who: given.byName ?? given.by, when: when(given.at, env.lang) })}
        </span>
      )}
    </div>
  );
}
