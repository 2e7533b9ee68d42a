// Every resident can read and use the page: the semantics layer over the canvas (web/js/a11y.js).
// The scenarios are walked the way a screen reader user walks them: controls found by role and
// name in the accessibility tree, activated with element.click() (a screen reader's double tap),
// dates set through the date input, and the amount and dates read back from the accessibility
// tree (CDP Accessibility.getFullAXTree) — equal to `yibao quote` and to the documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, open_page, phone, settle, idle, shot, state, native_quote, here, drag, reveal } from './lib.mjs';

const base = process.env.YIBAO_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// --- the accessibility tree, as a screen reader gets it ---

// Every node's role, name, properties and text (its StaticText descendants joined), in reading order.
async function ax_nodes(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const by_id = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  const text_of = (n) => {
    if (n.role?.value === 'StaticText') return n.name?.value || '';
    return (n.childIds || []).map((c) => (by_id.get(c) ? text_of(by_id.get(c)) : '')).join('');
  };
  const walk = (n) => {
    const role = n.role?.value;
    if (!n.ignored && role !== 'StaticText' && role !== 'InlineTextBox') {
      const props = {};
      for (const p of n.properties || []) props[p.name] = p.value.value;
      out.push({ role, name: n.name?.value || '', text: text_of(n).replace(/\n/g, ''), props });
    }
    for (const c of n.childIds || []) if (by_id.get(c)) walk(by_id.get(c));
  };
  walk(nodes[0]);
  return out;
}

// What the answer says, read from the tree: the amount, the coverage and the waiting period.
async function ax_answer(page) {
  const nodes = await ax_nodes(page);
  const texts = nodes.filter((n) => n.role === 'paragraph').map((n) => n.text);
  const due = texts.find((t) => /^应缴 [\d,.]+ 元$/.test(t));
  const coverage = texts.find((t) => t.startsWith('享受待遇：'));
  const waiting = texts.find((t) => t.startsWith('等待期') || t === '没有等待期。');
  const bar = nodes.find((n) => n.role === 'button' && n.text.startsWith('应缴'));
  return { due: due ? Number(due.replace(/[^\d.]/g, '')) : null, coverage, waiting, bar: bar?.text, nodes };
}

// 2026-03-07 -> 2026年3月7日 (the one date format residents see).
function zh(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

// A screen reader's double tap: a click event on the element (no pointer, no coordinates).
async function activate(locator) {
  await locator.evaluate((el) => el.click());
  await settle(locator.page());
}

async function choose_date(page, name, iso) {
  const input = page.getByRole('textbox', { name }).or(page.locator(`#a11y input[aria-label="${name}"]`)).first();
  await input.fill(iso);
  await settle(page);
}

function assert_answer_is(answer, cli) {
  assert.ok(cli.ok, `the CLI quotes: ${JSON.stringify(cli.errors)}`);
  assert.equal(answer.due, cli.due, 'the amount read from the accessibility tree');
  assert.equal(answer.coverage, `享受待遇：${zh(cli.coverage_start)}至${zh(cli.coverage_end)}`);
  if (cli.waiting)
    assert.equal(answer.waiting,
      `等待期${cli.waiting.days}天：${zh(cli.waiting.from)}至${zh(cli.waiting.to)}，期间看病不能报销。`);
  else assert.equal(answer.waiting, '没有等待期。');
  assert.ok(answer.bar.startsWith(`应缴${cli.due}元`), `the top bar reads the amount: ${answer.bar}`);
}

test('screen reader: an ordinary resident of 万州 paying in the centralized period', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`);
  await activate(page.getByRole('button', { name: /点这里更换区县/ }));
  await activate(page.getByRole('radiogroup', { name: '参保地' }).getByRole('radio', { name: '万州区' }));
  await activate(page.getByRole('radiogroup', { name: '缴费档次' }).getByRole('radio', { name: /^一档/ }));
  const nodes = await ax_nodes(page);
  const tier1 = nodes.find((n) => n.role === 'radio' && n.name.startsWith('一档'));
  assert.equal(tier1.props.checked, 'true', 'the radio reports its state');
  const answer = await ax_answer(page);
  // 渝医保发〔2025〕42号: 2026 一档 400 yuan; paid in the centralized period, covered all year.
  assert.equal(answer.due, 400);
  assert_answer_is(answer, native_quote({ year: 2026, district: 'wanzhou', person: 'resident', categories: [],
    tier: 1, paid_on: '2025-11-20', continuous: true }));
  assert.equal(answer.coverage, '享受待遇：2026年1月1日至2026年12月31日');
  assert.deepEqual(problems, []);
  await context.close();
});

test('screen reader: a 低保 resident paying late after two years without cover', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-08-15`);
  await activate(page.getByRole('button', { name: /我属于资助人员/ }));
  await activate(page.getByRole('checkbox', { name: /^城乡低保对象/ }));
  await activate(page.getByRole('radiogroup', { name: '上一年度是否参保' }).getByRole('radio', { name: /没有/ }));
  await activate(page.getByRole('button', { name: '断保年数加一年' }));
  const nodes = await ax_nodes(page);
  assert.ok(nodes.some((n) => n.role === 'paragraph' && n.text === '断保2年'), 'the break years read back');
  assert.equal(nodes.find((n) => n.role === 'checkbox' && n.name.startsWith('城乡低保对象')).props.checked, 'true');
  const answer = await ax_answer(page);
  const cli = native_quote({ year: 2025, district: 'chongqing', person: 'resident', categories: ['101'], tier: 1,
    paid_on: '2025-08-15', continuous: false, break_years: 2 });
  assert_answer_is(answer, cli);
  assert.ok(cli.waiting, 'a late payer after a break waits');
  assert.deepEqual(problems, []);
  await context.close();
});

test('screen reader: a newborn, the birth date set through the date input', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2026-03-10`);
  await activate(page.getByRole('radiogroup', { name: '参保人' }).getByRole('radio', { name: /^新生儿/ }));
  const birth = page.locator('#a11y input[type=date][aria-label="出生日期"]');
  assert.equal(await birth.getAttribute('max'), '2026-12-31', 'the picker offers only dates that can be quoted');
  await choose_date(page, '出生日期', '2026-03-07');
  const answer = await ax_answer(page);
  assert_answer_is(answer, native_quote({ year: 2026, district: 'chongqing', person: 'newborn', categories: [],
    tier: 1, paid_on: '2026-03-10', birth_date: '2026-03-07' }));
  assert.ok(answer.coverage.startsWith('享受待遇：2026年3月7日'), 'covered from the day of birth');
  assert.equal((await state(page)).form.birth_date, '2026-03-07');
  assert.deepEqual(problems, []);
  await context.close();
});

test('find-in-page and copying: the amount is real text, and a long press can select it', async () => {
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20&district=wanzhou`);
  const found = await page.evaluate(() => {
    const text = document.getElementById('a11y').innerText;
    return { due: text.includes('应缴'), amount: /应缴 400 元/.test(text) };
  });
  assert.deepEqual(found, { due: true, amount: true });
  const selected = await page.evaluate(() => {
    const el = document.querySelector('#a11y [data-id="answer.due"]');
    const style = getComputedStyle(el);
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return { text: getSelection().toString(), select: style.userSelect, events: style.pointerEvents };
  });
  assert.equal(selected.text, '应缴 400 元');
  assert.equal(selected.select, 'text');
  assert.equal(selected.events, 'auto', 'a long press reaches the text');
  // A finger dragging over that text still scrolls the page.
  await page.evaluate(() => getSelection().removeAllRanges());
  const w = await reveal(page, 'answer.due');
  const before = (await state(page)).scroll_y;
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-id]')?.dataset?.id, [w.x + 20, w.y + w.h / 2]);
  assert.equal(hit, 'answer.due', 'the finger lands on the text');
  await drag(page, w.x + 20, w.y + w.h / 2, -150);
  assert.ok((await state(page)).scroll_y > before + 100, 'the page scrolled with the finger');
  await context.close();
});

test('keyboard only on a desktop: Tab, arrows, Space and Enter, a ring on the canvas, the focus kept in view', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`, {
    viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a.dataset ? a.dataset.id || null : null;
  });
  // Tab in reading order: the bar, 字号, the district, the years...
  const order = [];
  for (let i = 0; i < 6; ++i) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  assert.deepEqual(order.slice(0, 4), ['bar', 'text_size', 'district.open', 'year.2026'],
    `reading order: ${order.join(' ')}`);
  // Tab until the tier question; an arrow chooses 二档.
  for (let i = 0; i < 30 && (await focused()) !== 'tier.1'; ++i) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'tier.1');
  await settle(page);
  let s = await state(page);
  assert.ok(s.scroll_y > 0, 'the page scrolled to keep the focused question in view');
  assert.equal(s.focus, 'tier.1', 'the canvas draws the focus ring there');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  s = await state(page);
  assert.equal(await focused(), 'tier.2', 'the arrow moved within the question');
  assert.equal(s.form.tier, 2, 'and chose it');
  assert.equal((await ax_answer(page)).due, 775, '渝医保发〔2025〕42号: 2026 二档 775 yuan');
  // Space toggles a checkbox, Enter presses a button.
  for (let i = 0; i < 30 && (await focused()) !== 'cat.more'; ++i) await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'cat.more');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.ok((await state(page)).widgets['cat.101'], 'Enter opened the list of categories');
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 30 && (await focused()) !== 'cat.101'; ++i) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await settle(page);
  assert.deepEqual((await state(page)).form.categories, ['101'], 'Space chose 城乡低保对象');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas', 'the focus is never on the canvas');
  await shot(page, '40-keyboard-focus-ring');
  assert.deepEqual(problems, []);
  await context.close();
});

// --- axe-core: WCAG 2 A and AA ---

async function axe(page) {
  await page.addScriptTag({ path: path.join(here, 'node_modules/axe-core/axe.min.js') });
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
    target: v.nodes[0]?.target?.join(' ') }));
}

test('axe-core (WCAG 2 A and AA): no serious or critical violation on the start screen, an answer, kiosk and 大字', async () => {
  const cases = [
    { name: 'start', url: '?today=2026-11-25' },
    { name: 'answered', url: '?today=2025-11-20&district=wanzhou&tier=2' },
    { name: 'kiosk', url: '?today=2025-11-20&mode=kiosk&text=large' },
    { name: '大字', url: '?today=2025-11-20&text=large' },
    // A family of four (README "A household"): a 低保 grandparent, a parent with a year without cover, a student, a newborn.
    { name: '全家', url: '?today=2025-11-20&district=wanzhou&categories=101&m0.label=father&m1.label=self&m1.break=1'
      + '&m2.label=child&m2.person=student&m3.label=child&m3.person=newborn&m3.birth=2025-11-20' },
  ];
  const report = {};
  for (const c of cases) {
    const { context, page } = await open_page(browser, `${base}${c.url}`);
    await settle(page, 10);
    const v = await axe(page);
    report[c.name] = v;
    const bad = v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
    assert.deepEqual(bad, [], `${c.name}: ${JSON.stringify(bad)}`);
    await context.close();
  }
  console.log(`axe-core: ${JSON.stringify(report)}`);
});

// --- text the size it says ---

test('glyphs are the size they claim: 17 ± 1 CSS px in 标准, at least 20 in 大字, at DPR 2 and 3', async () => {
  for (const dpr of [2, 3]) {
    const { context, page } = await open_page(browser, `${base}?today=2025-11-20`, { deviceScaleFactor: dpr });
    let s = await state(page);
    // Read from the atlas: the advance of a full-width ideograph is its em.
    assert.ok(Math.abs(s.glyph_em.body - 17) <= 1, `DPR ${dpr} 标准: body em ${s.glyph_em.body}`);
    await page.evaluate(() => window.yibao.text_size(1));
    await settle(page);
    s = await state(page);
    assert.equal(s.text_step, 'large');
    assert.ok(s.glyph_em.body >= 20, `DPR ${dpr} 大字: body em ${s.glyph_em.body}`);
    const tier = s.widgets['tier.1'];
    assert.ok(tier.h >= 60, `大字: targets at least 60 px high (${tier.h})`);
    // The text of the semantics layer has the same size as what is drawn.
    const px = await page.evaluate(() => parseFloat(document.querySelector('#a11y p.text:not(.said)').style.fontSize));
    assert.ok(Math.abs(px - s.glyph_em.body) <= 0.5, `the DOM text is ${px} px`);
    await context.close();
  }
});

test('字号: the button cycles 标准 → 大字 → 特大, remembered on the device; ?text=large sets it; a pinch steps it', async () => {
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20`);
  assert.equal((await state(page)).text_step, 'standard');
  await activate(page.getByRole('button', { name: /^字号：标准/ }));
  assert.equal((await state(page)).text_step, 'large');
  assert.equal(await page.evaluate(() => localStorage.getItem('yibao.text')), 'large');
  await page.reload();
  await page.evaluate(() => window.yibao.ready);
  assert.equal((await state(page)).text_step, 'large', 'remembered on this device');
  // Two fingers spreading apart: one step larger.
  const cdp = await context.newCDPSession(page);
  const pts = (d) => [{ x: 195 - d, y: 400, id: 1 }, { x: 195 + d, y: 400, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pts(40) });
  for (const d of [50, 60, 70, 80]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pts(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page);
  assert.equal((await state(page)).text_step, 'xlarge', 'a pinch outwards: 特大');
  await context.close();
  const kiosk = await open_page(browser, `${base}?today=2025-11-20&mode=kiosk&text=large`);
  assert.equal((await state(kiosk.page)).text_step, 'large', '?text=large on a kiosk');
  await kiosk.context.close();
});

// --- 朗读 ---

test('朗读: shown only with a Mandarin voice; reads the amount, the coverage and the waiting period', async () => {
  const without = await open_page(browser, `${base}?today=2025-11-20`);
  await without.page.addInitScript(() => {});
  const none = await without.page.evaluate(() => !!document.querySelector('#a11y [data-id="action.speak"]'));
  const voices = await without.page.evaluate(() => (window.speechSynthesis?.getVoices() || []).filter((v) => /^zh/.test(v.lang)).length);
  if (voices === 0) assert.equal(none, false, 'no zh voice: no 朗读 button');
  await without.context.close();

  const context = await browser.newContext({ ...phone });
  await context.addInitScript(() => {
    // A browser with a zh-CN voice (headless Chromium has none): what it is asked to say is kept.
    const voice = { lang: 'zh-CN', name: 'test', default: true, localService: true, voiceURI: 'test' };
    window.__said = [];
    const synth = { getVoices: () => [voice], speak: (u) => window.__said.push(u.text), cancel: () => {},
      addEventListener: () => {} };
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
  });
  const page = await context.newPage();
  await page.goto(`${base}?today=2025-08-15`);
  await page.evaluate(() => window.yibao.ready);
  await settle(page, 8);
  await activate(page.getByRole('button', { name: '朗读结果' }));
  await new Promise((r) => setTimeout(r, 100));
  const said = await page.evaluate(() => window.__said);
  const cli = native_quote({ year: 2025, district: 'chongqing', person: 'resident', categories: [], tier: 1,
    paid_on: '2025-08-15', continuous: true });
  assert.equal(said.length, 1);
  assert.ok(said[0].includes(`应缴${cli.due}元`), said[0]);
  assert.ok(said[0].includes(zh(cli.coverage_start)), said[0]);
  assert.ok(said[0].includes(`等待期${cli.waiting.days}天`), said[0]);
  await context.close();
});

// --- idle stays idle ---

test('idle: no DOM mutation and no frame for 3 s without input; a click still answers on the next frame', async () => {
  const { context, page } = await open_page(browser, `${base}?today=2025-11-20`);
  await idle(page);
  const before_frame = (await state(page)).frame;
  const mutations = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const mo = new MutationObserver((list) => { n += list.length; });
    mo.observe(document.getElementById('a11y'), { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => { mo.disconnect(); resolve(n); }, 3000);
  }));
  assert.equal(mutations, 0, 'the semantics layer was not touched while idle');
  assert.equal((await state(page)).frame, before_frame, 'no frame while idle');
  // A click on the tier-2 radio: the answer on the very next frame.
  const next = await page.evaluate(() => new Promise((resolve) => {
    const start = window.yibao.state().frame;
    document.querySelector('#a11y [data-id="tier.2"]').click();
    requestAnimationFrame(() => setTimeout(() => {
      const s = window.yibao.state();
      resolve({ frames: s.frame - start, tier: s.form.tier, due: s.answer.due });
    }, 0));
  }));
  assert.equal(next.frames, 1);
  assert.equal(next.tier, 2);
  assert.equal(next.due, '775');
  await context.close();
});

// --- look at it ---

test('screenshots: 360 px in 标准 and 大字, a kiosk in 大字, the first screen on 2026-11-25', async () => {
  const small = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };
  for (const [name, url, opts] of [
    ['41-360-standard', '?today=2025-11-20&district=wanzhou', small],
    ['42-360-large', '?today=2025-11-20&district=wanzhou&text=large', small],
    ['43-kiosk-large', '?today=2025-11-20&mode=kiosk&text=large',
      { viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, isMobile: false, hasTouch: true }],
    ['44-first-screen-2026-11-25', '?today=2026-11-25', small],
  ]) {
    const { context, page, problems } = await open_page(browser, `${base}${url}`, opts);
    await settle(page, 8);
    await shot(page, name);
    assert.equal((await state(page)).missing_glyphs, '');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
