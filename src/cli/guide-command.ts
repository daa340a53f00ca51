import { z } from 'zod';
import { classify } from '../domain/classifier/classify';
import { TicketSchema, type ClassifierOptions, DEFAULT_CLASSIFIER_OPTIONS } from '../domain/classifier/schema';
import { guide, GuideItemSchema } from '../domain/procedures/guide';
import { library } from '../domain/procedures/library';
import { readJsonInput, type CommandIo, type CommandResult } from './json-input';

/**
 * The `guide` command (`contracts/guide.md`): for each ticket, with the answers given and the steps
 * ticked, the classification and every step of the procedure with its state. Separated from process
 * I/O so that tests run it in-process.
 */
const USAGE =
  'Usage: npm run guide -- FILE   (FILE: a JSON array of { "ticket": {...}, "answers": {...}, "done": [...] }; "-" reads standard input)\n';

function describeIssue(issue: z.core.$ZodIssue): string {
  const path =
    issue.path.length === 0
      ? '(top level)'
      : issue.path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${String(p)}`)).join('');
  return `  items${path}: ${issue.message}`;
}

export async function runGuideCommand(
  args: readonly string[],
  io: CommandIo,
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  now: () => Date = () => new Date(),
): Promise<CommandResult> {
  const file = args.find((a) => !a.startsWith('--') || a === '-');
  if (file === undefined || args.includes('--help'))
    return { code: 2, stderr: `guide: no input file given.\n${USAGE}` };
  const input = await readJsonInput('guide', file, io);
  if (!input.ok) return input.result;
  const { json } = input;
  if (!Array.isArray(json)) {
    return {
      code: 2,
      stderr: `guide: ${file} must hold a JSON array of items, not ${json === null ? 'null' : typeof json}.\n${USAGE}`,
    };
  }
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
    .safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map(describeIssue);
    const more = parsed.error.issues.length > 10 ? `\n  ... and ${String(parsed.error.issues.length - 10)} more` : '';
    return { code: 2, stderr: `guide: ${file} is not a valid list of items:\n${lines.join('\n')}${more}\n` };
  }
  const at = now();
  const out = parsed.data.map((item) => guide(lib, classify(item.ticket, options), item, at));
  return { code: 0, stdout: JSON.stringify(out, null, 2) + '\n' };
}
