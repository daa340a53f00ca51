import { useState } from 'react';
import type { Environment } from '../../shared/api';
import type { FactId } from '../../domain/procedures/schema';

/** The sidebar's tabs, and what a step asked to open in them. */
export type Tab = 'classification' | 'steps' | 'replies' | 'checks';

/** A check as a step asks for it (the step's `check` in the procedure file). */
export interface CheckRequestFromStep {
  /** As the procedure file names it; the registry finds the check (a test holds the two equal). */
  readonly id: string;
  readonly environment?: Environment | undefined;
  /** The question the check answers (`check.answers`). */
  readonly answers?: FactId | undefined;
}

export interface Navigation {
  readonly tab: Tab;
  readonly template?: string;
  /** The step that asked for the reply, which the agent may tick once it is inserted. */
  readonly step?: string;
  readonly check?: CheckRequestFromStep;
}

export interface NavigationState {
  readonly nav: Navigation;
  readonly go: (nav: Navigation) => void;
}

export function useNavigation(): NavigationState {
  const [nav, go] = useState<Navigation>({ tab: 'classification' });
  return { nav, go };
}

/** A key that changes when a step asks for another check (the panel then starts afresh). */
export function checkKey(check: CheckRequestFromStep | undefined): string {
  return check === undefined ? '' : `${check.id}:${check.environment ?? ''}:${check.answers ?? ''}`;
}
