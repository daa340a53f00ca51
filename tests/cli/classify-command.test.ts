import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runClassifyCommand } from '../../src/cli/classify-command';
import { ClassificationSchema } from '../../src/domain/classifier';

const dir = mkdtempSync(join(tmpdir(), 'classify-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const io = {
  readStdin: () => Promise.resolve('[{"id":"s","subject":"Alta MUX","description":"Volem integrar el MUX"}]'),
};
const tickets = [
  { id: 'a', subject: 'Alta Via Oberta AEAT', description: 'Sol·licitem integració AEAT', tags: ['alta_servei'] },
  { id: 'b', subject: 'No puc entrar', description: 'Error de certificat a EACAT' },
];

describe('classify command', () => {
  it('prints one classification per ticket, in order, as JSON only', async () => {
    const result = await runClassifyCommand([file('ok.json', JSON.stringify(tickets))], io);
    expect(result.code).toBe(0);
    expect(result.stderr).toBeUndefined();
    const out = JSON.parse(result.stdout ?? '') as unknown[];
    expect(out.map((c) => ClassificationSchema.parse(c).id)).toEqual(['a', 'b']);
  });

  it('reads standard input with "-"', async () => {
    const result = await runClassifyCommand(['-'], io);
    expect(JSON.parse(result.stdout ?? '')).toMatchObject([{ id: 's', service: 'MUX' }]);
  });

  it.each([
    ['no file argument', [], /no input file/],
    ['a missing file', [join(dir, 'absent.json')], /cannot read .*no such file/],
    ['invalid JSON', [file('bad.json', '[{"id": ')], /not valid JSON/],
    ['a JSON object instead of an array', [file('obj.json', '{"id":"x"}')], /JSON array of tickets, not object/],
    ['a ticket without description', [file('nodesc.json', '[{"id":"x","subject":"s"}]')], /tickets\[0\]\.description/],
    [
      'a ticket with tags that are not a list',
      [file('tags.json', '[{"id":"x","subject":"s","description":"d","tags":"a"}]')],
      /tickets\[0\]\.tags/,
    ],
  ])('exits 2 with a clear message on %s', async (_case, args, message) => {
    const result = await runClassifyCommand(args, io);
    expect(result.code).toBe(2);
    expect(result.stdout).toBeUndefined();
    expect(result.stderr).toMatch(message);
  });

  it('works through `npm run classify -- FILE`, with nothing but JSON on stdout', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npm', ['run', 'classify', '--', file('npm.json', JSON.stringify(tickets))], {
      cwd: process.cwd(),
    });
    expect((JSON.parse(stdout) as unknown[]).length).toBe(2);
    await expect(
      run('npm', ['run', 'classify', '--', join(dir, 'absent.json')], { cwd: process.cwd() }),
    ).rejects.toMatchObject({
      code: 2,
      stdout: '',
    });
  }, 30_000);
});
