// Inside WeChat: the in-app browser's user agent, the page inside an <iframe> of another site,
// a forwarded link that reopens the same answers, and the "save picture" PNG to long-press.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, open_page, phone, reveal, screenshots, settle, shot, state, tap } from './lib.mjs';

const base = process.env.YIBAO_URL;
// WeChat 8.0 on Android (XWeb, Blink-based).
const wechat_ua =
  'Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240301 MMWEBID/1234 ' +
  'MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Reads a PNG's signature and IHDR chunk.
function png_info(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('in WeChat the answers go into the link, and the link reopens the same quote', async () => {
  const url = `${base}?today=2025-12-01`;
  const { context, page, problems } = await open_page(browser, url, { userAgent: wechat_ua });
  const popups = [];
  context.on('page', (p) => popups.push(p.url()));
  page.on('download', (d) => popups.push(`download ${d.suggestedFilename()}`));
  try {
    assert.equal(await page.evaluate(() => window.yibao.env.wechat), true);
    await tap(page, 'district.open');
    await tap(page, 'district.wanzhou');
    await tap(page, 'tier.2');
    await tap(page, 'continuous.no');
    const before_reload = await state(page);
    assert.equal(before_reload.form.district, 'wanzhou');
    assert.equal(before_reload.form.tier, 2);
    assert.equal(before_reload.form.continuous, false);
    assert.ok(before_reload.answer.ok, JSON.stringify(before_reload.answer));

    // The address bar holds the answers (and nothing else: no name, no ID number).
    const link = new URL(page.url());
    assert.equal(link.searchParams.get('district'), 'wanzhou');
    assert.equal(link.searchParams.get('tier'), '2');
    assert.equal(link.searchParams.get('break'), '1');
    assert.equal(link.searchParams.get('today'), '2025-12-01', 'setup parameters are kept');
    const keys = [...link.searchParams.keys()].sort();
    assert.deepEqual(keys, ['break', 'district', 'paid', 'person', 'tier', 'today', 'year']);

    // A reload reopens the same answers and the same quote.
    await page.reload();
    await page.evaluate(() => window.yibao.ready);
    const after_reload = await state(page);
    assert.deepEqual(after_reload.form, before_reload.form);
    assert.equal(after_reload.answer.due, before_reload.answer.due);
    assert.equal(after_reload.answer.coverage_start, before_reload.answer.coverage_start);

    // A forward: the same link opened by somebody else.
    const other = await open_page(browser, page.url(), { userAgent: wechat_ua });
    const forwarded = await state(other.page);
    assert.deepEqual(forwarded.form, before_reload.form);
    assert.equal(forwarded.answer.due, before_reload.answer.due);
    await other.context.close();

    // "转发给家人" explains WeChat's own forward (no share API, no clipboard there).
    const share = await tap(page, 'action.share');
    assert.ok(share);
    const hint = await page.locator('#sheet').innerText();
    assert.match(hint, /发送给朋友/);
    await page.locator('#sheet-close').tap();
    assert.equal(await page.locator('#sheet').isHidden(), true);

    assert.deepEqual(popups, [], 'no popups, no downloads');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('save picture: a PNG of the quote to long-press, showing the amount', async () => {
  const url = `${base}?today=2024-12-01&year=2025&district=wanzhou&categories=101&tier=1&paid=2024-12-01`;
  const { context, page, problems } = await open_page(browser, url, { userAgent: wechat_ua });
  try {
    const s = await state(page);
    // 万州医保发〔2024〕51号 附件, code 101, 一档: 个人实缴 40 元.
    assert.equal(s.answer.due, '40');
    await tap(page, 'action.picture');
    await page.locator('#picture').waitFor();
    const src = await page.locator('#picture').getAttribute('src');
    assert.match(src, /^data:image\/png;base64,/);
    const bytes = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
    const info = png_info(bytes);
    assert.equal(info.width, 1080);
    assert.ok(info.height > 1200, `height ${info.height}`);
    // The browser decodes it, and the picture carries the amount and the dates.
    const decoded = await page.evaluate(async () => {
      const img = document.getElementById('picture');
      await img.decode();
      return { w: img.naturalWidth, h: img.naturalHeight };
    });
    assert.deepEqual(decoded, { w: info.width, h: info.height });
    const drawn = await page.evaluate(() => window.yibao.picture_text);
    assert.ok(drawn.includes('40'), 'the amount is drawn');
    assert.ok(drawn.includes('享受待遇：2025年1月1日至2025年12月31日'), drawn.join('|'));
    assert.ok(drawn.some((t) => t.includes('万州医保发〔2024〕51号')), 'the source is drawn');
    // Long-press to save: no download link inside WeChat, the image allows the system menu.
    assert.equal(await page.locator('#picture-download').count(), 0);
    assert.equal(await page.locator('#picture').evaluate((e) => getComputedStyle(e).webkitTouchCallout ?? 'default'),
      'default');
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(path.join(screenshots, '32-saved-picture.png'), bytes);
    await shot(page, '31-save-picture-sheet');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('inside an iframe of another page it fills its frame and answers taps', async () => {
  // Another site (another origin) embedding the calculator, as an official account's page might.
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">
      <body style="margin:0;background:#eee"><h1 style="font-size:18px;margin:12px">公众号文章</h1>
      <iframe id="calc" src="${base}?today=2025-12-01&district=youyang" style="position:absolute;left:15px;top:60px;width:360px;height:600px;border:0"></iframe></body>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const host_url = `http://127.0.0.1:${host.address().port}/`;
  const context = await browser.newContext({ ...phone, userAgent: wechat_ua });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  try {
    await page.goto(host_url);
    const frame = page.frames().find((f) => f.url().startsWith(base));
    assert.ok(frame, 'the calculator frame');
    await frame.evaluate(() => window.yibao.ready);
    let s = await frame.evaluate(() => window.yibao.state());
    assert.equal(s.width, 360);
    assert.equal(s.height, 600);
    assert.equal(s.form.district, 'youyang');
    // Tap the 二档 choice through the host page: frame coordinates + the frame's offset.
    const fstate = () => frame.evaluate(() => window.yibao.state());
    let w = s.widgets['tier.2'];
    for (let i = 0; i < 10 && !w.visible; ++i) {
      const cdp = await context.newCDPSession(page);
      const x = 15 + 350, y = 60 + 400;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
      for (let k = 1; k <= 8; ++k)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - 30 * k, id: 1 }] });
      await new Promise((r) => setTimeout(r, 120));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
      await new Promise((r) => setTimeout(r, 200));
      w = (await fstate()).widgets['tier.2'];
    }
    assert.ok(w.visible, 'tier.2 scrolled into view inside the frame');
    await page.touchscreen.tap(15 + w.x + w.w / 2, 60 + w.y + w.h / 2);
    await new Promise((r) => setTimeout(r, 300));
    s = await fstate();
    assert.equal(s.form.tier, 2);
    assert.ok(s.answer.ok);
    assert.equal(new URL(frame.url()).searchParams.get('tier'), '2', 'the frame\'s own URL holds the answers');
    await shot(page, '30-wechat-iframe');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await new Promise((r) => host.close(r));
  }
});
