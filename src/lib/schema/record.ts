import { z } from 'astro/zod';

/** Image files the build turns into AVIF and WebP at display size; other images are shown as they are. */
export const OPTIMIZABLE_IMAGE = /\.(png|jpe?g|webp|avif)$/i;

/** A name and where it leads: one item of a record's `links`, `press`, `awards` or `honors`. */
export const recordLinkSchema = z.strictObject(
  {
    /** What is shown: "Nimbus Website", "Engineering Excellence Award 2021". */
    name: z
      .union([z.string(), z.number()], { error: 'is required: the text shown for the link, like name: "Company website".' })
      .transform(String)
      .pipe(z.string().trim().min(1, { error: 'is empty; write the text shown for the link.' })),
    /** Where it leads: an address (`https://…`, `mailto:…`) or a path on this site (`/assets/files/paper.pdf`). */
    ref: z
      .string({ error: 'is required: the address the link leads to, like ref: "https://example.com".' })
      .trim()
      .min(1, { error: 'is empty; write the address the link leads to.' }),
  },
  { error: 'must be a link: "- name: …" with "ref: …" on the next line, indented as far as "name".' },
);

/** A list of links; Jekyll sites write an empty list as a bare key (`press:`), which means none. */
const linkList = z
  .array(recordLinkSchema, { error: 'must be a list of "- name: … / ref: …" items, or left empty.' })
  .nullish()
  .transform((links) => links ?? []);

/** Text that YAML may have read as a number (`date: 2016`). */
const looseText = z.union([z.string(), z.number()], { error: 'must be text, like "5/2018 - 8/2018".' }).transform((value) => String(value).trim());

/**
 * One record of a group's data file (`src/data/work.yml`), keyed by the title of the entry it
 * describes, exactly as a Jekyll `_data` file: the facts an entry page shows above its body and its
 * group's index page shows as a tile. Strict, so a typo such as `sumary` is an error, not a lost line.
 */
export const recordSchema = z.strictObject({
  /** The role or one-line summary: "Senior Software Engineer", "B.S. in Computer Engineering". */
  summary: looseText.optional(),
  /**
   * When, as free text shown as written: `5/2018 - 8/2018, 8/2019 - Present`, `2016`, `2015 - 2016`.
   * Where it reads as months and years, search engines get the periods too.
   */
  date: looseText.optional(),
  /**
   * A logo or photo, as its address on the site: `/assets/images/work/acme.png` for the file
   * `public/assets/images/work/acme.png`. The file stays at that address; pages show an optimised copy.
   */
  image: z
    .string({ error: 'must be the address of an image in public/, like image: /assets/images/work/acme.png' })
    .trim()
    .refine((path) => path.startsWith('/') || /^https?:\/\//.test(path), {
      error: 'must be the address of an image in public/, starting with "/", like image: /assets/images/work/acme.png',
    })
    .optional(),
  /** The entry's page, relative to the group's index page as on the Jekyll site: `acme` for `/work/acme`. */
  page: z.union([z.string(), z.number()], { error: "must be the last part of the entry's address, like page: acme" }).transform(String).optional(),
  /** Links about the entry (the company, the project's repository). */
  links: linkList,
  /** Articles about it. */
  press: linkList,
  /** Awards it won. */
  awards: linkList,
  /** Honours. */
  honors: linkList,
});

export type RecordInput = z.input<typeof recordSchema>;
export type RecordData = z.output<typeof recordSchema>;

/** The keys a record may use, for "did you mean" suggestions. */
export const RECORD_KEYS: readonly string[] = Object.keys(recordSchema.shape);

/** The headings of a record's link lists, in the order an entry page shows them. */
export const RECORD_LISTS = [
  { key: 'links', heading: 'Links' },
  { key: 'press', heading: 'Press' },
  { key: 'awards', heading: 'Awards' },
  { key: 'honors', heading: 'Honors' },
] as const satisfies readonly { key: keyof RecordData; heading: string }[];
