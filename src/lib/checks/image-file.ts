/**
 * Whether the first bytes of a file are an image the build can read, by their signature: a Git LFS
 * pointer (the text git leaves where LFS has not fetched the file) or any other non-image would stop
 * the image pipeline with an error naming neither the data file nor the field.
 */
export type ImageFileProblem = 'lfs-pointer' | 'not-an-image';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** The problem with an image file's first bytes (at least 32), or `undefined` for a real image. */
export function imageFileProblem(head: Uint8Array): ImageFileProblem | undefined {
  if (startsWith(head, ascii('version https://git-lfs'))) return 'lfs-pointer';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return undefined; // PNG
  if (startsWith(head, [0xff, 0xd8, 0xff])) return undefined; // JPEG
  if (startsWith(head, ascii('GIF8'))) return undefined;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return undefined;
  if (startsWith(head, ascii('ftyp'), 4)) return undefined; // AVIF (and HEIF)
  // SVG is text: an XML declaration, a comment or the <svg> tag after optional BOM and whitespace.
  const text = new TextDecoder().decode(head).replace(/^\uFEFF?\s*/, '');
  if (text.startsWith('<')) return undefined;
  return 'not-an-image';
}

export function imageFileMessage(problem: ImageFileProblem, image: string): string {
  return problem === 'lfs-pointer'
    ? `"${image}" is a Git LFS pointer, not the image: git has not fetched it. Run "git lfs pull" (or commit the image itself, without LFS).`
    : `"${image}" is not an image the site can show (PNG, JPEG, GIF, WebP, AVIF or SVG). Export it in one of these formats, or fix the path.`;
}
