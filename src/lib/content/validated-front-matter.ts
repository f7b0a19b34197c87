/**
 * Front matter the checks validated, for the content loader to store as it is instead of validating
 * it again: each page's schema output, kept by the page's file (relative to the project root, `/`
 * separated) and its front matter as written. The loader offers Astro's own reading of the same
 * front matter; only an exact match is taken, anything else goes through Astro's validation as
 * before. In `astro dev` the checks and the loader run in separate copies of the modules (the
 * loader's is Vite's; see src/content.config.ts), so the values live on `globalThis`; only the
 * newest are kept, as a long `astro dev` session validates every saved version.
 */

const LIMIT = 8192;

function validated(): Map<string, unknown> {
  const store = globalThis as { [key: symbol]: unknown };
  return (store[Symbol.for('portfolio.validatedFrontMatter')] ??= new Map<string, unknown>()) as Map<string, unknown>;
}

/** Thrown while keying front matter that JSON would not tell apart from other front matter. */
const NOT_PLAIN = new Error('front matter that JSON does not keep as it is');

/**
 * JSON.stringify's view of each value, refusing what JSON would blur: a date (written as its text), a
 * number JSON cannot write (NaN and the infinities become null, -0 becomes 0), bytes, or any object
 * that is not a plain object or list.
 */
function plainOnly(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (typeof original === 'number' && (!Number.isFinite(original) || Object.is(original, -0))) throw NOT_PLAIN;
  if (original !== null && typeof original === 'object' && !Array.isArray(original) && Object.getPrototypeOf(original) !== Object.prototype) throw NOT_PLAIN;
  return value;
}

/** The key of a file's front matter; front matter with values JSON would blur (or a cycle) has none. */
function keyOf(file: string, frontMatter: unknown): string | undefined {
  try {
    return `${file}\u0000${JSON.stringify(frontMatter, plainOnly)}`;
  } catch {
    return undefined;
  }
}

/** Keeps what the schema made of a file's front matter. */
export function rememberValidated(file: string, frontMatter: unknown, data: unknown): void {
  const key = keyOf(file, frontMatter);
  if (key === undefined) return;
  const values = validated();
  values.delete(key);
  values.set(key, data);
  for (const oldest of values.keys()) {
    if (values.size <= LIMIT) break;
    values.delete(oldest);
  }
}

/** Forgets a file's front matter that no longer passes (a group it names is gone): Astro validates it again. */
export function forgetValidated(file: string, frontMatter: unknown): void {
  const key = keyOf(file, frontMatter);
  if (key !== undefined) validated().delete(key);
}

/** What the schema made of this front matter of this file, if the checks validated exactly it. */
export function validatedBefore(file: string, frontMatter: unknown): { data: unknown } | undefined {
  const key = keyOf(file, frontMatter);
  const values = validated();
  return key !== undefined && values.has(key) ? { data: values.get(key) } : undefined;
}
