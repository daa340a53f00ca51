// The project's own lint rules fire with the project's configuration: small bad files, linted
// through ESLint's Node API as `npm run lint` lints, must be refused (and good ones accepted), so
// that a rule switched off or a layer opened by mistake fails here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH } from '../../tools/eslint/project-plugin.js';

const OURS = new Set(['project/layers', 'project/line-length', 'no-restricted-syntax']);

// The files below do not exist: type-aware parsing is switched off for them, and with it every
// rule but ours (they need no types).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => OURS.has(ruleId),
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`${filePath} was not linted`);
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('project/layers', () => {
  it.each([
    ['src/domain/bad.ts', "import { App } from '../app/App';\nexport { App };\n", 'src/domain may not import src/app'],
    [
      'src/domain/catalogue/bad.ts',
      "export { loadConfig } from '../../proxy/config';\n",
      'src/domain may not import src/proxy',
    ],
    [
      'src/domain/classifier/deep/bad.ts',
      "export type { ZafPort } from '../../../zendesk/port';\n",
      'src/domain may not import src/zendesk',
    ],
    ['src/domain/bad.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n", "'node:fs' is I/O"],
    ['src/domain/bad.ts', "import { readFileSync } from 'fs';\nreadFileSync('x');\n", "'fs' is I/O"],
    ['src/domain/bad.ts', "export { useState } from 'react';\n", "'react' is I/O, UI or host code"],
    ['src/app/bad.ts', "export { startProxy } from '../proxy/main';\n", 'src/app may not import src/proxy'],
    ['src/app/bad.ts', "void import('../proxy/main');\n", 'src/app may not import src/proxy'],
    ['src/app/panels/bad.ts', "export * from '../../local/samples';\n", 'src/app may not import src/local'],
    ['src/proxy/bad.ts', "export * from '../app/settings';\n", 'src/proxy may not import src/app'],
    ['src/shared/bad.ts', "export * from '../zendesk/port';\n", 'src/shared may not import src/zendesk'],
    ['src/cli/bad.ts', "export * from '../app/settings';\n", 'src/cli may not import src/app'],
    ['src/cli/bad.ts', "export * from '../proxy/store/migrations';\n", 'src/cli may not import src/proxy'],
    ['src/app/bad.ts', "import zaf from 'zendesk_app_framework_sdk';\nvoid zaf;\n", "Zendesk's SDK"],
    ['src/domain/bad.ts', "import zaf from 'zendesk_app_framework_sdk';\nvoid zaf;\n", "Zendesk's SDK"],
    ['src/app/bad.ts', "import { z } from 'zod';\nexport const s = z.string();\n", 'src/domain/zod.ts'],
    ['src/domain/catalogue/bad.ts', "import { z } from 'zod';\nexport const s = z.string();\n", 'jitless'],
    ['src/shared/bad.ts', "export { z } from 'zod';\n", 'jitless'],
    ['src/local/bad.ts', "import * as zod from 'zod/v4';\nvoid zod;\n", 'jitless'],
  ])('refuses %s: %s', async (file, code, expected) => {
    const found = await problems(file, code);
    expect(
      found.some((p) => p.startsWith('project/layers') && p.includes(expected)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['src/domain/catalogue/good.ts', "import { z } from '../zod';\nexport const s = z.string();\n"],
    ['src/domain/good.ts', "export { parseCif } from './identifiers';\n"],
    ['src/app/good.ts', "import type { z } from 'zod';\nexport type S = z.ZodString;\n"],
    ['src/app/good.ts', "import { type ZodType } from 'zod';\nexport type T = ZodType;\n"],
    ['src/app/good.ts', "export * from '../zendesk/port';\nexport * from '../shared/api';\n"],
    ['src/zendesk/good.ts', "import zaf from 'zendesk_app_framework_sdk';\nvoid zaf;\n"],
    ['src/local/good.ts', "import zaf from 'zendesk_app_framework_sdk';\nvoid zaf;\n"],
    ['src/local/server/good.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    [
      'src/proxy/good.ts',
      "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nvoid [z, readFileSync];\n",
    ],
    ['src/cli/good.ts', "export * from '../domain/classifier';\n"],
    ['scripts/good.ts', "export * from '../src/proxy/main';\nexport * from '../src/app/settings';\n"],
  ])('accepts %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('the domain uses no bundler features', () => {
  it('refuses import.meta in src/domain', async () => {
    const found = await problems(
      'src/domain/templates/bad.ts',
      "export const files = import.meta.glob('./messages/*.hbs');\n",
    );
    expect(
      found.some((p) => p.startsWith('no-restricted-syntax') && p.includes('import.meta')),
      found.join('\n'),
    ).toBe(true);
  });

  it('allows it where templates are loaded', async () => {
    expect(await problems('src/app/good.ts', "export const files = import.meta.glob('./x/*.hbs');\n")).toEqual([]);
  });
});

describe('project/line-length', () => {
  const line = (length: number, char = 'a'): string => `export const s = '${char.repeat(length - 20)}';\n`;

  it(`refuses a line of ${String(MAX_LINE_LENGTH + 1)} columns, in code and in tests`, async () => {
    for (const file of ['src/proxy/long.ts', 'tests/long.test.ts', 'scripts/long.ts']) {
      const found = await problems(file, line(MAX_LINE_LENGTH + 1));
      expect(found, file).toEqual([expect.stringContaining(`${String(MAX_LINE_LENGTH + 1)} columns long`)]);
    }
  });

  it(`accepts ${String(MAX_LINE_LENGTH)} columns, counting an accented letter as one`, async () => {
    expect(line(MAX_LINE_LENGTH)).toHaveLength(MAX_LINE_LENGTH + 1);
    expect(await problems('src/proxy/ok.ts', line(MAX_LINE_LENGTH, 'à'))).toEqual([]);
  });
});
