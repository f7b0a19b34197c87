// @ts-check
/** The project's existing style: single quotes, semicolons, trailing commas, long lines. */
/** @type {import('prettier').Config} */
export default {
  printWidth: 160,
  singleQuote: true,
  trailingComma: 'all',
  plugins: ['prettier-plugin-astro'],
};
