// A household on the page (README "A household"): a family of four built by taps — a 低保
// grandparent (the person answered above), a parent with one year without cover, a student, a
// newborn — then the same through the accessibility layer only; the family's total and each
// member's first day of cover are the CLI's for the same household request. Screenshots at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch, open_page, root, shot, state, tap, reveal, settle } from './lib.mjs';

const base = process.env.YIBAO_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const narrow = { viewport: { width: 360, height: 780 } };

// The household request the family of four makes (the shared answers as the page's defaults on
// 2025-11-20 in 万州: year 2026, tier 1, paid today).
const family = {
  year: 2026, district: 'wanzhou', tier: 1, paid_on: '2025-11-20',
  members: [
    { label: 'father', categories: ['101'], continuous: true },
    { label: 'self', continuous: false, break_years: 1 },
    { label: 'child', person: 'student', continuous: true },
    { label: 'child', person: 'newborn', birth_date: '2025-11-20', pays_birth_year: false },
  ],
};

const cn = (iso) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function cli_household(request) {
  const r = spawnSync(path.join(root, 'build/native/yibao'), ['quote'], { input: JSON.stringify(request), cwd: root });
  return JSON.parse(r.stdout.toString());
}

function assert_household_matches_cli(s, want_labels) {
  const cli = cli_household(family);
  assert.ok(cli.ok, JSON.stringify(cli.errors));
  assert.ok(s.household, 'household mode');
  assert.equal(s.household.ok, true);
  assert.equal(Number(s.household.due), cli.due, 'the family total is the CLI\'s');
  assert.equal(s.household.members.length, 4);
  s.household.members.forEach((m, i) => {
    assert.equal(m.label, want_labels[i], `member ${i} label`);
    assert.equal(Number(m.due), cli.members[i].due, `member ${i} due`);
    assert.equal(m.coverage_start, cli.members[i].coverage_start, `member ${i} start`);
  });
  return cli;
}

async function step(page, id, times) {
  for (let i = 0; i < times; ++i) await tap(page, id);
}

test('a family of four by taps: the total and each start date', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`, narrow);
  await tap(page, 'district.open');
  await tap(page, 'district.wanzhou');
  await tap(page, 'cat.more');
  await tap(page, 'cat.101');
  await tap(page, 'household.add');
  await step(page, 'm0.label.plus', 2);  // 本人 → 父亲: the grandparent answered above
  await step(page, 'm1.label.minus', 6);  // 其他 → 本人
  await tap(page, 'm1.continuous.no');   // one year without cover
  await tap(page, 'household.add');
  await step(page, 'm2.label.minus', 2);  // 其他 → 子女
  await tap(page, 'm2.person.student');
  await tap(page, 'household.add');
  await step(page, 'm3.label.minus', 2);
  await tap(page, 'm3.person.newborn');
  // Born last year: the card asks whether the birth year is paid too; ticked, then unticked.
  await tap(page, 'm3.pays_birth_year');
  let with_birth_year = await state(page);
  const cli_birth = cli_household({ ...family, members: family.members.map((m, i) => (i === 3 ? { ...m, pays_birth_year: true } : m)) });
  assert.equal(Number(with_birth_year.household.due), cli_birth.due, 'the newborn pays the birth year too');
  await tap(page, 'm3.pays_birth_year');
  await settle(page);
  const s = await state(page);
  const cli = assert_household_matches_cli(s, ['father', 'self', 'child', 'child']);
  assert.ok(s.share_query.includes('m1.label=self'), s.share_query);
  assert.ok(s.share_query.includes('m3.person=newborn'), s.share_query);
  assert.equal(s.missing_glyphs, '');
  // The bar at 360 px: the family's total, and under it the earliest and latest first day of cover.
  const md = (iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  const starts = cli.members.map((m) => m.coverage_start).sort();
  assert.notEqual(starts[0], starts[3], 'the parent starts later than the others');
  assert.equal(s.answer.bar, `${cli.due}|${md(starts[0])}–${md(starts[3])}起`);
  // Every member's year on one timeline, each bar read in words.
  for (let i = 0; i < 4; ++i) {
    const said = await page.locator(`#a11y [data-id="household.timeline.${i}"]`).textContent();
    const m = cli.members[i];
    assert.ok(said.includes(`享受待遇${cn(m.coverage_start)}至${cn(m.coverage_end)}`), said);
    assert.equal(said.includes('等待期'), m.waiting !== null, said);
  }
  // The saved picture and the printout are the household's: the total, each member and the reasons.
  const drawn = await page.evaluate(async () => { window.yibao.picture(); return window.yibao.picture_text; });
  assert.ok(drawn.includes('全家应缴'), drawn.join('|'));
  assert.ok(drawn.includes(String(cli.due)), 'the total is drawn');
  for (const h of ['1. 父亲（居民）', '2. 本人（居民）', '3. 子女（大学生）', '4. 子女（新生儿）'])
    assert.equal(drawn.filter((t) => t === h).length, 2, `${h}: its section and its reasons`);
  assert.ok(drawn.some((t) => t.includes('渝医保发〔2025〕42号')), 'the 2026 notice is cited');
  const printed = await page.evaluate(() => window.yibao.render_print('a4').innerText);
  assert.ok(printed.includes(`全家应缴 ${cli.due} 元`), printed);
  assert.ok(printed.includes('资助类别：城乡低保对象'), 'the grandparent\'s category is printed');
  assert.ok(printed.includes('等待期'), 'the parent\'s waiting period is printed');
  // Each member's card from its top, then the family's card above the add button.
  for (const m of ['m0', 'm1', 'm2', 'm3']) {
    await reveal(page, `${m}.label.minus`);
    await shot(page, `61-household-card-${m}`);
  }
  await reveal(page, 'household.add');
  await shot(page, '60-household-total');
  // The share link reopens the same family.
  const again = await open_page(browser, `${base}?today=2025-11-20&${s.share_query}`, narrow);
  const s2 = await state(again.page);
  assert_household_matches_cli(s2, ['father', 'self', 'child', 'child']);
  await shot(again.page, '62-household-from-link');
  await again.context.close();
  // A member with two categories (the list opens on the card): the higher assistance applies (就高).
  await tap(page, 'm1.categories');
  await tap(page, 'm1.cat.101');
  await tap(page, 'm1.cat.113');
  await settle(page);
  const two = await state(page);
  const cli_two = cli_household({ ...family, members: family.members.map((m, i) => (i === 1 ? { ...m, categories: ['101', '113'] } : m)) });
  assert.equal(Number(two.household.members[1].due), cli_two.members[1].due);
  assert.equal(cli_two.members[1].category_applied, '113');
  assert.ok(two.share_query.includes('m1.cat') || two.share_query.includes('m1.categor'), two.share_query);
  await reveal(page, 'm1.cat.113');
  await shot(page, '63-household-member-categories');
  await tap(page, 'm1.cat.none');
  await tap(page, 'm1.categories');
  // Removing a member takes it out of the total.
  await tap(page, 'm3.remove');
  const s3 = await state(page);
  assert.equal(s3.household.members.length, 3);
  assert.equal(Number(s3.household.due), cli.due - cli.members[3].due);
  assert.deepEqual(problems, []);
  await context.close();
});

// A screen reader's double tap: a click on the semantics layer's element.
async function activate(locator) {
  await locator.evaluate((el) => el.click());
}

test('a family of four through the accessibility layer only', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`, narrow);
  const a11y = page.locator('#a11y');
  const wait = () => settle(page, 8);
  await activate(a11y.getByRole('button', { name: /点这里更换区县/ }));
  await wait();
  await activate(a11y.getByRole('radiogroup', { name: '参保地' }).getByRole('radio', { name: '万州区' }));
  await wait();
  await activate(a11y.getByRole('button', { name: /我属于资助人员/ }));
  await wait();
  await activate(a11y.getByRole('checkbox', { name: /^城乡低保对象/ }));
  await wait();
  for (let n = 2; n <= 4; ++n) {
    await activate(a11y.getByRole('button', { name: /添加家庭成员/ }));
    await wait();
  }
  for (let i = 0; i < 2; ++i) {
    await activate(a11y.getByRole('button', { name: '第1位成员：下一个称呼' }));
    await wait();
  }
  for (let i = 0; i < 6; ++i) {
    await activate(a11y.getByRole('button', { name: '第2位成员：上一个称呼' }));
    await wait();
  }
  await activate(a11y.getByRole('radiogroup', { name: '第2位成员：上一年度是否参保' }).getByRole('radio', { name: /断保/ }));
  await wait();
  for (const n of [3, 4]) {
    for (let i = 0; i < 2; ++i) {
      await activate(a11y.getByRole('button', { name: `第${n}位成员：上一个称呼` }));
      await wait();
    }
  }
  await activate(a11y.getByRole('radiogroup', { name: '第3位成员：参保人' }).getByRole('radio', { name: /大学生/ }));
  await wait();
  await activate(a11y.getByRole('radiogroup', { name: '第4位成员：参保人' }).getByRole('radio', { name: /新生儿/ }));
  await wait();
  const s = await state(page);
  const cli = assert_household_matches_cli(s, ['father', 'self', 'child', 'child']);
  // The bar reads the family's total first.
  const bar = await a11y.getByRole('button', { name: /^全家应缴/ }).getAttribute('aria-label').catch(() => null)
    ?? await a11y.getByRole('button', { name: /^全家应缴/ }).innerText();
  assert.ok(bar.includes(`全家应缴${cli.due}元`), bar);
  const text = await a11y.innerText();
  assert.ok(text.includes('第2位：本人'), 'each member\'s card is read');
  assert.ok(text.includes('等待期'), 'the parent\'s waiting period is read');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the kiosk\'s start over forgets every member', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20&mode=kiosk`, narrow);
  await tap(page, 'household.add');
  await tap(page, 'household.add');
  let s = await state(page);
  assert.equal(s.household.members.length, 3);
  assert.equal(s.share_query.includes('m1.'), true);
  await tap(page, 'kiosk.start_over');
  await settle(page, 10);
  s = await state(page);
  assert.equal(s.household, null, 'no member left after 重新开始');
  assert.deepEqual(problems, []);
  await context.close();
});

test('window.yibao.quote answers a household as `yibao quote` does', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`, narrow);
  const bad = { ...family, members: [...family.members, { catgories: ['101'] }] };
  for (const request of [family, bad, { ...family, members: [] }]) {
    const got = await page.evaluate((r) => window.yibao.quote(r), request);
    assert.deepEqual(got, cli_household(request));
  }
  const refused = await page.evaluate((r) => window.yibao.quote(r), bad);
  assert.equal(refused.errors[0].field, 'members/4/catgories');
  assert.deepEqual(problems, []);
  await context.close();
});
