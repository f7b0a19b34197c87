/**
 * Front matter the checks validated, for the content loader to store as it is instead of validating
 * it again: each page's schema output, kept by the page's file (relative to the project root, `/`
 * separated) and its front matter as written. The loader offers Astro's own reading of the same
 * front matter; only an exact match is taken, anything else goes through Astro's validation as
 * before. The checks and the loader run in separate copies of the modules, so the values live on
 * `globalThis`; only the newest are kept, as a long `astro dev` session validates every saved version.
 */

const LIMIT = 8192;

function validated(): Map<string, unknown> {
  const store = globalThis as { [key: symbol]: unknown };
  return (store[Symbol.for('portfolio.validatedFrontMatter')] ??= new Map<string, unknown>()) as Map<string, unknown>;
}

/** The key of a file's front matter: a value YAML cannot make into JSON (a cycle) has none. */
function keyOf(file: string, frontMatter: unknown): string | undefined {
  try {
    return `${file}\u0000${JSON.stringify(frontMatter)}`;
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

/** What the schema made of this front matter of this file, if the checks validated exactly it. */
export function validatedBefore(file: string, frontMatter: unknown): { data: unknown } | undefined {
  const key = keyOf(file, frontMatter);
  const values = validated();
  return key !== undefined && values.has(key) ? { data: values.get(key) } : undefined;
}
