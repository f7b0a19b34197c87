/**
 * `node scripts/card-bench.ts [site root] [cards]`: where the social cards' processor time goes,
 * drawn in this process: the modules the drawing loads, reading the site's cards from its sources
 * (the build's thread does that), the first cards (the background and the glyphs, made once per
 * build), then each card (its processor time includes zlib's and sharp's threads). The site root defaults to the bench's copy (tests/.output/bench/ours, after
 * `npm run bench`). See docs/performance.md.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.argv[2] ?? join('tests', '.output', 'bench', 'ours');
const count = Number(process.argv[3] ?? 50);

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
async function timed<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const [wall, processor] = [performance.now(), cpu()];
  const result = await run();
  console.log(`${label.padEnd(36)} ${(performance.now() - wall).toFixed(0).padStart(6)} ms wall ${(cpu() - processor).toFixed(0).padStart(6)} ms CPU`);
  return result;
}

console.log('The drawing loads:');
const { renderCard } = await timed('  card code', () => import('../src/lib/og/card-render.ts'));
const { cardLayout, interFont } = await import('../src/lib/og/card-layout.ts');
await timed('  the font (both weights)', () => [interFont(400), interFont(700)]);
console.log("The build's thread, which has the checks loaded already:");
const { sourceCardFacts } = await import('../src/lib/og/card-facts.ts');
const facts = [...(await timed('  read the cards from the sources', () => sourceCardFacts(root, join(root, 'public')))).values()];
console.log(`${facts.length} cards in ${root}; drawing ${count}`);
await timed('first card (the background)', () => renderCard(facts[0]!));
await timed("the site's cards, once each (their glyphs)", async () => {
  for (const card of facts) await renderCard(card);
});

const stages = { 'layout (text to glyphs)': 0, 'card (layout, drawing, PNG)': 0 };
let bytes = 0;
for (let index = 0; index < count; index++) {
  const card = facts[index % facts.length]!;
  let start = cpu();
  cardLayout(card);
  stages['layout (text to glyphs)'] += cpu() - start;
  start = cpu();
  bytes += (await renderCard(card)).length;
  stages['card (layout, drawing, PNG)'] += cpu() - start;
}
for (const [stage, ms] of Object.entries(stages)) console.log(`${stage.padEnd(36)} ${(ms / count).toFixed(2).padStart(6)} ms CPU per card`);
console.log(`mean card ${(bytes / count / 1000).toFixed(1)} kB`);
