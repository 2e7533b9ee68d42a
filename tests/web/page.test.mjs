// The page loads cleanly, answers like the CLI, reads URL parameters, fits phones and desktops,
// and says so plainly when the browser lacks WebAssembly or WebGL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { first_screens, launch, open_page, phone, root, settle, shot, state, native_quote } from './lib.mjs';

const base = process.env.YIBAO_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


const requests = [
  { year: 2026, district: 'wanzhou', person: 'resident', categories: ['101'], tier: 1, paid_on: '2025-12-20', continuous: true },
  { year: 2026, district: 'chongqing', person: 'resident', categories: [], tier: 2, paid_on: '2025-10-01', continuous: true },
  { year: 2025, district: 'wanzhou', person: 'resident', categories: [], tier: 1, paid_on: '2025-08-15', continuous: false, break_years: 2 },
  { year: 2025, district: 'youyang', person: 'resident', categories: ['101'], tier: 1, paid_on: '2025-08-15', continuous: true },
  { year: 2025, district: 'shizhu', person: 'student', categories: [], tier: 1, paid_on: '2024-10-10', continuous: true },
  { year: 2026, district: 'dianjiang', person: 'newborn', categories: [], tier: 1, paid_on: '2026-03-10', birth_date: '2026-03-01' },
  { year: 2026, district: 'chongqing', person: 'newborn', categories: [], tier: 1, paid_on: '2026-01-10', birth_date: '2025-11-20', pays_birth_year: true },
  { year: 2025, district: 'wanzhou', person: 'resident', categories: ['101', '102'], tier: 2, paid_on: '2024-12-01', continuous: true },
  { year: 2026, district: 'chongqing', person: 'resident', categories: [], tier: 1, paid_on: '2026-11-23', continuous: true },
  { year: 2026, district: 'chongqing', person: 'resident', categories: [], tier: 3, paid_on: '2025-12-01', continuous: true },
  { year: 2026, district: 'nowhere', person: 'resident', tier: 1, paid_on: '2025-12-01', continuous: true },
  '{"year": 2026, "district": ',
];

test('the page loads without console errors and draws Chinese text without missing glyphs', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`);
  await settle(page);
  const s = await state(page);
  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => window.yibao.webgl), 2, 'WebGL2 context');
  assert.equal(s.missing_glyphs, '', 'every character drawn is in the font');
  assert.equal(s.answer.ok, true);
  // The only inputs are the semantics layer's date inputs (the platform's picker), no keyboard text.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('input, textarea, select')].map((e) => e.type)),
    ['date'], 'no text field');
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio,
             touch: getComputedStyle(c).touchAction,
             viewport: document.querySelector('meta[name=viewport]').content };
  });
  assert.equal(canvas.w, Math.round(canvas.cw * canvas.dpr), 'backing width = CSS width × DPR');
  assert.equal(canvas.h, Math.round(canvas.ch * canvas.dpr), 'backing height = CSS height × DPR');
  assert.equal(canvas.touch, 'none');
  // Zoom is not forbidden (WCAG 1.4.4); over the canvas (touch-action none) a pinch steps the 字号.
  assert.doesNotMatch(canvas.viewport, /user-scalable=no|maximum-scale/);
  await shot(page, '01-load-phone');
  await context.close();
});

test('first screens are drawn with the first font alone; the full font follows and the atlas gets every glyph', async () => {
  // The first font (yibao-sc-first.otf) holds web/first-glyphs.txt: a first screen that needs a
  // character it lacks waits for the full font (a slower first answer). `make first-glyphs` fixes it.
  const waited = [];
  const rebuilt = [];
  for (const { query, context } of first_screens()) {
    const ctx = await browser.newContext(context);
    const page = await ctx.newPage();
    await page.goto(`${base}?sw=0&${query}`);
    const f = await page.evaluate(async () => {
      await window.yibao.ready;
      const first = window.yibao.font_state();
      const t0 = performance.now();
      while (!window.yibao.font_state().full && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 50));
      return { first, later: window.yibao.font_state(), missing: window.yibao.state().missing_glyphs };
    });
    if (f.first.first_frame_waited) waited.push(`${query} ${context.viewport.width}×${context.viewport.height}: ${f.first.first}`);
    // The layout-only first pass (stage 0: advances from the font's tables) saw what the real
    // atlas shows: one atlas for the first frame, not one more for glyphs it missed.
    if (f.first.first_builds !== 1) rebuilt.push(`${query} ${context.viewport.width}×${context.viewport.height}: ${f.first.first_builds}`);
    assert.equal(f.later.full, true, `${query}: the full font never arrived`);
    assert.equal(f.later.stage, 2, `${query}: the atlas did not get every glyph`);
    assert.equal(f.missing, '', `${query}: glyphs drawn as boxes`);
    await ctx.close();
  }
  assert.deepEqual(waited, [], 'these first screens waited for the full font: run `make first-glyphs`');
  assert.deepEqual(rebuilt, [], 'these first screens needed more than one atlas before the first frame');
});

test('first screens run nothing of the deferred module, which comes once, after the first frame', async () => {
  // yibao-deferred.wasm holds what web/deferred-functions.txt lists (`make split-profile`: what no
  // first frame ran). A first screen that calls one of them before it is in goes through a
  // placeholder that loads it synchronously: a slower first answer, and no way at all in browsers
  // that refuse synchronous compilation.
  const early = [];
  const screens = [...first_screens(), ...['district=shizhu&categories=101', 'district=wanzhou&person=newborn&birth=2025-10-01',
    'district=wanzhou&m0.label=father&m1.label=self&m1.break=1&m2.label=child&m2.person=student', 'district=nowhere',
    'year=2025&district=shizhu&tier=2']
    .map((q) => ({ query: `today=2025-11-20&${q}`, context: phone }))];
  for (const { query, context } of screens) {
    const ctx = await browser.newContext(context);
    const page = await ctx.newPage();
    const fetched = [];
    page.on('request', (r) => { if (/yibao-deferred\.wasm/.test(r.url())) fetched.push(r.url()); });
    await page.goto(`${base}?sw=0&${query}`);
    const d = await page.evaluate(async () => {
      await window.yibao.ready;
      const deferred = performance.getEntriesByType('resource').filter((e) => /yibao-deferred\.wasm/.test(e.name));
      return { ...window.yibao.deferred, first: window.yibao.first_frame_ms, at: deferred.map((e) => e.startTime) };
    });
    assert.equal(d.split, true, 'the page is split (web/tools/split_wasm.py)');
    assert.equal(d.loaded, true);
    if (d.placeholder_calls) early.push(`${query} ${context.viewport.width}×${context.viewport.height}: ${d.placeholder_calls}`);
    assert.equal(fetched.length, 1, `${query}: yibao-deferred.wasm fetched ${fetched.length} times`);
    assert.ok(d.at.length === 1 && d.at[0] >= d.first, `${query}: fetched at ${d.at} ms, the first frame at ${d.first} ms`);
    await ctx.close();
  }
  assert.deepEqual(early, [], 'these first screens called into the deferred module: run `make split-profile`');
});

test('window.yibao.quote agrees with `yibao quote` on a set of requests', async () => {
  const { context, page, problems } = await open_page(browser, base);
  for (const request of requests) {
    const web = await page.evaluate((r) => window.yibao.quote(r), request);
    const cli = native_quote(request);
    assert.deepEqual(web, cli, `request ${JSON.stringify(request)}`);
  }
  // Broken input answers with errors, in the page as in the CLI (the wasm build has no exceptions).
  const broken = await page.evaluate(() => window.yibao.quote('{"year": 2025,\n "district": }'));
  assert.equal(broken.ok, false);
  assert.equal(broken.errors[0].field, 'request');
  assert.match(broken.errors[0].message, /第2行/);
  const bad_field = await page.evaluate(() => window.yibao.quote({ year: 2025, district: 'wanzhou', tier: 1, paid_on: '2025-02-30' }));
  assert.equal(bad_field.errors[0].field, 'paid_on');
  assert.ok((await page.evaluate(() => window.yibao.catalogue())).years.length >= 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('URL parameters preselect the answers', async () => {
  const { context, page } = await open_page(
    browser, `${base}?today=2025-11-20&district=wanzhou&year=2025&tier=2&person=student&paid=2024-12-01&break=2`);
  const s = await state(page);
  assert.equal(s.form.district, 'wanzhou');
  assert.equal(s.form.year, 2025);
  assert.equal(s.form.tier, 2);
  assert.equal(s.form.person, 'student');
  assert.equal(s.form.paid_on, '2024-12-01');
  assert.equal(s.form.continuous, false);
  assert.equal(s.form.break_years, 2);
  const cli = native_quote({ year: 2025, district: 'wanzhou', person: 'student', categories: [], tier: 2,
                             paid_on: '2024-12-01', continuous: false, break_years: 2 });
  assert.equal(s.answer.ok, cli.ok);
  if (cli.ok) assert.equal(Number(s.answer.due), cli.due);
  await context.close();
});

// The years of the page's own rules (window.yibao.catalogue()), from a page opened for it.
async function loaded_years() {
  const { context, page } = await open_page(browser, base);
  const years = (await page.evaluate(() => window.yibao.catalogue())).years.map((y) => y.year);
  await context.close();
  return years;
}

test('after the latest loaded enrollment year, the page says the next year is not loaded', async () => {
  const latest = Math.max(...await loaded_years());
  const { context, page } = await open_page(browser, `${base}?today=${latest}-11-23`);
  const s = await state(page);
  assert.equal(s.missing_year, latest + 1);
  assert.match(s.banner, new RegExp(`${latest + 1}年度`));
  assert.match(s.banner, /没有收录/);
  assert.equal(s.form.year, latest, 'falls back to the latest loaded year, said plainly');
  await shot(page, `02-missing-${latest + 1}`);
  await context.close();
});

test('one centred column on a small phone, in landscape and on a desktop', async () => {
  const layouts = [
    { name: '03-phone-360', options: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 } },
    { name: '04-landscape', options: { viewport: { width: 844, height: 390 }, deviceScaleFactor: 3 } },
    { name: '05-desktop', options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false } },
  ];
  for (const { name, options } of layouts) {
    const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`, options);
    const s = await state(page);
    const w = s.widgets['district.open'];
    assert.ok(w, 'district question on screen');
    assert.ok(w.w <= 480 - 2 * 16 - 2 * 14 + 1, `column capped (${w.w})`);
    const left = w.x, right = s.width - (w.x + w.w);
    assert.ok(Math.abs(left - right) <= 2, `column centred (${left} vs ${right})`);
    assert.ok(w.h >= 44, 'touch target at least 44 CSS px');
    assert.deepEqual(problems, []);
    await shot(page, name);
    await context.close();
  }
});

test('the loading message shows while the files are slow to arrive, and goes with the first frame', async () => {
  const context = await browser.newContext(phone);
  // The wasm held back 3 s (a slow network): the page says it is loading after about a second.
  await context.route(/yibao\.wasm/, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${base}?today=2025-11-20`);
  await page.locator('#msg').waitFor({ state: 'visible', timeout: 2900 });
  assert.equal(await page.locator('#msg').textContent(), '正在加载计算器…');
  assert.equal(await page.locator('#msg').getAttribute('role'), 'status');
  await shot(page, '08-loading-slow');
  await page.evaluate(() => window.yibao.ready);
  assert.equal(await page.locator('#msg').isVisible(), false, 'hidden once the calculator is drawn');
  await context.close();
});

test('a browser without WebAssembly gets a plain message instead of a blank canvas', async () => {
  const context = await browser.newContext(phone);
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(base);
  const text = await page.locator('#msg').textContent();
  assert.match(text, /不支持 WebAssembly/);
  await shot(page, '06-no-wasm');
  await context.close();
});

test('a browser whose WebAssembly lacks what the module is built with is told so, and fetches neither wasm nor font', async () => {
  // Engines from before 2021, each without one feature the module is built with (cmake/web.cmake):
  // their validators refuse a module that uses its instructions (bulk memory's memory.fill is
  // 0xfc 0x0b; sign extension's i32.extend8_s, after an i32.const 0, is 0x41 0x00 0xc0).
  for (const [engine, opcode] of [['Safari 14', [0xfc, 0x0b]], ['Chrome 73', [0x41, 0x00, 0xc0]]]) {
    const context = await browser.newContext(phone);
    await context.addInitScript((op) => {
      const validate = WebAssembly.validate;
      const uses = (b) => { for (let i = 0; i + op.length <= b.length; ++i) if (op.every((x, k) => b[i + k] === x)) return true; return false; };
      WebAssembly.validate = (bytes) => !uses(new Uint8Array(bytes.buffer || bytes)) && validate(bytes);
    }, opcode);
    const page = await context.newPage();
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(base);
    assert.match(await page.locator('#msg').textContent(), /版本较旧.*WebAssembly.*请升级/, engine);
    assert.equal(await page.locator('#msg').isVisible(), true, engine);
    assert.deepEqual(asked.filter((p) => /\.(wasm|otf)$/.test(p)), [], `${engine}: no wasm, no font`);
    if (engine === 'Safari 14') await shot(page, '06-old-wasm');
    await context.close();
  }
});

test('a browser without WebGL gets a plain message, and yibao.quote still answers', async () => {
  const context = await browser.newContext(phone);
  await context.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return /webgl/.test(type) ? null : get.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.evaluate(() => window.yibao.ready);
  assert.match(await page.locator('#msg').textContent(), /不支持 WebGL/);
  assert.equal(await page.locator('#msg').isVisible(), true);
  const q = await page.evaluate(() => window.yibao.quote(
    { year: 2026, district: 'wanzhou', person: 'resident', categories: [], tier: 1, paid_on: '2025-12-20', continuous: true }));
  assert.equal(q.ok, true);
  await shot(page, '07-no-webgl');
  await context.close();
});

test('the first read takes the rules of the year the first screen quotes; the whole book agrees with the calendar it offered the others from', async () => {
  // 2026's enrollment opened on 2025-09-01 (渝医保发〔2025〕42号 一, rules/chongqing/2026/municipal.json).
  // Read once: a link's district is found in the district list first (石柱 has a file of its own
  // for 2025, none for 2026; 北京 is no district: the screens say so).
  const every = ['districts.json', '2025/municipal.json', '2026/municipal.json'];
  const cases = [
    ['?today=2025-11-20', [2026], ['districts.json', '2026/municipal.json']],
    ['?today=2025-11-20&district=shizhu&tier=2', [2026], ['districts.json', '2026/municipal.json']],
    ['?today=2025-06-01', [2025], ['districts.json', '2025/municipal.json']],
    ['?today=2025-06-01&district=%E7%9F%B3%E6%9F%B1', [2025], ['districts.json', '2025/municipal.json', '2025/shizhu.json'],
      'shizhu'],
    ['?today=2025-06-01&district=%E5%8C%97%E4%BA%AC', [2025], ['districts.json', '2025/municipal.json']],
    ['?today=2025-11-20&year=2025', [], every],  // the address's year and the preselected one: every year
    ['?today=2025-11-20&year=2025&district=wanzhou', [], [...every, '2025/wanzhou.json'], 'wanzhou'],
  ];
  for (const [query, first_years, first_files, district] of cases) {
    const { context, page, problems } = await open_page(browser, base + query);
    try {
      await page.waitForFunction(() => window.yibao.rules_state().complete, null, { timeout: 10000 });
      const rules = await page.evaluate(() => window.yibao.rules_state());
      assert.deepEqual(rules.first_years, first_years, `${query}: the years read first`);
      assert.equal(rules.first_reads, 1, `${query}: the rules read once before the first frame`);
      assert.deepEqual(rules.first_files.map((f) => f.replace(/^rules\/chongqing\//, '')).sort(), [...first_files].sort(),
        `${query}: the files read first`);
      assert.equal(rules.calendar, first_years.length ? 'agrees' : '', `${query}: the calendar against the whole book`);
      const s = await state(page);
      assert.equal(s.form.year, first_years.length ? first_years[0] : 2025, `${query}: the year quoted`);
      if (district) assert.equal(s.form.district, district, `${query}: the district quoted`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('the worker compiles the wasm and warms the first frame up; without it, or when it fails, the page is the same', async () => {
  const url = `${base}?today=2025-12-01&district=youyang&tier=2`;
  // The same first screen three ways: with the worker; in a browser without workers; with a worker
  // that is handed bytes it cannot compile (the page then compiles the wasm itself).
  const ways = {
    worker: { script: () => {}, head_start: { worker: true, compiled: true, rules: true, frame: true, failed: null } },
    none: { script: () => { delete window.Worker; }, head_start: { worker: false, compiled: false, rules: false, frame: false, failed: null } },
    broken: {
      script: () => {
        const Real = window.Worker;
        window.Worker = function (url) {
          const w = new Real(url);
          const post = w.postMessage.bind(w);
          w.postMessage = (m) => post(m && m.wasm ? { wasm: new Blob(['not a wasm module']) } : m);
          return w;
        };
      },
      head_start: { worker: true, compiled: false, rules: false, frame: false, failed: null },
    },
  };
  const seen = {};
  for (const [name, way] of Object.entries(ways)) {
    const context = await browser.newContext(phone);
    await context.addInitScript(way.script);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning' && /yibao/.test(m.text())) problems.push(m.text()); });
    await page.goto(url);
    await page.evaluate(() => window.yibao.ready);
    // The worker ends by itself once the first frame is warmed up (a few hundred ms after it).
    await page.waitForFunction((want) => window.yibao.head_start.frame === want, way.head_start.frame, { timeout: 10000 });
    assert.deepEqual(await page.evaluate(() => window.yibao.head_start), way.head_start, `${name}: window.yibao.head_start`);
    // The worker's own steps as marks on the page's clock (make bench-web): all of them, in the order
    // it took them (marks come in time order).
    const steps = await page.evaluate(() => performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('yibao:worker-')).map((m) => m.name.slice(13)));
    assert.deepEqual(steps, { worker: ['started', 'compiled', 'rules', 'frame'], none: [], broken: ['started'] }[name],
                     `${name}: the worker's marks`);
    assert.deepEqual(problems, [], `${name}: no errors or warnings`);
    // What the screen shows; not how many frames were drawn by now, nor whether the offline copy
    // is in yet (both follow the machine's timing).
    const { frame, offline_ready, ...shown } = await state(page);
    seen[name] = shown;
    await context.close();
  }
  assert.equal(seen.worker.answer.ok, true);
  assert.deepEqual(seen.none, seen.worker, 'without a worker: the same first screen');
  assert.deepEqual(seen.broken, seen.worker, 'with a worker that cannot compile: the same first screen');
});

test('a lost WebGL context comes back, with the same answers', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-12-01&district=youyang&tier=2`);
  try {
    const before = await state(page);
    await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2') || document.getElementById('canvas').getContext('webgl');
      gl.getExtension('WEBGL_lose_context').loseContext();
    });
    // The page reloads itself from its URL (which holds the answers) and draws again.
    await page.waitForEvent('load', { timeout: 10000 });
    await page.evaluate(() => window.yibao.ready);
    const after = await state(page);
    assert.deepEqual(after.form, before.form);
    assert.equal(after.answer.due, before.answer.due);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the strict contract holds in the page: window.yibao.quote and the URL use the core parser', async () => {
  const { context, page, problems } = await open_page(
    browser, `${base}?today=2025-11-20&district=%E4%B8%87%E5%B7%9E%E5%8C%BA&year=4294969321&tier=1.0&mode=&from=singlemessage`);
  // The same answers as the CLI for what used to slip through (issue 8).
  const texts = [
    '{"year":2026,"district":"wanzhou","catgories":["101"],"tier":1,"paid_on":"2026-01-15","continuous":true}',
    '{"year":2025,"district":"wanzhou","tier":1,"paid_on":"2025-01-15","continuous":null}',
    '{"year":2025,"year":2026,"district":"wanzhou","tier":1,"paid_on":"2025-01-15"}',
    '{"year":4294969321,"district":"wanzhou","tier":4294967297,"paid_on":"2025-01-15"}',
    '{"year":1e10,"district":"wanzhou","tier":1,"paid_on":"2025-01-15"}',
    '{"year":2026,"district":"万州区","categories":["101"],"tier":1,"paid_on":"2026-01-15","continuous":true}',
    '{"year":2025,"district":"酉阳土家族苗族自治县","tier":1,"paid_on":"2024-12-31"}',
  ];
  for (const text of texts) {
    const web = await page.evaluate((t) => window.yibao.quote(t), text);
    assert.deepEqual(web, native_quote(text), text);
  }
  const misspelt = await page.evaluate((t) => window.yibao.quote(t), texts[0]);
  assert.equal(misspelt.ok, false);
  assert.equal(misspelt.errors[0].field, 'catgories');
  assert.match(misspelt.errors[0].message, /是否想写 categories/);
  const by_name = await page.evaluate((t) => window.yibao.quote(t), texts[5]);
  assert.equal(by_name.due, 40, '万州区 is wanzhou: 低保 pays 40 of 400');
  // The link: 万州区 is taken as wanzhou; a year past 32 bits and tier 1.0 are refused by name.
  const s = await state(page);
  assert.equal(s.form.district, 'wanzhou');
  assert.equal(s.form.year, 2026, 'the default year, not a wrapped one');
  assert.match((s.errors.year ?? []).join(''), /4294969321/);
  assert.match((s.errors.tier ?? []).join(''), /1\.0/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the screens\' colours are defined once (ui/widgets.h): the glue gets them, the HTML shell and the manifest agree', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`);
  try {
    const palette = await page.evaluate(() => window.yibao.palette());
    for (const name of ['page', 'card', 'text', 'muted', 'line', 'primary', 'error', 'warn', 'good'])
      assert.match(palette[name] || '', /^#[0-9a-f]{6}$/, `palette.${name}`);
    // What shows before the WebAssembly has loaded cannot ask it: it is checked against it here.
    const shell = await page.evaluate(async () => {
      const rgb = (css) => '#' + css.match(/\d+/g).slice(0, 3).map((n) => (+n).toString(16).padStart(2, '0')).join('');
      const manifest = await (await fetch('manifest.webmanifest')).json();
      return {
        theme: document.querySelector('meta[name=theme-color]').content.toLowerCase(),
        background: rgb(getComputedStyle(document.body).backgroundColor),
        manifest_theme: manifest.theme_color.toLowerCase(),
        manifest_background: manifest.background_color.toLowerCase(),
      };
    });
    assert.deepEqual(shell, { theme: palette.primary, background: palette.page,
                              manifest_theme: palette.primary, manifest_background: palette.page });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the glue\'s two scripts: every name yibao-later.js uses is its own, handed over, or the browser\'s', async () => {
  // yibao.js's parts share one scope and yibao-later.js's another (web/js/later_begin.js takes what
  // the first hands over): a name of the first used in the second without being handed over throws
  // only when that line runs (a ReferenceError in strict mode), perhaps only on a kiosk at night.
  const globals = (await import('acorn-globals')).default;
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const gen = path.join(root, 'build/web-cmake/gen');
  const browser_names = new Set(Object.getOwnPropertyNames(globalThis).concat([
    'window', 'document', 'navigator', 'location', 'history', 'performance', 'localStorage', 'getComputedStyle',
    'matchMedia', 'devicePixelRatio', 'innerWidth', 'innerHeight', 'SpeechSynthesisUtterance', 'speechSynthesis',
    'FontFace', 'XMLHttpRequest', 'Worker', 'caches', 'getSelection', 'print', 'CSS', 'Image', 'create_yibao_module',
    'requestAnimationFrame', 'visualViewport', 'screen', 'crypto']));
  for (const file of ['yibao_glue.js', 'yibao_later.js']) {
    const unknown = globals(readFileSync(path.join(gen, file), 'utf8')).map((g) => g.name).filter((n) => !browser_names.has(n));
    assert.deepEqual(unknown, [], `${file} uses names it neither declares nor is handed`);
  }
});
