// Rules published beside the page (build/web/rules/: index.json and the files): a host that gets a
// changed rules file and its index.json entry serves new figures without a rebuild; a broken or
// mismatched file is refused and the page keeps its bundled rules; a new year (the 2099 fixture of
// tests/rules_fixtures, which extends 2026) becomes a choice. web/js/rules.js, platform/abi.cpp.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, open_page, root, serve_site, settle, shot, site, state } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const municipal_2026 = 'chongqing/2026/municipal.json';
// The first screen on this day quotes 2026 in the municipality, 一档, a resident (no category):
// what is due is the 2026 一档 personal standard, 400 元 (渝医保发〔2025〕42号 一).
const today = '2025-11-20';
const request = { year: 2026, district: 'chongqing', tier: 1, paid_on: '2025-11-20', continuous: true };

function sha256(bytes) { return createHash('sha256').update(bytes).digest('hex'); }

// A copy of the built site whose published rules can be edited as a host's maintainer would.
function site_copy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yibao-rules-'));
  cpSync(site, dir, { recursive: true });
  return dir;
}

// Writes a rules file into the copy and its entry into rules/index.json (a wrong hash on request).
function publish(dir, rel, text, { wrong_hash = false } = {}) {
  const file = path.join(dir, 'rules', ...rel.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const index_path = path.join(dir, 'rules', 'index.json');
  const index = JSON.parse(readFileSync(index_path, 'utf8'));
  const doc = (() => { try { return JSON.parse(text); } catch { return {}; } })();
  const entry = { path: rel, revision: doc.revision ?? null, sha256: wrong_hash ? sha256('not the file') : sha256(Buffer.from(text)) };
  index.files = index.files.filter((f) => f.path !== rel).concat([entry]);
  writeFileSync(index_path, JSON.stringify(index, null, 1));
}

function edited_2026(dir, edit) {
  const doc = JSON.parse(readFileSync(path.join(dir, 'rules', ...municipal_2026.split('/')), 'utf8'));
  edit(doc);
  return JSON.stringify(doc, null, 1);
}

async function checked(page) {
  return page.evaluate(async () => {
    await window.yibao.ready;
    const t0 = performance.now();
    while (!window.yibao.rules_checked && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 50));
    return window.yibao.rules_checked;
  });
}

// What window.yibao.quote says and what the screen shows once it has drawn the next frame.
async function due_now(page) {
  await settle(page);
  return page.evaluate((r) => ({ quote: window.yibao.quote(r).due, screen: window.yibao.state().answer.due }), request);
}

async function eventually(page, fn, timeout_ms = 20000) {
  const end = Date.now() + timeout_ms;
  while (Date.now() < end) {
    try { if (await page.evaluate(fn)) return; } catch { /* the page may be reloading */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out');
}

test('published rules: an edited standard (400 → 410) is quoted after one reload, with no rebuild, and offline afterwards', async () => {
  const dir = site_copy();
  const server = await serve_site({ dir });
  const { context, page, problems } = await open_page(browser, `${server.url}?today=${today}`);
  try {
    assert.equal(await checked(page), null, 'the published rules are the bundled ones: nothing to take');
    assert.deepEqual(await due_now(page), { quote: 400, screen: '400' });
    await eventually(page, () => window.yibao.state().offline_ready);

    publish(dir, municipal_2026, edited_2026(dir, (d) => {
      d.standards.resident.tier1.value = 410;
      d.revision = '2026-12-05';
    }));
    await page.reload();
    assert.equal(await checked(page), 'updated');
    assert.deepEqual(await page.evaluate(() => window.yibao.rules_updated), [municipal_2026]);
    assert.deepEqual(await due_now(page), { quote: 410, screen: '410' });
    const footer = JSON.stringify(await page.evaluate(() => window.yibao.presentation()));
    assert.match(footer, /规则数据修订于2026年12月5日/, 'the footer names the new revision');
    await shot(page, '70-rules-updated');

    // Offline: the service worker kept what the network last answered.
    await context.setOffline(true);
    await page.reload();
    assert.equal(await checked(page), 'updated');
    assert.deepEqual(await due_now(page), { quote: 410, screen: '410' });
    assert.deepEqual(problems.filter((p) => !p.includes('sw.js')), []);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const [name, make, says] of [
  ['a string where a number belongs', (dir) => publish(dir, municipal_2026, edited_2026(dir, (d) => { d.standards.resident.tier1.value = '410'; })),
    /rules\/chongqing\/2026\/municipal\.json \/standards\/resident\/tier1\/value/],
  ['a wrong hash', (dir) => publish(dir, municipal_2026, edited_2026(dir, (d) => { d.standards.resident.tier1.value = 410; }), { wrong_hash: true }),
    /rules\/chongqing\/2026\/municipal\.json：校验值不符/],
]) {
  test(`published rules: ${name} is refused; the page keeps its bundled figures and says which file`, async () => {
    const dir = site_copy();
    make(dir);
    const server = await serve_site({ dir });
    const { context, page, problems } = await open_page(browser, `${server.url}?today=${today}&sw=0`);
    try {
      const said = await checked(page);
      assert.match(said, /^规则更新未采用/);
      assert.match(said, says);
      assert.deepEqual(await due_now(page), { quote: 400, screen: '400' });
      const notice = await page.evaluate(() => {
        const n = document.getElementById('notice');
        return { hidden: n.hidden, text: n.textContent, role: n.getAttribute('role') };
      });
      assert.equal(notice.hidden, false);
      assert.equal(notice.role, 'status');
      assert.match(notice.text, says);
      assert.ok((await state(page)).answer.ok, 'the page still answers');
      await shot(page, `71-rules-refused-${name.split(' ')[1]}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('published rules: a new year (the 2099 fixture, extending 2026) becomes a choice and is quoted with its own standards', async () => {
  const dir = site_copy();
  const fixture = readFileSync(path.join(root, 'tests/rules_fixtures/chongqing/2099/municipal.json'), 'utf8');
  const doc = JSON.parse(fixture);
  publish(dir, 'chongqing/2099/municipal.json', fixture);
  const server = await serve_site({ dir });
  const { context, page, problems } = await open_page(browser, `${server.url}?today=${today}&sw=0`);
  try {
    assert.equal(await checked(page), 'updated');
    const years = await page.evaluate(() => window.yibao.catalogue().years.map((y) => y.year ?? y));
    assert.ok(years.includes(2099), `years ${JSON.stringify(years)}`);
    const q = await page.evaluate(() => window.yibao.quote({ year: 2099, district: 'chongqing', tier: 1, paid_on: '2098-10-10', continuous: true }));
    assert.equal(q.ok, true, JSON.stringify(q.errors));
    assert.equal(q.personal_standard, doc.standards.resident.tier1.value);
    assert.equal(q.fiscal_subsidy, doc.fiscal_subsidy.value);
    await settle(page);  // the frame the update asked for
    const s = await state(page);
    assert.ok(Object.keys(s.widgets).includes('year.2099'), 'the year is among the choices on screen');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
