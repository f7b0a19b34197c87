/** Longest summary search engines and link previews show in full. */
export const EXCERPT_MAX_LENGTH = 160;

/**
 * A plain-text summary of a Markdown or MDX body: its first paragraph of prose with the markup
 * removed, cut at a word boundary. Used when an entry has no `description`.
 */
export function excerptFromMarkdown(body: string, maxLength = EXCERPT_MAX_LENGTH): string {
  const paragraph =
    body
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block !== '' && !/^(#|[-*+]\s|\d+\.\s|>|<|```|~~~|import\s|export\s|\||\{)/.test(block)) ?? '';
  const plain = paragraph
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
