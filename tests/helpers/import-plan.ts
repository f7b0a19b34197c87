import { planImport, type ImportPlan } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

/** The import plan of a Jekyll site given as its files; an import the importer refuses fails the test with its message. */
export function planOf(files: Record<string, string>): ImportPlan {
  const result = planImport(memorySource(files));
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

/** The text the plan writes at a project path, or undefined when it writes no text there. */
export function plannedText(plan: ImportPlan, path: string): string | undefined {
  const file = plan.files.find((candidate) => candidate.path === path);
  return file && 'text' in file.content ? file.content.text : undefined;
}
