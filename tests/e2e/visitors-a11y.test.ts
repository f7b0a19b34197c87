import { describe, expect, it } from 'vitest';
import { addAxe, axeFindings } from '../helpers/axe.ts';
import { browserTestsAvailable } from '../helpers/browser.ts';
import { EACH_PAGE, label, SCHEMES, switchView, useVisitorBrowser, VIEWS, WIDTHS } from '../helpers/visitor-browser.ts';

/** Where a Tab left the focus: the element (its index among the page's stops) and how it is shown. */
interface FocusStop {
  index: number;
  name: string;
  outline: string;
  inView: boolean;
  top: number;
  bottom: number;
  left: number;
}

/**
 * Every page for everyone: axe-core, the keyboard, the OS colour scheme and screen widths. A page is
 * loaded once and then shown in each colour scheme and width, as a visitor switching them sees it;
 * tests/e2e/visitors.test.ts loads each width afresh and watches what it requests.
 */
describe.runIf(browserTestsAvailable())('every page for every visitor, in Chromium', () => {
  const { open } = useVisitorBrowser('e2e-visitors-a11y');

  it.each(EACH_PAGE)('%s has 0 axe violations in light and dark, at 375 and 1280 px', async (_name, path) => {
    const found: string[] = [];
    // One load; each view is then the same page in another colour scheme and width.
    const { page, close } = await open(path, VIEWS[0] ?? { colorScheme: 'light', width: 375 }, true);
    await addAxe(page);
    for (const view of VIEWS) {
      await switchView(page, view);
      const { violations, ownColours } = await axeFindings(page);
      found.push(...violations.map((violation) => `${view.colorScheme} ${view.width}px: ${violation}`));
      if (ownColours.length > 0)
        console.warn(`${label(path)} ${view.colorScheme} ${view.width}px: the owner's own colours fail color-contrast: ${ownColours.join(', ')}`);
    }
    await close();
    expect(found).toEqual([]);
  });

  it.each(EACH_PAGE)('%s follows the OS colour scheme with CSS alone, as the visitor switches it', async (_name, path) => {
    const colours: Record<string, string> = {};
    const { page, close } = await open(path, { colorScheme: 'light', width: 1280 });
    for (const colorScheme of SCHEMES) {
      await switchView(page, { colorScheme, width: 1280 });
      colours[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    }
    await close();
    expect(colours['light']).toBe('rgb(255, 255, 255)');
    expect(colours['dark']).not.toBe(colours['light']);
  });

  it.each(EACH_PAGE)('%s is usable from the keyboard alone', async (_name, path) => {
    for (const width of WIDTHS) {
      const { page, close } = await open(path, { colorScheme: 'light', width });
      // The stops Tab should make, in document order: links and controls, and (as Chromium does) a
      // box that scrolls sideways with nothing focusable inside, such as a long line of code.
      const links = await page.evaluate(() => {
        const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
        const scrolls = (element: Element) => {
          const style = getComputedStyle(element);
          const scrollable = (overflow: string, size: number, client: number) => /auto|scroll/.test(overflow) && size > client;
          return (
            (scrollable(style.overflowX, element.scrollWidth, element.clientWidth) ||
              scrollable(style.overflowY, element.scrollHeight, element.clientHeight)) &&
            !element.querySelector(FOCUSABLE)
          );
        };
        return [...document.body.querySelectorAll<HTMLElement>('*')]
          .filter((element) => element.matches(FOCUSABLE) || scrolls(element))
          .map((element, index) => {
            element.dataset['focusIndex'] = String(index);
            return element.getAttribute('href') ?? element.tagName.toLowerCase();
          });
      });
      // Tab through the page: every link once, in document order, each with a visible focus ring.
      // Each stop is read as the next Tab goes down, and the last one after it: one evaluate in all,
      // not one per stop.
      await page.evaluate(() => {
        const stops: FocusStop[] = [];
        const read = window as unknown as { focusStops: FocusStop[]; readFocus: () => FocusStop };
        read.focusStops = stops;
        read.readFocus = () => {
          const element = document.activeElement as HTMLElement | null;
          const box = element?.getBoundingClientRect();
          const style = element ? getComputedStyle(element) : undefined;
          return {
            index: Number(element?.dataset['focusIndex'] ?? -1),
            name: element ? `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}` : 'nothing',
            top: (box?.top ?? 0) + window.scrollY,
            bottom: (box?.bottom ?? 0) + window.scrollY,
            left: box?.left ?? 0,
            outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
            // Chromium scrolls a focused element just into view; allow its sub-pixel rounding.
            inView: Boolean(box && box.width > 0 && box.height > 0 && box.top >= -1 && box.bottom <= window.innerHeight + 1),
          };
        };
        let pressed = 0;
        window.addEventListener(
          'keydown',
          (event) => {
            if (event.key !== 'Tab') return;
            if (pressed > 0) stops.push(read.readFocus());
            pressed += 1;
          },
          { capture: true },
        );
      });
      for (let step = 0; step < links.length; step += 1) await page.keyboard.press('Tab');
      const visited = await page.evaluate((count) => {
        const read = window as unknown as { focusStops: FocusStop[]; readFocus: () => FocusStop };
        return count === 0 ? [] : [...read.focusStops, read.readFocus()];
      }, links.length);
      expect(
        visited.map((v) => (v.index === -1 ? v.name : v.index)),
        `${width}px tab order`,
      ).toEqual(links.map((_, index) => index));
      expect(
        visited.filter((v) => v.outline.startsWith('none') || v.outline.endsWith(' 0px')),
        `${width}px focus rings`,
      ).toEqual([]);
      expect(
        visited.filter((v) => !v.inView),
        `${width}px focused element on screen`,
      ).toEqual([]);
      // Focus moves as the eye reads: each stop is to the right on the same line, or further down.
      const backwards = visited.slice(1).filter((stop, i) => {
        const previous = visited[i]!;
        const sameLine = stop.top < previous.bottom && previous.top < stop.bottom;
        return sameLine ? stop.left <= previous.left : stop.top < previous.bottom - 1;
      });
      expect(
        backwards.map((stop) => links[stop.index]),
        `${width}px visual order`,
      ).toEqual([]);

      // The skip link is the first stop, visible when focused, and moves focus to the main content.
      await page.reload();
      await page.keyboard.press('Tab');
      // Read in one evaluate: a locator would first compile Playwright's script in the reloaded page.
      const skip = await page.evaluate(() => {
        const links = document.querySelectorAll('.skip-link');
        const box = links[0]?.getBoundingClientRect();
        return { links: links.length, focused: links[0] === document.activeElement, y: box?.y ?? -1, height: box?.height ?? 0 };
      });
      expect(skip.links).toBe(1);
      expect(skip.focused).toBe(true);
      expect(skip.y >= 0 && skip.height > 0).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab continues after the start of main (inside it, or in the footer when main has
      // no link), never back in the header.
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => {
          const main = document.getElementById('main')!;
          const focused = document.activeElement;
          return Boolean(
            focused &&
            !focused.closest('.site-header') &&
            main.compareDocumentPosition(focused) & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING),
          );
        }),
      ).toBe(true);
      await close();
    }
  });

  it.each(EACH_PAGE)('%s fits screens from 320 to 1920 px without sideways scrolling', async (_name, path) => {
    const { page, close } = await open(path, { colorScheme: 'light', width: 320 });
    for (const width of [320, 1920]) {
      await switchView(page, { colorScheme: 'light', width });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
    }
    await close();
  });
});
