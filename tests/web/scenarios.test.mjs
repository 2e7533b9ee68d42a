// A resident taps through the questions with a finger (real touch events at the widgets' CSS
// coordinates) and the screen shows the amount and the dates the rule engine gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assert_screen_matches_cli, launch, open_page, pick_date, request_of, reveal, shot, state, tap, native_quote } from './lib.mjs';

const base = process.env.YIBAO_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


test('an ordinary resident of 万州 paying in the centralized period', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-11-20`);
  let s = await state(page);
  assert.equal(s.form.year, 2026, 'the year whose enrollment is open today');
  assert.equal(s.form.paid_on, '2025-11-20', 'paid today by default');

  await tap(page, 'district.open');
  await shot(page, '10-district-list');
  await tap(page, 'district.wanzhou');
  await tap(page, 'person.resident');
  await tap(page, 'tier.2');
  s = await state(page);
  assert.equal(s.form.tier, 2);
  assert_screen_matches_cli(s);
  await tap(page, 'tier.1');
  s = await state(page);
  assert.equal(s.form.district, 'wanzhou');
  assert.equal(s.form.tier, 1);
  const cli = assert_screen_matches_cli(s);
  assert.equal(s.answer.due, '400');
  assert.equal(s.answer.coverage_start, '2026-01-01');
  assert.equal(s.answer.coverage_end, '2026-12-31');
  assert.equal(s.answer.waiting, null);
  assert.equal(s.answer.tier_due['2'], '775', 'tier 2 beside tier 1');
  assert.ok(s.answer.hints.length > 0, 'advice hints shown');
  assert.ok(s.answer.explanation_lines === cli.explanation.length, 'every explanation line shown');
  await tap(page, 'bar');  // the sticky bar jumps to the answer
  await shot(page, '11-resident-answer');
  await reveal(page, 'compare.2');
  await shot(page, '12-resident-tiers-hints');
  assert.deepEqual(problems, []);
  assert.equal(s.missing_glyphs, '');
  await context.close();
});

test('a 低保 resident (code 101) paying late', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2025-08-15`);
  let s = await state(page);
  assert.equal(s.form.year, 2025);
  assert.equal(s.form.paid_on, '2025-08-15');
  // An ordinary late payer pays the fiscal part too...
  let cli = assert_screen_matches_cli(s);
  assert.ok(cli.surcharge > 0, 'late payment adds the fiscal part for an ordinary resident');
  assert.ok(Number(s.answer.surcharge) > 0);
  // ...a 低保 resident does not, and gets the assistance.
  await tap(page, 'cat.more');
  await tap(page, 'cat.101');
  await shot(page, '13-categories-open');
  await pick_date(page, 'paid', '2025-08-16');
  s = await state(page);
  assert.deepEqual(s.form.categories, ['101']);
  assert.equal(s.form.paid_on, '2025-08-16', 'the date picked in the platform\'s picker');
  cli = assert_screen_matches_cli(s);
  assert.equal(s.answer.surcharge, '0', 'low-income residents are exempt from the late price');
  assert.ok(Number(s.answer.assistance) > 0, 'assistance applied');
  assert.ok(s.answer.waiting && s.answer.waiting.days > 0, 'late payers wait');
  assert.equal(s.answer.category_applied, '101');
  await tap(page, 'bar');  // the sticky bar jumps to the answer
  await shot(page, '14-dibao-late-answer');
  assert.deepEqual(problems, []);
  assert.equal(s.missing_glyphs, '');
  await context.close();
});

test('a newborn, covered from the day of birth', async () => {
  const { context, page, problems } = await open_page(browser, `${base}?today=2026-03-10`);
  await tap(page, 'person.newborn');
  let s = await state(page);
  assert.ok(s.questions.includes('birth_date'), 'the birth date is asked');
  assert.ok(!s.questions.includes('continuous'), 'continuity is not asked for a newborn');
  await pick_date(page, 'birth', '2026-03-07');
  s = await state(page);
  assert.equal(s.form.person, 'newborn');
  assert.equal(s.form.birth_date, '2026-03-07');
  assert.equal(s.form.paid_on, '2026-03-10');
  assert_screen_matches_cli(s);
  assert.equal(s.answer.coverage_start, '2026-03-07', 'covered from birth');
  assert.equal(s.answer.waiting, null);
  await reveal(page, 'birth');
  await shot(page, '15-newborn-birth');
  await tap(page, 'bar');  // the sticky bar jumps to the answer
  await shot(page, '16-newborn-answer');
  assert.deepEqual(problems, []);
  assert.equal(s.missing_glyphs, '');
  await context.close();
});

test('errors appear next to the question they concern', async () => {
  // Paying for the latest loaded year on its 23 November after a break: the waiting period runs past
  // the end of the year (2026: 渝医保发〔2025〕42号 三, 3 months).
  const years = await (async () => {
    const { context, page } = await open_page(browser, base);
    const catalogue = await page.evaluate(() => window.yibao.catalogue());
    await context.close();
    return catalogue.years.map((y) => y.year);
  })();
  const latest = Math.max(...years);
  const { context, page } = await open_page(browser, `${base}?today=${latest}-11-23&continuous=0&break=1`);
  const s = await state(page);
  const cli = native_quote(request_of(s.form));
  assert.equal(cli.ok, false);
  for (const e of cli.errors) {
    if (s.questions.includes(e.field)) assert.ok(s.errors[e.field]?.includes(e.message), `${e.field} shown by its question`);
    else assert.ok(s.answer.general_errors.includes(e.message), `${e.field} shown in the answer`);
  }
  await reveal(page, 'paid');
  await shot(page, '17-error-by-question');
  await context.close();
});

test('a student paying before the coverage year is asked whether this is the freshman payment', async () => {
  // 万州医保发〔2024〕51号 七（一）: a freshman paying at enrolment is covered from the day after
  // payment; a student who does not say so is covered from 1 January (policy notes).
  const { context, page, problems } = await open_page(
    browser, `${base}?today=2024-12-01&year=2025&district=wanzhou&person=student&paid=2024-12-01&break=0`);
  let s = await state(page);
  assert.equal(s.form.freshman, false);
  assert.equal(s.answer.coverage_start, '2025-01-01');
  await tap(page, 'paid.freshman');
  s = await state(page);
  assert.equal(s.form.freshman, true);
  assert.equal(s.answer.coverage_start, '2024-12-02');
  const cli = native_quote({ year: 2025, district: 'wanzhou', person: 'student', categories: [], tier: 1,
                             paid_on: '2024-12-01', continuous: true, freshman: true });
  assert.equal(s.answer.coverage_start, cli.coverage_start);
  assert.match(await page.evaluate(() => location.search), /freshman=1/);
  assert.deepEqual(problems, []);
  await context.close();
});
