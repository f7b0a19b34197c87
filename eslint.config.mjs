// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Built output, caches, and inputs the tests own byte for byte.
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'tests/.output/', 'tests/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  // Scripts, the config files and the tests run in Node.
  { languageOptions: { globals: globals.node } },
);
