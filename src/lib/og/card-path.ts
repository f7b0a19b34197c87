/**
 * Where a page's social card is published: `/og/` and the page's permalink, as a `.png` file.
 * `/` is `/og/index.png`, `/work/` is `/og/work/index.png`, `/work/acme` and `/about.html` are
 * `/og/work/acme.png` and `/og/about.png`. Both the layout (for `og:image`) and the card
 * integration (to write the file) ask here, so they agree.
 */
export function cardPath(permalink: string): string {
  const path = permalink.startsWith('/') ? permalink : `/${permalink}`;
  const file = path.endsWith('/') ? `${path}index` : path.replace(/\.html?$/i, '');
  return `${CARD_FOLDER}${file}.png`;
}

const CARD_FOLDER = '/og';

/** Whether a path (from the site root) is where `cardPath` puts cards: a page's own `og:image` elsewhere is not one. */
export const isCardPath = (path: string): boolean => path.startsWith(`${CARD_FOLDER}/`) && path.endsWith('.png');

/** The size every card is made at: the one Open Graph and X (Twitter) previews show without cropping. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
