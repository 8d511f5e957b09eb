// Lint, including the folder boundaries of DESIGN.md §3 as errors:
// src/shared imports neither main nor renderer (nor Node built-ins), and the
// renderer never imports main. VS Code and Signal keep their layering the same way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'data/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'src/shared runs in the browser too: no Node built-ins.' })),
          patterns: [
            { group: ['**/main', '**/main/**', '**/renderer', '**/renderer/**'], message: 'src/shared must not import main or renderer (DESIGN.md §3).' },
            { group: ['electron', 'better-sqlite3', 'fastify', 'react', 'react-dom'], message: 'src/shared holds pure rules and contracts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer is a web page: no Node built-ins.' })),
          patterns: [
            { group: ['**/main', '**/main/**'], message: 'The renderer never imports the hub (src/main); talk to it over HTTP (DESIGN.md §3).' },
            { group: ['electron', 'better-sqlite3', 'fastify'], message: 'The renderer reaches Electron only through the preload bridge.' },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON bodies of many shapes; asserting on `any` is clearer there than casting each one.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/services/**', '**/db/**', '**/http/**'], message: 'The preload is a thin bridge.' }] }],
    },
  },
);
