import { workEntrySchema } from '../../src/lib/schema/work-entry.ts';

/** The smallest valid front matter: the owner's own Jekyll fields. */
export const VALID_ENTRY = { layout: 'work_page', title: 'Amazon', data: 'work', permalink: '/work/amazon' } as const;

/** The messages of a failed parse, as `field: message` lines (none when it parses). */
export function schemaProblems(input: Record<string, unknown>): string[] {
  const result = workEntrySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`);
}
