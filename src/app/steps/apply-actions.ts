import type { Action } from '../../domain/procedures/schema';
import type { ZendeskPort } from '../../zendesk/port';

/**
 * Applies a step's actions to the ticket through Zendesk, in the procedure's order. A macro is
 * found by the step's id or the macro's name in the app's settings; the first one missing stops
 * the run and is returned, so the agent is told which setting to fill.
 */
export async function applyActions(
  port: ZendeskPort,
  actions: readonly Action[],
  macros: Readonly<Record<string, number>>,
  stepId: string,
): Promise<string | undefined> {
  for (const action of actions) {
    if (action.type === 'macro') {
      const id = macros[stepId] ?? macros[action.macro];
      if (id === undefined) return action.macro;
      await port.invoke('macro', id);
    } else if (action.type === 'addTags') await port.invoke('ticket.tags.add', action.tags);
    else if (action.type === 'removeTags') await port.invoke('ticket.tags.remove', action.tags);
    else await port.set('ticket.status', action.status);
  }
  return undefined;
}
