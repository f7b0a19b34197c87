/**
 * A lookup table that holds only its own entries: names read from a page or a body (`constructor`,
 * `toString`, `__proto__`) find nothing, where a plain object literal would hand back what every
 * object inherits.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
