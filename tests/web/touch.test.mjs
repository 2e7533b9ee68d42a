// Made for phones: a tap presses once where tapped and changes the answer on the next frame, a
// drag scrolls with inertia, a double tap does not zoom, and nothing runs while the page is idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { idle, launch, open_page, reveal, settle, state, tap, start_frame_sampler } from './lib.mjs';

const base = process.env.YIBAO_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a tap presses exactly once, where tapped', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20&continuous=0&break=1`);
  await tap(page, 'break.plus');
  let s = await state(page);
  assert.equal(s.form.break_years, 2, 'one tap, one step');
  await tap(page, 'break.plus');
  await tap(page, 'break.minus');
  s = await state(page);
  assert.equal(s.form.break_years, 2);
  // A tap beside the buttons (in the page margin) changes nothing.
  const w = await reveal(page, 'break.plus');
  const before_tap = JSON.stringify((await state(page)).form);
  await page.touchscreen.tap(s.width - 4, w.y + w.h / 2);
  await settle(page);
  assert.equal(JSON.stringify((await state(page)).form), before_tap);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tap changes the answer on the next frame', async () => {
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20`);
  const w = await reveal(page, 'tier.2');
  await idle(page);
  const s0 = await state(page);
  await start_frame_sampler(page);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  // Read the screen after each animation frame until the answer changed.
  const frames = await page.evaluate((f0) => new Promise((resolve) => {
    // The samples taken after every animation frame since before the tap: the first one that
    // shows the new answer tells in which of the page's frames it changed.
    const hit = window.__samples.find((s) => s.form.tier === 2 && s.answer.due !== null);
    if (hit) return resolve(hit.frame - f0);
    const wait = () => {
      const h = window.__samples.find((s) => s.form.tier === 2 && s.answer.due !== null);
      if (h) resolve(h.frame - f0); else setTimeout(wait, 20);
    };
    wait();
  }), s0.frame);
  const s1 = await state(page);
  assert.notEqual(s1.answer.due, s0.answer.due);
  assert.equal(frames, 1, `the answer changed ${frames} frame(s) after the tap`);
  await context.close();
});

test('a drag scrolls the page, a fling keeps it moving and then it stops', async () => {
  // sw=0: the offline copy arriving redraws the footer once (offline.test.mjs covers it).
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20&sw=0`);
  const s0 = await state(page);
  assert.equal(s0.scroll_y, 0);
  const cdp = await context.newCDPSession(page);
  const x = s0.width / 2, y = s0.height * 0.7;
  // A quick flick: 40 CSS px every 16 ms, lifted at once. The events carry their own times, so
  // a slow software-rendered frame in the test browser does not slow the finger down.
  const t0 = Date.now() / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }], timestamp: t0 });
  for (let i = 1; i <= 6; ++i) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove', touchPoints: [{ x, y: y - 40 * i, id: 1 }], timestamp: t0 + 0.016 * i });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: t0 + 0.016 * 7 });
  const at_release = (await state(page)).scroll_y;
  assert.ok(at_release > 100, `the finger moved the page (${at_release})`);
  await new Promise((r) => setTimeout(r, 1500));
  const after_fling = (await state(page)).scroll_y;
  assert.ok(after_fling > at_release + 50, `inertia carried it on (${at_release} → ${after_fling})`);
  // Then it comes to rest within a few seconds (a loaded test machine may draw a late frame or
  // two): a full second without a frame.
  let rested = false;
  for (let tries = 0; tries < 8 && !rested; ++tries) {
    const f1 = (await state(page)).frame;
    await new Promise((r) => setTimeout(r, 1000));
    rested = (await state(page)).frame === f1;
  }
  assert.ok(rested, 'no frames once the fling stopped');
  // The drag pressed nothing.
  assert.equal((await state(page)).form.tier, 1);
  await cdp.detach();
  await context.close();
});

test('a double tap does not zoom', async () => {
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20`);
  const s = await state(page);
  const x = s.width - 6, y = s.height / 2;
  await page.touchscreen.tap(x, y);
  await page.touchscreen.tap(x, y);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.evaluate(() => window.visualViewport.scale), 1);
  await context.close();
});

test('no frames while idle', async () => {
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20&sw=0`);
  await new Promise((r) => setTimeout(r, 500));
  const f0 = (await state(page)).frame;
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await state(page)).frame, f0, 'the page drew nothing without input');
  await context.close();
});
