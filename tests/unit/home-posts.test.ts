import { describe, expect, it } from 'vitest';
import { homePosts } from '../../src/lib/html/home.ts';

describe('the posts the home page lists', () => {
  const newest = ['Decks', 'Piers', 'Cables', 'Rivets'];

  it("lists every post for 'all', as minima's home layout did", () => {
    expect(homePosts(newest, 'all')).toEqual(newest);
  });

  it('lists that many of the newest for a number, and none for 0', () => {
    expect(homePosts(newest, 3)).toEqual(['Decks', 'Piers', 'Cables']);
    expect(homePosts(newest, 0)).toEqual([]);
    expect(homePosts(newest, 9)).toEqual(newest);
  });
});
