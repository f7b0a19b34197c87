import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` package, which gives the syntax tree and the line of every key: loaded the first time a
 * line is wanted (a mistake to point at). Every valid file is read by js-yaml alone, so a build with
 * no mistakes never loads it.
 */
export function yamlTree(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
