// make first-glyphs: writes web/first-glyphs.txt, the characters first screens show, which the
// first font (yibao-sc-first.otf) holds so that the first frame needs nothing else. Opens the page
// (build/web) in the states of `first_screens` (lib.mjs) — every half month of the loaded years on a
// phone, the larger text steps, a small phone, a tablet, a desktop, a kiosk — and takes the
// characters each first frame drew (window.yibao.font_state().first). The browser tests check the
// same states, plus a few more, against the built first font.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { first_screens, launch, root, serve_site, site_built } from './lib.mjs';

if (!(await site_built())) {
  console.error('first-glyphs: build/web is missing: run `make web` first');
  process.exit(1);
}
const out = path.join(root, 'web/first-glyphs.txt');
const server = await serve_site();
const browser = await launch();
const seen = new Set();
let loads = 0;
for (const { query, context } of first_screens({ every_half_month: true })) {
  const ctx = await browser.newContext(context);
  const page = await ctx.newPage();
  await page.goto(`${server.url}?sw=0&${query}`);
  const first = await page.evaluate(async () => {
    await window.yibao.ready;
    return window.yibao.font_state().first;
  });
  for (const ch of first) seen.add(ch);
  ++loads;
  await ctx.close();
}
await browser.close();
await server.close();

const old = await readFile(out, 'utf8');
const header = old.split('\n').filter((l) => l.startsWith('#')).join('\n');
const chars = [...seen].sort().join('');
// Lines of 40 characters: a reviewer sees what came and went in the diff.
const lines = chars.match(/.{1,40}/gu) ?? [];
await writeFile(out, `${header}\n${lines.join('\n')}\n`);
console.log(`first-glyphs: ${seen.size} characters from ${loads} first screens → web/first-glyphs.txt (run make web to cut the first font)`);
