/**
 * A post's own excerpt: Jekyll reads an `excerpt` in a post's front matter (kept under `fields:` by
 * the importer) as the post's excerpt instead of its first paragraph, as the build's Liquid does for
 * `post.excerpt` (src/lib/liquid/site.ts). The blog's list shows the same text.
 */
export function ownExcerpt(data: { fields?: Readonly<Record<string, unknown>> | undefined }): string | undefined {
  const excerpt = data.fields?.['excerpt'];
  return typeof excerpt === 'string' && excerpt.trim() !== '' ? excerpt.trim() : undefined;
}
