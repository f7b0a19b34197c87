import yaml from 'js-yaml';
import type { Problem } from '../errors.ts';
import { aliasExpansionProblem } from '../safe-yaml.ts';
import type { ContentFile } from './site.ts';

/** A data file Liquid reads as `site.data` (src/data/liquid/): YAML or JSON; CSV and TSV always read. */
export const isLiquidDataFile = (path: string): boolean => /\.(ya?ml|json)$/i.test(path);

/**
 * A YAML file as Jekyll's reader takes it: a key written twice keeps its last value (libyaml's way),
 * where the strict reader would refuse the file.
 */
export const loadLiquidYaml = (text: string): unknown => yaml.load(text, { json: true });

/**
 * The plain data Liquid reads (src/data/liquid/, the old site's `_data` and `_config.yml`): each file
 * must read, and its YAML aliases must not expand past the limit every YAML read keeps
 * (src/lib/safe-yaml.ts). Liquid would otherwise go without the file, or loop over a huge value.
 */
export function checkLiquidDataFiles(files: readonly ContentFile[], problems: Problem[]): void {
  for (const { path, text } of files) {
    let value: unknown;
    try {
      value = /\.json$/i.test(path) ? (JSON.parse(text) as unknown) : loadLiquidYaml(text);
    } catch (error) {
      const line = error instanceof yaml.YAMLException ? error.mark.line + 1 : undefined;
      const reason = error instanceof yaml.YAMLException ? error.reason : error instanceof Error ? error.message : String(error);
      problems.push({
        file: path,
        field: 'data file',
        line,
        message: `is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${reason}. Liquid reads it as site.data; fix it, or delete it if no page uses it.`,
      });
      continue;
    }
    const expansion = aliasExpansionProblem(value);
    if (expansion !== undefined) problems.push({ file: path, field: 'data file', message: expansion });
  }
}
