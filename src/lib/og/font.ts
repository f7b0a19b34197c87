import { inflateSync } from 'node:zlib';

/**
 * The little of a TrueType font (WOFF 1) the social cards need: each glyph's advance, the pair
 * kerning of the GPOS `kern` feature, and the outlines. Read once per build from
 * @fontsource/inter, in place of a font library whose loading and parsing cost more than the cards.
 */
export interface Font {
  unitsPerEm: number;
  /** hhea ascender and descender, in font units (the descender is negative), as browsers and satori use them. */
  ascender: number;
  descender: number;
  /** The glyph of a code point, 0 (.notdef) when the font has none. */
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
  /** The pair adjustment of the first glyph's advance, in font units. */
  kerning(left: number, right: number): number;
  /** The glyph's contours in font units (y up), composite glyphs resolved. */
  outline(glyph: number): Contour[];
}

/** A WOFF file's tables, inflated. */
function woffTables(file: Buffer): Map<string, Buffer> {
  if (file.toString('latin1', 0, 4) !== 'wOFF') throw new Error('The social cards read WOFF fonts only.');
  const tables = new Map<string, Buffer>();
  for (let index = 0; index < file.readUInt16BE(12); index++) {
    const entry = 44 + index * 20;
    const [offset, compressed, length] = [file.readUInt32BE(entry + 4), file.readUInt32BE(entry + 8), file.readUInt32BE(entry + 12)];
    const data = file.subarray(offset, offset + compressed);
    tables.set(file.toString('latin1', entry, entry + 4), compressed < length ? inflateSync(data) : data);
  }
  return tables;
}

function table(tables: Map<string, Buffer>, tag: string): Buffer {
  const data = tables.get(tag);
  if (!data) throw new Error(`The card font has no ${tag} table.`);
  return data;
}

/** The code point to glyph map, from a Unicode cmap subtable of format 4 or 12. */
function readCmap(cmap: Buffer): Map<number, number> {
  const map = new Map<number, number>();
  const subtables = [...Array(cmap.readUInt16BE(2)).keys()].map((index) => ({
    platform: cmap.readUInt16BE(4 + index * 8),
    encoding: cmap.readUInt16BE(6 + index * 8),
    offset: cmap.readUInt32BE(8 + index * 8),
  }));
  const unicode = subtables.filter(({ platform, encoding }) => platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)));
  const chosen = unicode.find(({ offset }) => cmap.readUInt16BE(offset) === 12) ?? unicode.find(({ offset }) => cmap.readUInt16BE(offset) === 4);
  if (!chosen) throw new Error('The card font has no Unicode cmap.');
  const at = chosen.offset;
  if (cmap.readUInt16BE(at) === 12) {
    for (let group = 0; group < cmap.readUInt32BE(at + 12); group++) {
      const [start, end, glyph] = [cmap.readUInt32BE(at + 16 + group * 12), cmap.readUInt32BE(at + 20 + group * 12), cmap.readUInt32BE(at + 24 + group * 12)];
      for (let code = start; code <= end; code++) map.set(code, glyph + code - start);
    }
    return map;
  }
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment++) {
    const [end, start, delta, range] = [
      cmap.readUInt16BE(ends + segment * 2),
      cmap.readUInt16BE(starts + segment * 2),
      cmap.readInt16BE(deltas + segment * 2),
      cmap.readUInt16BE(ranges + segment * 2),
    ];
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph = code;
      if (range !== 0) {
        glyph = cmap.readUInt16BE(ranges + segment * 2 + range + (code - start) * 2);
        if (glyph === 0) continue;
      }
      map.set(code, (glyph + delta) & 0xffff);
    }
  }
  return map;
}

/** The glyphs a Coverage table lists, each with its coverage index. */
function readCoverage(data: Buffer, at: number): Map<number, number> {
  const coverage = new Map<number, number>();
  const count = data.readUInt16BE(at + 2);
  if (data.readUInt16BE(at) === 1) {
    for (let index = 0; index < count; index++) coverage.set(data.readUInt16BE(at + 4 + index * 2), index);
  } else {
    for (let range = 0; range < count; range++) {
      const entry = at + 4 + range * 6;
      const [start, end, first] = [data.readUInt16BE(entry), data.readUInt16BE(entry + 2), data.readUInt16BE(entry + 4)];
      for (let glyph = start; glyph <= end; glyph++) coverage.set(glyph, first + glyph - start);
    }
  }
  return coverage;
}

/** A ClassDef table: each listed glyph's class (glyphs not listed are class 0). */
function readClasses(data: Buffer, at: number): Map<number, number> {
  const classes = new Map<number, number>();
  if (data.readUInt16BE(at) === 1) {
    const start = data.readUInt16BE(at + 2);
    for (let index = 0; index < data.readUInt16BE(at + 4); index++) classes.set(start + index, data.readUInt16BE(at + 6 + index * 2));
  } else {
    for (let range = 0; range < data.readUInt16BE(at + 2); range++) {
      const entry = at + 4 + range * 6;
      for (let glyph = data.readUInt16BE(entry); glyph <= data.readUInt16BE(entry + 2); glyph++) classes.set(glyph, data.readUInt16BE(entry + 4));
    }
  }
  return classes;
}

const popCount = (bits: number) => [...bits.toString(2)].filter((bit) => bit === '1').length;

/**
 * The `kern` feature's pair adjustments (GPOS lookup type 2, or 9 wrapping it), as a function of two
 * glyphs: the first glyph's XAdvance.
 */
function readKerning(gpos: Buffer | undefined): (left: number, right: number) => number {
  if (!gpos) return () => 0;
  const featureList = gpos.readUInt16BE(6);
  const lookupList = gpos.readUInt16BE(8);
  const lookups = new Set<number>();
  for (let index = 0; index < gpos.readUInt16BE(featureList); index++) {
    const record = featureList + 2 + index * 6;
    if (gpos.toString('latin1', record, record + 4) !== 'kern') continue;
    const feature = featureList + gpos.readUInt16BE(record + 4);
    for (let lookup = 0; lookup < gpos.readUInt16BE(feature + 2); lookup++) lookups.add(gpos.readUInt16BE(feature + 4 + lookup * 2));
  }
  // Each lookup adds its adjustment; within a lookup, the first subtable that covers the pair decides.
  const lookupSubtables: ((left: number, right: number) => number | undefined)[][] = [];
  for (const lookupIndex of [...lookups].sort((a, b) => a - b)) {
    const lookup = lookupList + gpos.readUInt16BE(lookupList + 2 + lookupIndex * 2);
    const type = gpos.readUInt16BE(lookup);
    const subtables: ((left: number, right: number) => number | undefined)[] = [];
    for (let index = 0; index < gpos.readUInt16BE(lookup + 4); index++) {
      let at = lookup + gpos.readUInt16BE(lookup + 6 + index * 2);
      if (type === 9) {
        if (gpos.readUInt16BE(at + 2) !== 2) continue;
        at += gpos.readUInt32BE(at + 4);
      } else if (type !== 2) continue;
      subtables.push(pairSubtable(gpos, at));
    }
    lookupSubtables.push(subtables);
  }
  const cache = new Map<number, number>();
  return (left, right) => {
    const key = left * 65536 + right;
    let value = cache.get(key);
    if (value === undefined) {
      value = 0;
      for (const subtables of lookupSubtables) {
        for (const subtable of subtables) {
          const found = subtable(left, right);
          if (found === undefined) continue;
          value += found;
          break;
        }
      }
      cache.set(key, value);
    }
    return value;
  };
}

/** One PairPos subtable (format 1 or 2): the first glyph's XAdvance for a pair it covers. */
function pairSubtable(data: Buffer, at: number): (left: number, right: number) => number | undefined {
  const format = data.readUInt16BE(at);
  const coverage = readCoverage(data, at + data.readUInt16BE(at + 2));
  const [format1, format2] = [data.readUInt16BE(at + 4), data.readUInt16BE(at + 6)];
  const size1 = popCount(format1) * 2;
  const size2 = popCount(format2) * 2;
  // XAdvance is bit 2; the fields before it are XPlacement (bit 0) and YPlacement (bit 1).
  const xAdvance = (record: number) => (format1 & 4 ? data.readInt16BE(record + popCount(format1 & 3) * 2) : 0);
  if (format === 1) {
    return (left, right) => {
      const index = coverage.get(left);
      if (index === undefined) return undefined;
      const set = at + data.readUInt16BE(at + 10 + index * 2);
      for (let pair = 0; pair < data.readUInt16BE(set); pair++) {
        const record = set + 2 + pair * (2 + size1 + size2);
        if (data.readUInt16BE(record) === right) return xAdvance(record + 2);
      }
      return undefined;
    };
  }
  const classes1 = readClasses(data, at + data.readUInt16BE(at + 8));
  const classes2 = readClasses(data, at + data.readUInt16BE(at + 10));
  const count2 = data.readUInt16BE(at + 14);
  return (left, right) => {
    if (!coverage.has(left)) return undefined;
    const record = at + 16 + ((classes1.get(left) ?? 0) * count2 + (classes2.get(right) ?? 0)) * (size1 + size2);
    return xAdvance(record);
  };
}

/** A closed TrueType contour: on-curve points and quadratic control points. */
export type Contour = { x: number; y: number; onCurve: boolean }[];

/** A glyph's contours in font units, composite glyphs resolved. */
function readOutline(glyf: Buffer, loca: (glyph: number) => [number, number], glyph: number, depth = 0): Contour[] {
  const [start, end] = loca(glyph);
  if (end <= start || depth > 8) return [];
  const contours = glyf.readInt16BE(start);
  if (contours < 0) return readComposite(glyf, loca, start, depth);
  const endPoints = [...Array(contours).keys()].map((index) => glyf.readUInt16BE(start + 10 + index * 2));
  const points = contours === 0 ? 0 : endPoints[contours - 1]! + 1;
  let at = start + 10 + contours * 2;
  at += 2 + glyf.readUInt16BE(at);
  const flags: number[] = [];
  while (flags.length < points) {
    const flag = glyf[at++]!;
    flags.push(flag);
    if (flag & 8) for (let repeat = glyf[at++]!; repeat > 0; repeat--) flags.push(flag);
  }
  const coordinates = (short: number, same: number) => {
    let value = 0;
    return flags.map((flag) => {
      if (flag & short) value += flag & same ? glyf[at++]! : -glyf[at++]!;
      else if (!(flag & same)) {
        value += glyf.readInt16BE(at);
        at += 2;
      }
      return value;
    });
  };
  const xs = coordinates(2, 16);
  const ys = coordinates(4, 32);
  let first = 0;
  return endPoints.map((last) => {
    const contour = xs.slice(first, last + 1).map((x, index) => ({ x, y: ys[first + index]!, onCurve: (flags[first + index]! & 1) === 1 }));
    first = last + 1;
    return contour;
  });
}

function readComposite(glyf: Buffer, loca: (glyph: number) => [number, number], start: number, depth: number): Contour[] {
  const result: Contour[] = [];
  let at = start + 10;
  for (;;) {
    const flags = glyf.readUInt16BE(at);
    const component = glyf.readUInt16BE(at + 2);
    at += 4;
    let [dx, dy] = [0, 0];
    if (flags & 1) {
      [dx, dy] = flags & 2 ? [glyf.readInt16BE(at), glyf.readInt16BE(at + 2)] : [0, 0];
      at += 4;
    } else {
      [dx, dy] = flags & 2 ? [glyf.readInt8(at), glyf.readInt8(at + 1)] : [0, 0];
      at += 2;
    }
    let [a, b, c, d] = [1, 0, 0, 1];
    const f2dot14 = (offset: number) => glyf.readInt16BE(offset) / 16384;
    if (flags & 8) {
      a = d = f2dot14(at);
      at += 2;
    } else if (flags & 0x40) {
      [a, d] = [f2dot14(at), f2dot14(at + 2)];
      at += 4;
    } else if (flags & 0x80) {
      [a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
      at += 8;
    }
    for (const contour of readOutline(glyf, loca, component, depth + 1)) {
      result.push(contour.map((point) => ({ x: a * point.x + c * point.y + dx, y: b * point.x + d * point.y + dy, onCurve: point.onCurve })));
    }
    if (!(flags & 0x20)) return result;
  }
}

/** Reads a WOFF font. */
export function readFont(file: Buffer): Font {
  const tables = woffTables(file);
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  const hmtx = table(tables, 'hmtx');
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const metrics = hhea.readUInt16BE(34);
  const longOffsets = head.readInt16BE(50) === 1;
  const glyphRange = (glyph: number): [number, number] =>
    longOffsets ? [loca.readUInt32BE(glyph * 4), loca.readUInt32BE(glyph * 4 + 4)] : [loca.readUInt16BE(glyph * 2) * 2, loca.readUInt16BE(glyph * 2 + 2) * 2];
  const cmap = readCmap(table(tables, 'cmap'));
  const kerning = readKerning(tables.get('GPOS'));
  const unitsPerEm = head.readUInt16BE(18);
  return {
    unitsPerEm,
    ascender: hhea.readInt16BE(4),
    descender: hhea.readInt16BE(6),
    glyphOf: (codePoint) => cmap.get(codePoint) ?? 0,
    advance: (glyph) => hmtx.readUInt16BE(Math.min(glyph, metrics - 1) * 4),
    kerning,
    outline: (glyph) => readOutline(glyf, glyphRange, glyph),
  };
}
