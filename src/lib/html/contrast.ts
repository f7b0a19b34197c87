import { attributeOf, elements, parseHtmlFragment } from '../links/html.ts';

/**
 * WCAG 2 contrast of the colours an owner writes in a body's `style` attributes, against the page's
 * light and dark backgrounds (src/styles/site.css, `--bg`: tests/unit/contrast.test.ts keeps them
 * in step). Text needs 4.5:1 (AA).
 */
export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#0f1420' } as const;
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  gray: '#808080',
  grey: '#808080',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
};

/** A CSS colour written as `#rgb`, `#rrggbb`, `rgb(r, g, b)` or a few common names; undefined for anything else. */
export function parseColour(text: string): Rgb | undefined {
  const value = (NAMED[text.trim().toLowerCase()] ?? text).trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return [short[1], short[2], short[3]].map((digit) => parseInt(`${digit}${digit}`, 16)) as Rgb;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) return [long[1], long[2], long[3]].map((pair) => parseInt(pair ?? '0', 16)) as Rgb;
  const rgb = /^rgb\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*\)$/.exec(value);
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map((part) => Math.min(255, Number(part))) as Rgb;
  return undefined;
}

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const toHex = (rgb: Rgb) => `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;

/** The colour mixed toward `target` by `amount` (0 to 1): keeps the hue while it darkens or lightens. */
const mix = (colour: Rgb, target: Rgb, amount: number): Rgb => colour.map((value, i) => Math.round(value + ((target[i] ?? 0) - value) * amount)) as Rgb;

/** The colour nearest `colour` (least mixed toward black or white) that reads at 4.5:1 on `background`. */
function nearestPassing(colour: Rgb, background: Rgb): Rgb {
  if (contrastRatio(colour, background) >= AA_TEXT) return colour;
  const toward: Rgb = luminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  let low = 0;
  let high = 1;
  for (let step = 0; step < 20; step++) {
    const middle = (low + high) / 2;
    if (contrastRatio(mix(colour, toward, middle), background) >= AA_TEXT) high = middle;
    else low = middle;
  }
  return mix(colour, toward, high);
}

export interface ColourFinding {
  /** The colour as written. */
  written: string;
  /** Its contrast on each background, rounded to a tenth. */
  light: number;
  dark: number;
  /**
   * What to write instead: one colour when one reads at 4.5:1 on both backgrounds, else a
   * `light-dark()` pair (no colour can: the two backgrounds are too far apart), each the nearest that passes.
   */
  suggestion: string;
}

/** The finding for a text colour that fails AA on either background; undefined when it passes on both, or is not one this reads. */
export function checkTextColour(written: string): ColourFinding | undefined {
  const colour = parseColour(written);
  if (!colour) return undefined;
  const light = parseColour(PAGE_BACKGROUNDS.light) as Rgb;
  const dark = parseColour(PAGE_BACKGROUNDS.dark) as Rgb;
  const onLight = contrastRatio(colour, light);
  const onDark = contrastRatio(colour, dark);
  if (onLight >= AA_TEXT && onDark >= AA_TEXT) return undefined;
  const forLight = nearestPassing(colour, light);
  const forDark = nearestPassing(colour, dark);
  const both = [forLight, forDark].find((candidate) => contrastRatio(candidate, light) >= AA_TEXT && contrastRatio(candidate, dark) >= AA_TEXT);
  return {
    written: written.trim(),
    light: Math.round(onLight * 10) / 10,
    dark: Math.round(onDark * 10) / 10,
    suggestion: both ? toHex(both) : `light-dark(${toHex(forLight)}, ${toHex(forDark)})`,
  };
}

/**
 * Each `color` an HTML fragment sets in a `style` attribute that fails AA, with the 0-based offset
 * of its element. `html` is a body with its code blanked (its `<span style>` examples are not styles).
 */
export function inlineColourFindings(html: string): (ColourFinding & { offset: number })[] {
  if (!/style/i.test(html)) return [];
  const findings: (ColourFinding & { offset: number })[] = [];
  for (const element of elements(parseHtmlFragment(html))) {
    const style = attributeOf(element, 'style');
    const offset = element.sourceCodeLocation?.startTag?.startOffset;
    if (style === undefined || offset === undefined) continue;
    for (const declaration of style.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon === -1 || declaration.slice(0, colon).trim().toLowerCase() !== 'color') continue;
      const finding = checkTextColour(declaration.slice(colon + 1).replace(/!important/i, ''));
      if (finding) findings.push({ ...finding, offset });
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
