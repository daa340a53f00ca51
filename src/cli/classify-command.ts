import { z } from 'zod';
import { classify } from '../domain/classifier/classify';
import { TicketListSchema, type ClassifierOptions, DEFAULT_CLASSIFIER_OPTIONS } from '../domain/classifier/schema';

import { readJsonInput, type CommandIo, type CommandResult } from './json-input';

/** The `classify` command, separated from process I/O so that tests run it in-process. */
export type { CommandIo, CommandResult } from './json-input';

const USAGE = 'Usage: npm run classify -- FILE   (FILE: a JSON array of tickets; "-" reads standard input)\n';

function describeIssue(issue: z.core.$ZodIssue): string {
  const path =
    issue.path.length === 0
      ? '(top level)'
      : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `  ${path.startsWith('[') ? 'tickets' + path : path}: ${issue.message}`;
}

export async function runClassifyCommand(
  args: readonly string[],
  io: CommandIo,
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
): Promise<CommandResult> {
  const file = args.find((a) => !a.startsWith('--') || a === '-');
  if (file === undefined || args.includes('--help')) {
    return { code: 2, stderr: `classify: no input file given.\n${USAGE}` };
  }
  const input = await readJsonInput('classify', file, io);
  if (!input.ok) return input.result;
  const { json } = input;
  if (!Array.isArray(json)) {
    return {
      code: 2,
      stderr: `classify: ${file} must hold a JSON array of tickets, not ${json === null ? 'null' : typeof json}.\n`,
    };
  }
  const parsed = TicketListSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map(describeIssue);
    const more = parsed.error.issues.length > 10 ? `\n  ... and ${parsed.error.issues.length - 10} more` : '';
    return {
      code: 2,
      stderr: `classify: ${file} is not a valid list of tickets (each needs id, subject and description):\n${lines.join('\n')}${more}\n`,
    };
  }
  const classifications = parsed.data.map((ticket) => classify(ticket, options));
  return { code: 0, stdout: JSON.stringify(classifications, null, 2) + '\n' };
}
