/** The form of one entry of a page's `scripts:` consent list; kept free of dependencies for the page schema. */

/** A consent entry: `https://cdn.example/plot.js` or `sha256-<44 base64 characters>`. */
export const CONSENT_ENTRY = /^(?:https:\/\/\S+|sha256-[A-Za-z0-9+/]{43}=)$/;

/** Whether a front-matter value is a well-formed consent entry. */
export function isConsentEntry(value: string): boolean {
  if (!CONSENT_ENTRY.test(value)) return false;
  if (value.startsWith('sha256-')) return true;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
