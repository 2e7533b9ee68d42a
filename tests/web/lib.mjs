// Shared helpers of the browser tests and the benchmark: a static server for build/web, Chromium
// (Debian's /usr/bin/chromium through playwright-core), a phone context, real taps and drags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
// YIBAO_SITE: another built site (a before/after benchmark of two builds).
export const site = process.env.YIBAO_SITE ? path.resolve(process.env.YIBAO_SITE) : path.join(root, 'build/web');
export const screenshots = path.join(here, 'screenshots');
export const chromium_path = process.env.CHROMIUM || '/usr/bin/chromium';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.otf': 'font/otf',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// Serves build/web (or dir) on a free port of 127.0.0.1. Sends the .br file when the browser
// accepts brotli (like a static host with precompressed files), counts the bytes sent.
// extra: more files to serve, { '/plain.html': '/abs/path' } (the benchmark's plain page).
export async function serve_site({ brotli = true, dir = site, extra = {} } = {}) {
  const sent = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = extra[rel] ?? path.join(dir, path.normalize(rel));
      if (!extra[rel] && !file.startsWith(dir)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const type = types[path.extname(file)] || 'application/octet-stream';
      let body;
      let encoding = null;
      if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        try {
          body = await readFile(file + '.br');
          encoding = 'br';
        } catch { /* no precompressed copy */ }
      }
      if (!body) body = await readFile(file);
      // As a host should: files named with ?v=<version> never change (cached for good, so the
      // service worker's offline copy takes them from the HTTP cache); the rest is asked anew.
      // The rest carries an ETag and is asked again each time (a 304 when unchanged).
      const versioned = url.searchParams.has('v');
      const cache = versioned ? 'public, max-age=31536000, immutable' : 'no-cache';
      const etag = `"${createHash('sha1').update(body).update(encoding ?? '').digest('hex').slice(0, 16)}"`;
      if (!versioned && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, 'cache-control': cache });
        res.end();
        sent.push({ path: rel, bytes: 0, encoding, status: 304 });
        return;
      }
      const headers = { 'content-type': type, 'content-length': body.length, 'cache-control': cache, etag };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(body);
      sent.push({ path: rel, bytes: body.length, encoding, status: 200 });
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(String(e.message));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The quote the native command-line tool gives for a request (object or JSON text): what the page
// must agree with.
export function native_quote(request) {
  const text = typeof request === 'string' ? request : JSON.stringify(request);
  const r = spawnSync(path.join(root, 'build/native/yibao'), ['quote'], { input: text, cwd: root, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 2, `yibao quote exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// The request the answers on screen make (the same rules as src/ui/form.cpp's to_request).
export function request_of(form) {
  const r = {
    year: form.year, district: form.district, person: form.person, categories: form.categories,
    tier: form.tier, paid_on: form.paid_on,
  };
  if (form.person !== 'newborn') {
    r.continuous = form.continuous;
    if (!form.continuous) r.break_years = form.break_years;
  } else {
    r.birth_date = form.birth_date;
    if (Number(form.birth_date.slice(0, 4)) === form.year - 1) r.pays_birth_year = form.pays_birth_year;
  }
  return r;
}

// The answer on screen is the one `yibao quote` gives for the same answers.
export function assert_screen_matches_cli(s) {
  const cli = native_quote(request_of(s.form));
  const a = s.answer;
  assert.equal(a.ok, cli.ok, `ok: ${JSON.stringify(cli.errors)}`);
  if (!cli.ok) return cli;
  for (const k of ['due', 'personal_standard', 'assistance', 'fiscal_subsidy', 'surcharge'])
    assert.equal(Number(a[k]), cli[k], k);
  assert.equal(a.coverage_start, cli.coverage_start);
  assert.equal(a.coverage_end, cli.coverage_end);
  assert.deepEqual(a.waiting, cli.waiting);
  assert.ok(a.bar.startsWith(`${a.due}|`), 'the sticky bar shows the same amount');
  return cli;
}

export async function site_built() {
  try {
    await stat(path.join(site, 'index.html'));
    await stat(path.join(site, 'yibao.wasm'));
    return true;
  } catch {
    return false;
  }
}

// Playwright starts Chromium with a fresh temporary profile (user-data-dir) of its own.
export async function launch() {
  return chromium.launch({
    executablePath: chromium_path,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--ignore-gpu-blocklist',
    ],
  });
}

export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
};

// A page that records console errors and page errors.
export async function open_page(browser, url, options = {}) {
  const context = await browser.newContext({ ...phone, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(url);
  await page.evaluate(() => window.yibao.ready);
  return { context, page, problems };
}

export async function state(page) {
  return page.evaluate(() => window.yibao.state());
}

// Waits until the page has drawn a frame after something happened (a few animation frames).
export async function settle(page, frames = 6) {
  await page.evaluate(
    (n) => new Promise((resolve) => {
      let left = n;
      const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    }),
    frames,
  );
}

// Waits until the page draws nothing for 400 ms (its frames after an event have run out).
export async function idle(page) {
  for (let f = -1; ;) {
    const now = (await state(page)).frame;
    if (now === f) return;
    f = now;
    await new Promise((r) => setTimeout(r, 400));
  }
}

// A finger drag from (x, y) by dy CSS px, as real touch events.
export async function drag(page, x, y, dy, steps = 8, ms_per_step = 16) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  for (let i = 1; i <= steps; ++i) {
    await new Promise((r) => setTimeout(r, ms_per_step));
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x, y: y + (dy * i) / steps, id: 1 }],
    });
  }
  // Rest before lifting: no fling, so the test knows where the page stops.
  await new Promise((r) => setTimeout(r, 120));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await settle(page);
}

// Scrolls (by dragging) until the widget is fully visible, then returns its rectangle.
export async function reveal(page, id) {
  for (let tries = 0; tries < 40; ++tries) {
    const s = await state(page);
    const w = s.widgets[id];
    if (!w) throw new Error(`no widget "${id}" on screen; have: ${Object.keys(s.widgets).join(' ')}`);
    if (w.visible) return w;
    const top = 56 + 16;
    const bottom = s.height - 16;
    const x = s.width - 12;  // the right margin: a drag there taps nothing
    let dy;
    if (w.y < top) dy = Math.min(top - w.y + 40, s.height * 0.6);
    else dy = -Math.min(w.y + w.h - bottom + 40, s.height * 0.6);
    await drag(page, x, s.height / 2, dy);
  }
  throw new Error(`widget "${id}" did not come into view`);
}

// Taps the middle of a widget at its real CSS coordinates (scrolling to it first).
export async function tap(page, id) {
  const w = await reveal(page, id);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  await settle(page);
  return w;
}

// Records what the screen shows after every animation frame (rAF, then a task) into
// window.__samples, so a test can tell on which frame a tap changed the answer.
export async function start_frame_sampler(page) {
  await page.evaluate(() => {
    window.__samples = [];
    const loop = () => requestAnimationFrame(() => setTimeout(() => {
      const s = window.yibao.state();
      window.__samples.push({ frame: s.frame, form: s.form, answer: s.answer, at: performance.now() });
      if (window.__samples.length < 600) loop();
    }, 0));
    loop();
  });
}

// A date chosen as a resident does: a tap on the date field (the semantics layer's <input
// type=date> lies over it and opens the platform's picker), then the date picked there.
export async function pick_date(page, id, iso) {
  const w = await reveal(page, id);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  await page.locator(`#a11y input[data-id="${id}"]`).fill(iso);
  await settle(page);
}

export async function shot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export { readFile };

// First screens the first font (yibao-sc-first.otf, web/first-glyphs.txt) must cover: the page
// opened without answers on many days, in the larger text steps, on other screens, on a kiosk.
// every_half_month: the 1st and 16th of every month of 2025–2027 (make first-glyphs); otherwise a
// sample of them (the browser test).
export function first_screens({ every_half_month = false } = {}) {
  const days = [];
  for (let y = 2025; y <= 2027; ++y)
    for (let m = 1; m <= 12; ++m)
      for (const d of [1, 16]) days.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const sample = ['2025-11-20', '2026-03-01', '2026-07-16', '2026-11-25', '2027-01-16'];
  const dates = every_half_month ? days : sample;
  const some = every_half_month ? ['2025-06-16', '2025-11-20', '2026-01-16', '2026-03-01', '2026-07-16', '2026-11-25', '2027-04-01'] : sample.slice(0, 3);
  const screens = [];
  for (const d of dates) screens.push({ query: `today=${d}`, context: phone });
  for (const d of some) {
    for (const text of ['large', 'xlarge']) screens.push({ query: `today=${d}&text=${text}`, context: phone });
    screens.push({ query: `today=${d}`, context: { ...phone, viewport: { width: 360, height: 640 } } });
    screens.push({ query: `today=${d}`, context: { ...phone, viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2 } });
    screens.push({ query: `today=${d}`, context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' } });
    screens.push({ query: `today=${d}&mode=kiosk`, context: { viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, hasTouch: true, locale: 'zh-CN' } });
  }
  return screens;
}
