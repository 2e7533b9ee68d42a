// A kiosk in a 便民服务中心: ?mode=kiosk on a portrait touch screen. Larger targets, a visible
// "start over", an idle timer that forgets every answer (shortened here with ?idle=), and the
// printout on A4 and on an 80 mm receipt roll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, open_page, screenshots, settle, shot, state, tap } from './lib.mjs';

const base = process.env.YIBAO_URL;
const kiosk_screen = {
  viewport: { width: 1080, height: 1920 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: true,
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What a fresh kiosk shows for a configured district: the page as its own URL opens it.
async function fresh_state(url) {
  const { context, page } = await open_page(browser, url, kiosk_screen);
  const s = await state(page);
  await context.close();
  return s;
}

test('kiosk: larger targets, no answers in the address bar, start over forgets everything', async () => {
  const url = `${base}?mode=kiosk&district=wanzhou&today=2025-12-01&idle=600`;
  const start = (await fresh_state(url)).form;
  const { context, page, problems } = await open_page(browser, url, kiosk_screen);
  try {
    let s = await state(page);
    assert.equal(s.kiosk, true);
    assert.equal(s.form.district, 'wanzhou', 'the kiosk\'s own district is preselected');
    // Targets: at least 48 CSS px on a phone, half as large again at a kiosk.
    assert.ok(s.widgets['tier.1'].h >= 48 * 1.5 - 0.5, `tier.1 is ${s.widgets['tier.1'].h} px high`);
    assert.ok(s.widgets['kiosk.start_over'].visible, 'start over is on screen');
    assert.equal(s.widgets['action.picture'], undefined, 'no picture to keep at a kiosk');
    assert.equal(s.widgets['action.share'], undefined, 'no link to share at a kiosk');
    assert.equal(s.widgets['action.print'], undefined, 'no printer configured (?paper=)');

    await tap(page, 'person.newborn');
    await tap(page, 'tier.2');
    s = await state(page);
    assert.equal(s.form.person, 'newborn');
    assert.equal(s.form.tier, 2);
    assert.equal(new URL(page.url()).searchParams.get('tier'), null, 'a kiosk never writes answers into its URL');
    await shot(page, '40-kiosk-answered');

    await tap(page, 'kiosk.start_over');
    await sleep(100);
    await settle(page);
    s = await state(page);
    assert.deepEqual(s.form, start);
    assert.equal(s.scroll_y, 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('kiosk: after the idle time without a touch every answer is gone; a touch postpones it', async () => {
  const idle_s = 4;
  const url = `${base}?mode=kiosk&today=2025-12-01&idle=${idle_s}`;
  const fresh = await fresh_state(url);
  const start = fresh.form;
  const { context, page, problems } = await open_page(browser, url, kiosk_screen);
  try {
    assert.equal(await page.evaluate(() => window.yibao.env.idle_seconds), idle_s);
    await tap(page, 'district.open');
    await tap(page, 'district.shizhu');
    await tap(page, 'tier.2');
    await tap(page, 'continuous.no');
    const answered = await state(page);
    assert.equal(answered.form.district, 'shizhu');
    assert.equal(answered.form.continuous, false);

    // A touch before the time is up keeps the answers.
    await sleep((idle_s - 1.8) * 1000);
    await page.touchscreen.tap(1060, 1000);  // the right margin: taps nothing
    await sleep(2500);
    assert.equal((await state(page)).form.district, 'shizhu', 'a touch restarts the idle time');

    // The warning shows before the end, then everything is forgotten.
    await page.locator('#idle').waitFor({ state: 'visible', timeout: idle_s * 1000 });
    assert.match(await page.locator('#idle').innerText(), /秒后将清空所有回答/);
    await shot(page, '41-kiosk-idle-warning');
    await page.locator('#idle').waitFor({ state: 'hidden', timeout: idle_s * 1000 + 1000 });
    await sleep(200);
    await settle(page);
    const after = await state(page);
    assert.deepEqual(after.form, start, 'every answer is back to the start');
    assert.equal(after.scroll_y, 0);
    assert.equal(after.answer.due, fresh.answer.due);
    await shot(page, '42-kiosk-after-reset');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});


test('print: the quote on A4 and on an 80 mm roll, with the date, the rules version and the sources', async () => {
  const url = `${base}?mode=kiosk&paper=80mm&today=2024-12-01&year=2025&district=wanzhou&categories=101&tier=2&paid=2024-12-01`;
  const { context, page, problems } = await open_page(browser, url, kiosk_screen);
  try {
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    // 万州医保发〔2024〕51号 附件, code 101, 二档: 资助 400, 个人实缴 375.
    assert.equal((await state(page)).answer.due, '375');
    await tap(page, 'action.print');
    await page.waitForFunction(() => window.__printed === 1);
    const printed = await page.locator('#print').innerText();
    assert.match(printed, /应缴 375 元/);
    assert.match(printed, /计算日期：2024年12月1日/);
    assert.match(printed, /规则数据修订于\d{4}年\d+月\d+日/);
    assert.match(printed, /万州医保发〔2024〕51号/);
    assert.match(printed, /版本 [0-9a-f]{12}/);
    assert.equal(await page.locator('#print').getAttribute('class'), 'receipt');

    // The printed pages: an 80 mm roll, then A4.
    await page.emulateMedia({ media: 'print' });
    const roll = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(path.join(screenshots, '44-print-80mm.pdf'), roll);
    const roll_box = media_box(roll);
    assert.ok(Math.abs(roll_box.w - 226.8) < 1.5, `80 mm is 226.8 pt wide, got ${roll_box.w}`);
    await page.setViewportSize({ width: 302, height: 1900 });
    await shot(page, '44-print-80mm');

    await page.evaluate(() => window.yibao.render_print('a4'));
    const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(screenshots, '43-print-a4.pdf'), a4);
    const a4_box = media_box(a4);
    assert.ok(Math.abs(a4_box.w - 595.3) < 1.5 && Math.abs(a4_box.h - 841.9) < 1.5, JSON.stringify(a4_box));
    await page.setViewportSize({ width: 794, height: 1123 });
    await shot(page, '43-print-a4');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// The first page's size in a PDF, in points.
function media_box(pdf) {
  const m = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  assert.ok(m, 'the PDF has a MediaBox');
  return { w: Number(m[3]) - Number(m[1]), h: Number(m[4]) - Number(m[2]) };
}
