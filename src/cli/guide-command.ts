import { z } from 'zod';
import { classify } from '../domain/classifier/classify-input';
import { TicketSchema, type ClassifierOptions, DEFAULT_CLASSIFIER_OPTIONS } from '../domain/classifier/schema';
import { guide, GuideItemSchema } from '../domain/procedures/guide';
import { library } from '../domain/procedures/library';
import { invalidItems, readJsonArrayInput } from './json-input';
import type { CommandIo, CommandResult, JsonArrayCommand } from './json-input';

/**
 * The `guide` command (`contracts/guide.md`): for each ticket, with the answers given and the steps
 * ticked, the classification and every step of the procedure with its state. Separated from process
 * I/O so that tests run it in-process.
 */
const COMMAND: JsonArrayCommand = {
  command: 'guide',
  noun: 'items',
  usage:
    'Usage: npm run guide -- FILE   (FILE: a JSON array of { "ticket": {...}, "answers": {...}, "done": [...] };' +
    ' "-" reads standard input)\n',
};

export async function runGuideCommand(
  args: readonly string[],
  io: CommandIo,
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  now: () => Date = () => new Date(),
): Promise<CommandResult> {
  const input = await readJsonArrayInput(COMMAND, args, io);
  if (!input.ok) return input.result;
  const lib = library();
  const stepIds = new Set(lib.procedures.flatMap((p) => p.steps.map((s) => s.id)));
  const parsed = z
    .array(GuideItemSchema(TicketSchema))
    .superRefine((items, ctx) => {
      items.forEach((item, i) => {
        (item.done ?? []).forEach((id, j) => {
          if (!stepIds.has(id))
            ctx.addIssue({ code: 'custom', path: [i, 'done', j], message: `no step has the id "${id}"` });
        });
      });
    })
    .safeParse(input.items);
  if (!parsed.success) return invalidItems(COMMAND, input.file, 'a valid list of items', parsed.error.issues);
  const at = now();
  const out = parsed.data.map((item) => guide(lib, classify(item.ticket, options), item, at));
  return { code: 0, stdout: JSON.stringify(out, null, 2) + '\n' };
}
