// Offline: a resident who opened the page once uses it again with no network, and a new build's
// service worker replaces the old files as a whole. Also the single-file build from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The single file carries its rules as JSON text (web/tools/make_single.py), not inside its wasm:
// written again from another rules folder with the same linked script, it quotes with those rules.
function single_with_rules(rules_dir, out_dir) {
  const out = path.join(out_dir, 'yibao-calc.html');
  const r = spawnSync('python3', [
    path.join(root, 'web/tools/make_single.py'), '--root', root,
    '--js', path.join(root, 'build/web-cmake/single/yibao-single.js'), '--later', path.join(site, 'yibao-later.js'),
    '--font', path.join(site, 'yibao-sc.otf'), '--rules', rules_dir, '--out', out,
  ], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return out;
}

test('the single file\'s rules are refreshed without linking again: the 2099 fixture is quoted, a broken file is refused', async () => {
  const script = path.join(root, 'build/web-cmake/single/yibao-single.js');
  assert.ok(existsSync(script), 'build/web-cmake/single/yibao-single.js: run `make web-single`');
  const linked = readFileSync(script);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yibao-single-'));
  try {
    const rules = path.join(dir, 'rules');
    cpSync(path.join(root, 'rules'), rules, { recursive: true });
    cpSync(path.join(root, 'tests/rules_fixtures/chongqing/2099'), path.join(rules, 'chongqing/2099'), { recursive: true });
    const fixture = JSON.parse(readFileSync(path.join(rules, 'chongqing/2099/municipal.json'), 'utf8'));
    const file = single_with_rules(rules, dir);
    assert.deepEqual(readFileSync(script), linked, 'the linked script is not touched');
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${pathToFileURL(file).href}?today=2098-10-01`);
      await page.evaluate(() => window.yibao.ready);
      const years = await page.evaluate(() => window.yibao.catalogue().years.map((y) => y.year ?? y));
      assert.ok(years.includes(2099), `years ${JSON.stringify(years)}`);
      const q = await page.evaluate(() => window.yibao.quote({ year: 2099, district: 'chongqing', tier: 1, paid_on: '2098-10-10', continuous: true }));
      assert.equal(q.ok, true, JSON.stringify(q.errors));
      assert.equal(q.personal_standard, fixture.standards.resident.tier1.value);
      assert.equal(q.fiscal_subsidy, fixture.fiscal_subsidy.value);
      assert.ok(Object.keys((await state(page)).widgets).includes('year.2099'), 'the year is among the choices on screen');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }

    // A string where a number belongs: the page says the rules did not load, never shows a figure.
    const municipal = path.join(rules, 'chongqing/2026/municipal.json');
    const doc = JSON.parse(readFileSync(municipal, 'utf8'));
    doc.standards.resident.tier1.value = '400';
    writeFileSync(municipal, JSON.stringify(doc, null, 1));
    const broken = single_with_rules(rules, dir);
    const context2 = await browser.newContext(phone);
    const page2 = await context2.newPage();
    const errors = [];
    page2.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    try {
      await page2.goto(`${pathToFileURL(broken).href}?today=2026-03-01`);
      const said = await page2.evaluate(() => window.yibao.ready.then(() => 'ready', () => document.getElementById('msg').textContent));
      assert.match(said, /计算规则加载失败/);
      assert.ok(errors.some((e) => e.includes('chongqing/2026/municipal.json') && e.includes('/standards/resident/tier1/value')),
        `the console names the file and the field: ${errors.join(' | ')}`);
      assert.equal(await page2.evaluate(() => window.yibao.started || false), false);
    } finally {
      await context2.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
