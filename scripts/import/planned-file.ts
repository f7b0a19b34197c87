/** A file the import writes: a type module of its own, so the planners and the plan import it alike. */
export interface PlannedFile {
  /** Where it goes, relative to the project root, `/`-separated. */
  path: string;
  /** Its text, or the Jekyll file to copy byte for byte. */
  content: { text: string } | { copy: string };
  /** The Jekyll file it comes from, for the listing. */
  from?: string | undefined;
}
