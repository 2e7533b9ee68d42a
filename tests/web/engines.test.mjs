// The page in the two other engines that residents use: WebKitGTK (MiniBrowser, plain WebDriver
// through Debian's WebKitWebDriver) and Firefox ESR (puppeteer-core over WebDriver BiDi), both on
// an Xvfb display (headless Firefox has no WebGL here). Per engine, from one cold load: a WebGL2
// canvas with every Chinese character in the font, quotes equal to `yibao quote`, a mouse click
// that changes the answer as the CLI says, the wheel scrolls, and the test server sent each file
// at most once.
//
// Serves YIBAO_SITE (default build/web) itself, one fresh server per engine, to count the requests.
// Skipped, with the reason, only when a browser is missing and scripts/setup.sh has not run
// (tests/web/node_modules/puppeteer-core is how the test tells); after setup (make test) a missing
// browser fails. YIBAO_ENGINES=webkit or firefox runs one engine.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { assert_screen_matches_cli, here, native_quote, screenshots, serve_site, site } from './lib.mjs';
import { find_firefox, find_minibrowser, have_module, open_firefox, open_webkit, start_xvfb, which } from './webdriver.mjs';

const site_dir = path.resolve(process.env.YIBAO_SITE || site);
const only = process.env.YIBAO_ENGINES ? process.env.YIBAO_ENGINES.split(',') : ['webkit', 'firefox'];
const setup_ran = have_module(here, 'puppeteer-core');
const required = setup_ran || process.env.CI === 'true';

const engines = {
  webkit: {
    title: 'WebKitGTK (MiniBrowser over WebDriver)',
    needs: { 'Xvfb (xvfb)': which('Xvfb'), 'WebKitWebDriver (webkit2gtk-driver)': which('WebKitWebDriver'),
             'MiniBrowser (libwebkit2gtk-4.1-0)': find_minibrowser() },
    open: (display) => open_webkit({ display, minibrowser: find_minibrowser() }),
  },
  firefox: {
    title: 'Firefox ESR (puppeteer-core over WebDriver BiDi)',
    needs: { 'Xvfb (xvfb)': which('Xvfb'), 'firefox-esr': find_firefox(),
             'npm puppeteer-core': have_module(here, 'puppeteer-core') },
    open: (display) => open_firefox({ display, firefox: find_firefox() }),
  },
};

// Why an engine does not run: null when it runs; {skip} when it is absent before setup;
// {fail} when setup ran and it is still missing.
function absence(key) {
  if (!only.includes(key)) return { skip: `YIBAO_ENGINES=${only.join(',')}` };
  const missing = Object.entries(engines[key].needs).filter(([, found]) => !found).map(([name]) => name);
  if (!missing.length) return null;
  const why = `missing ${missing.join(', ')}`;
  if (required) return { fail: `${why}, although setup has run: scripts/setup.sh should have installed it` };
  return { skip: `${why}: run \`make setup\` (scripts/setup.sh) to install the browsers` };
}

// The display both engines use, started once (only if an engine runs).
let xvfb = null;
async function display() {
  xvfb ??= await start_xvfb();
  return xvfb.display;
}
after(async () => { await xvfb?.close(); });

// A few requests, each checked against the CLI (a subset of page.test.mjs's set, with an error).
const requests = [
  { year: 2026, district: 'wanzhou', person: 'resident', categories: ['101'], tier: 1, paid_on: '2025-12-20', continuous: true },
  { year: 2025, district: 'wanzhou', person: 'resident', categories: [], tier: 1, paid_on: '2025-08-15', continuous: false, break_years: 2 },
  { year: 2025, district: 'shizhu', person: 'student', categories: [], tier: 1, paid_on: '2024-10-10', continuous: true },
  { year: 2026, district: 'chongqing', person: 'newborn', categories: [], tier: 1, paid_on: '2026-01-10', birth_date: '2025-11-20', pays_birth_year: true },
  { year: 2026, district: 'nowhere', person: 'resident', tier: 1, paid_on: '2025-12-01', continuous: true },
];


// In the page: the screen's state once the page has drawn nothing new for 300 ms.
function settled_state() {
  return new Promise((resolve) => {
    let last = -1;
    const look = () => {
      const s = window.yibao.state();
      if (s.frame === last) resolve(s);
      else { last = s.frame; setTimeout(look, 300); }
    };
    look();
  });
}

// Waits (in node) until the page's state satisfies ok(state), at most ms.
async function wait_for(b, ok, what, ms = 8000) {
  const end = Date.now() + ms;
  for (;;) {
    const s = await b.run(() => window.yibao.state());
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`${b.name}: ${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Waits until the server has sent nothing new for quiet ms (a late file, e.g. a second font, counts).
async function network_quiet(server, quiet = 800, ms = 15_000) {
  const end = Date.now() + ms;
  let n = -1;
  while (n !== server.sent.length && Date.now() < end) {
    n = server.sent.length;
    await new Promise((r) => setTimeout(r, quiet));
  }
}

for (const key of Object.keys(engines)) {
  const engine = engines[key];
  const gone = absence(key);
  describe(engine.title, { skip: gone?.skip }, () => {
    let server;
    let b;
    let loaded;     // the state after the cold load
    let requested;  // path → how many times the server sent it during the cold load

    before(async () => {
      if (gone?.fail) throw new Error(`${engine.title}: ${gone.fail}`);
      server = await serve_site({ dir: site_dir });
      b = await engine.open(await display());
      // The cold load: a fresh profile, nothing cached (the server says no-store). sw=0: without
      // the service worker, whose install fetches every file once more into its cache (by design:
      // index.html with cache 'reload'; the ?v= files from the HTTP cache, which no-store empties).
      await b.goto(`${server.url}?today=2025-11-20&sw=0`);
      await b.run(() => window.yibao.ready);
      loaded = await b.run(settled_state);
      await network_quiet(server);
      requested = {};
      for (const { path: p } of server.sent) requested[p] = (requested[p] || 0) + 1;
    });
    after(async () => {
      await b?.close();
      await server?.close();
    });

    test('draws with WebGL2, every Chinese character in the font, no page errors', async () => {
      assert.equal(await b.run(() => window.yibao.webgl), 2, `${b.version}: a WebGL2 context`);
      assert.equal(loaded.missing_glyphs, '', 'every character drawn is in the font');
      assert.equal(loaded.answer.ok, true);
      assert.match(loaded.answer.bar, /^\d+\|\d{4}年\d+月\d+日/, 'the sticky bar: amount and date in Chinese');
      assert.deepEqual(b.problems(), []);
      mkdirSync(screenshots, { recursive: true });
      await b.screenshot(path.join(screenshots, `engines-${key}.png`));
    });

    test('the worker compiled the wasm and warmed the first frame up, without a failure', async () => {
      const head_start = await b.run(() => window.yibao.head_start);
      assert.deepEqual(head_start, { worker: true, compiled: true, rules: true, frame: true, failed: null },
                       `${b.version}: window.yibao.head_start`);
    });

    test('window.yibao.quote agrees with `yibao quote`', async () => {
      for (const request of requests) {
        assert.deepEqual(await b.run((r) => window.yibao.quote(r), request), native_quote(request),
          `request ${JSON.stringify(request)}`);
      }
      const broken = await b.run(() => window.yibao.quote('{"year": 2025,\n "district": }'));
      assert.equal(broken.ok, false);
      assert.equal(broken.errors[0].field, 'request');
    });

    test('a mouse click on 二档 changes the answer to the CLI\'s', async () => {
      const s0 = loaded;
      assert.equal(s0.form.tier, 1);
      const w = s0.widgets['tier.2'];
      assert.ok(w && w.visible, `tier.2 on screen: ${JSON.stringify(w)}`);
      await b.click(w.x + w.w / 2, w.y + w.h / 2);
      const s1 = await wait_for(b, (s) => s.form.tier === 2, 'the click on 二档');
      assert.notEqual(s1.answer.due, s0.answer.due);
      assert_screen_matches_cli(s1);
    });

    test('the mouse wheel scrolls the page', async () => {
      const s0 = await b.run(settled_state);
      assert.ok(s0.scroll_max > 0, 'the page is taller than the window');
      await b.wheel(s0.width / 2, s0.height / 2, 240);
      await wait_for(b, (s) => s.scroll_y > s0.scroll_y, 'a scroll by the wheel');
    });

    // WebKit's fetch() never takes the response of a <link rel=preload as=fetch> (whatever its
    // crossorigin, type or the server's caching): a file started that way comes twice. The page
    // starts its early downloads with fetch() in an inline script instead, taken by web/js/load.js.
    test('cold load: the server sent every file at most once', () => {
      const hint = 'a <link rel=preload as=fetch> in web/index.html? WebKit fetches such a file twice';
      for (const f of ['/index.html', '/yibao.js', '/yibao-later.js', '/yibao.wasm', '/yibao-deferred.wasm'])
        assert.equal(requested[f], 1, `${f} fetched once: ${JSON.stringify(requested)} (${hint})`);
      const twice = Object.entries(requested).filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], `fetched more than once: ${JSON.stringify(twice)} (${hint})`);
    });
  });
}
