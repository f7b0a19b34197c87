/**
 * Moves a Jekyll site into this project in one go: pages, posts, data files, static files, the owner's
 * details and the list of every URL the old site served.
 *
 *   npm run import -- ../my-jekyll-site [--force] [--dry-run]
 *
 * The logic is in the modules beside this file (see cli.ts); this binds it to the process.
 */
import { fileURLToPath } from 'node:url';
import { runAndCheck } from './cli.ts';

process.exitCode = await runAndCheck(process.argv.slice(2), {
  // The project is the checkout this script belongs to, wherever it is run from.
  projectRoot: fileURLToPath(new URL('../..', import.meta.url)),
  io: { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  // npm runs scripts in the project folder; a relative path is meant from where the owner typed the command.
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
});
