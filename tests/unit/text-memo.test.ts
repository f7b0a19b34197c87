import { describe, expect, it } from 'vitest';
import { memoByText } from '../../src/lib/text-memo.ts';

describe('memoByText', () => {
  it('reads a text once, and shares the result with another copy of the reader under the same name', () => {
    const reads: string[] = [];
    const first = memoByText('test.shared', 4, (text) => {
      reads.push(text);
      return { length: text.length };
    });
    // What a second copy of the module (Vite's) would make: same name, its own function.
    const second = memoByText('test.shared', 4, () => {
      throw new Error('read again');
    });
    const result = first('abc');
    expect(second('abc')).toBe(result);
    expect(first('abc')).toBe(result);
    expect(reads).toEqual(['abc']);
  });

  it('keeps only the newest results', () => {
    let reads = 0;
    const read = memoByText('test.limit', 2, (text) => {
      reads++;
      return text;
    });
    read('a');
    read('b');
    read('c');
    expect(reads).toBe(3);
    read('c');
    read('b');
    expect(reads).toBe(3);
    read('a');
    expect(reads).toBe(4);
  });
});
