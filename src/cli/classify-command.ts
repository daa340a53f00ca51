import { classify } from '../domain/classifier/classify-input';
import { TicketListSchema, type ClassifierOptions, DEFAULT_CLASSIFIER_OPTIONS } from '../domain/classifier/schema';

import { invalidItems, readJsonArrayInput } from './json-input';
import type { CommandIo, CommandResult, JsonArrayCommand } from './json-input';

/** The `classify` command, separated from process I/O so that tests run it in-process. */
export type { CommandIo, CommandResult } from './json-input';

const COMMAND: JsonArrayCommand = {
  command: 'classify',
  noun: 'tickets',
  usage: 'Usage: npm run classify -- FILE   (FILE: a JSON array of tickets; "-" reads standard input)\n',
};

export async function runClassifyCommand(
  args: readonly string[],
  io: CommandIo,
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
): Promise<CommandResult> {
  const input = await readJsonArrayInput(COMMAND, args, io);
  if (!input.ok) return input.result;
  const parsed = TicketListSchema.safeParse(input.items);
  if (!parsed.success)
    return invalidItems(
      COMMAND,
      input.file,
      'a valid list of tickets (each needs id, subject and description)',
      parsed.error.issues,
    );
  const classifications = parsed.data.map((ticket) => classify(ticket, options));
  return { code: 0, stdout: JSON.stringify(classifications, null, 2) + '\n' };
}
