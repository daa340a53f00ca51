// Lint: typescript-eslint's strict, type-aware rules over the whole project, and the project's own
// rules (tools/eslint/project-plugin.js): the layers of src/ and the line length.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { projectPlugin } from './tools/eslint/project-plugin.js';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, project: projectPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'project/layers': 'error',
      'project/line-length': 'error',
    },
  },
  {
    // The domain is bundler-free: `import.meta.glob` and the like belong where templates are loaded.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MetaProperty[meta.name='import'] ~ Identifier, MemberExpression[object.type='MetaProperty']",
          message:
            'The domain runs under every host: no import.meta (Vite globs and env belong to src/app or src/local).',
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
