/**
 * What the home page previews of the rest of the site: the group of records the visitor is most
 * likely after (the first one the header's navigation lists), and how many of its tiles to show.
 */

/** A group's index page as the home page needs it. */
export interface GroupPage<Tile> {
  permalink: string;
  title: string;
  tiles: readonly Tile[];
}

/**
 * The group the home page shows: the first whose index page the navigation links to, or else the
 * first by address; undefined when the site has no group with a tile.
 */
export function homeGroup<Tile>(groups: readonly GroupPage<Tile>[], navigation: readonly { href: string }[]): GroupPage<Tile> | undefined {
  const withTiles = groups.filter((group) => group.tiles.length > 0);
  const rank = (group: GroupPage<Tile>) => {
    const index = navigation.findIndex((link) => link.href === group.permalink);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...withTiles].sort((a, b) => rank(a) - rank(b) || a.permalink.localeCompare(b.permalink))[0];
}

/** The posts the home page lists, newest first: every one for `'all'` (as minima's home did), else that many. */
export function homePosts<Post>(newest: readonly Post[], setting: number | 'all'): readonly Post[] {
  return setting === 'all' ? newest : newest.slice(0, setting);
}
