// Offline: a resident who opened the page once uses it again with no network, and a new build's
// service worker replaces the old files as a whole. Also the single-file build from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, open_page, phone, root, serve_site, shot, site, state, tap, native_quote } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


const request = {
  year: 2026, district: 'dianjiang', person: 'resident', categories: ['101'], tier: 1,
  paid_on: '2026-04-10', continuous: false, break_years: 2,
};

// Evaluates fn in the page, retrying while the page reloads itself (a service worker update).
async function eventually(page, fn, arg, timeout_ms = 20000) {
  const end = Date.now() + timeout_ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out; last: ${JSON.stringify(last)}`);
}

test('offline: load once, lose the network, reload: the page works and quotes correctly', async () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'yibao-site-'));
  cpSync(site, copy, { recursive: true });
  const server = await serve_site({ dir: copy });
  const version = readFileSync(path.join(copy, 'version.txt'), 'utf8').trim();
  const { context, page, problems } = await open_page(browser, `${server.url}?today=2026-04-10`);
  try {
    // Online, first visit: the service worker stores this version, and the page says so.
    await eventually(page, () => window.yibao.state().offline_ready);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`yibao-${version}`]);

    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.yibao.ready);
    // The service worker answers the page's "which version do you hold?" a moment after the start.
    await eventually(page, () => window.yibao.state().offline_ready);
    let s = await state(page);
    assert.equal(s.online, false);
    assert.equal(s.offline_ready, true);
    await shot(page, '50-offline');
    // The engine answers as the native one does, and taps still work.
    assert.deepEqual(await page.evaluate((r) => window.yibao.quote(r), request), native_quote(request));
    const tier_before = s.form.tier;
    await tap(page, 'tier.2');
    s = await state(page);
    assert.notEqual(s.form.tier, tier_before);
    assert.equal(s.form.tier, 2);
    assert.ok(s.answer.ok);
    // Nothing failed to load except what needs the network by nature.
    assert.deepEqual(problems.filter((p) => !p.includes('sw.js')), []);
  } finally {
    await context.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
});

test('offline: a new build\'s service worker replaces the old cache and never mixes versions', async () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'yibao-site-'));
  cpSync(site, copy, { recursive: true });
  const server = await serve_site({ dir: copy });
  const old_version = readFileSync(path.join(copy, 'version.txt'), 'utf8').trim();
  const { context, page } = await open_page(browser, `${server.url}?today=2026-04-10`);
  try {
    await eventually(page, () => window.yibao.state().offline_ready);
    assert.equal(await page.evaluate(() => window.yibao.env.version), old_version);

    // A new build is deployed (the same stamping step as `make web`, another version).
    const r = spawnSync('python3', [path.join(root, 'web/tools/stamp_site.py'), '--root', root, '--site', copy,
      '--version', 'test-v2'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);

    await page.reload();
    // The page picks up the new worker and reloads itself under it (nothing was tapped yet).
    await eventually(page, () => window.yibao && window.yibao.env.version === 'test-v2');
    await eventually(page, () => window.yibao.state && window.yibao.state().offline_ready);
    await eventually(page, async () => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] === 'yibao-test-v2';
    });
    // Every file the page loaded came from the new version.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    for (const u of loaded.filter((u) => /\?v=/.test(u))) assert.match(u, /\?v=test-v2$/, u);

    // And offline it is the new version that opens.
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.yibao.ready);
    assert.equal(await page.evaluate(() => window.yibao.env.version), 'test-v2');
    assert.equal((await state(page)).offline_ready, true);
  } finally {
    await context.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
});

test('the single-file build opens from file:// and quotes', async () => {
  const file = path.join(root, 'build/web-single/yibao-calc.html');
  assert.ok(existsSync(file), 'build/web-single/yibao-calc.html: run `make web-single`');
  const url = `${pathToFileURL(file).href}?today=2025-12-01&district=wanzhou`;
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (q) => requests.push(q.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  try {
    await page.goto(url);
    await page.evaluate(() => window.yibao.ready);
    assert.equal(await page.evaluate(() => window.yibao.env.single), true);
    const s = await state(page);
    assert.equal(s.form.district, 'wanzhou');
    assert.equal(s.missing_glyphs, '');
    assert.deepEqual(await page.evaluate((r) => window.yibao.quote(r), request), native_quote(request));
    await tap(page, 'tier.2');
    const after = await state(page);
    assert.equal(after.form.tier, 2);
    assert.ok(after.answer.ok);
    // One file: nothing else is fetched (no network, no file next to it).
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && !u.startsWith(pathToFileURL(file).href)), []);
    await shot(page, '51-single-file');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
