import { describe, expect, it } from 'vitest';
import { workEntrySchema } from '../../src/lib/schema/work-entry.ts';
import { schemaProblems, VALID_ENTRY } from '../helpers/work-entry.ts';

const valid = VALID_ENTRY;
const problems = schemaProblems;

describe('an entry image', () => {
  it('is optional, and taken with its description', () => {
    expect(problems(valid)).toEqual([]);
    const parsed = workEntrySchema.parse({ ...valid, image: '../../assets/amazon-logo.png', imageAlt: 'Amazon logo' });
    expect(parsed).toMatchObject({ image: '../../assets/amazon-logo.png', imageAlt: 'Amazon logo' });
  });

  it.each([
    ['an image without imageAlt', { image: './logo.png' }, 'imageAlt: is required when "image" is given: say what the image shows, like imageAlt: "Amazon logo".'],
    ['an empty imageAlt', { image: './logo.png', imageAlt: '  ' }, 'imageAlt: is empty; write some text or remove the line.'],
    ['imageAlt without an image', { imageAlt: 'Amazon logo' }, 'imageAlt: describes an image, but there is no "image"; add image: ../../assets/logo.png or remove imageAlt.'],
    ['an empty image path', { image: '', imageAlt: 'Amazon logo' }, 'image: is empty; write a path like image: ../../assets/logo.png or remove the line.'],
    ['an SVG image', { image: './icon.svg', imageAlt: 'Icon' }, 'image: must be a PNG, JPEG, WebP or AVIF file, like image: ../../assets/logo.png'],
    ['an image that is not a path', { image: 42, imageAlt: 'Amazon logo' }, 'image: must be the path of an image file, like image: ../../assets/logo.png'],
    ['an essay for imageAlt', { image: './logo.png', imageAlt: 'x'.repeat(151) }, 'imageAlt: is longer than 150 characters; say what the image shows in a short phrase.'],
  ])('%s', (_case, fields, message) => {
    expect(problems({ ...valid, ...fields })).toEqual([message]);
  });
});
