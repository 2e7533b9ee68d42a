// The page's budgets (make bench-web), measured in headless Chromium and printed:
//  1. bytes loaded before the first answer, brotli-compressed: ≤ 300 KB in total
//  2. first interactive frame: phone profile, 4× CPU throttling, median of 5 loads
//  3. idle: main-thread busy time over 10 s, after 3 s without input: < 1 %
//  4. a tap changes the answer on the next frame
// Exits non-zero when a budget is missed.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { launch, phone, serve_site, site, site_built, state, start_frame_sampler } from './lib.mjs';

const budget_bytes = 300 * 1024;
const budget_idle = 0.01;
const loads = 5;

if (!(await site_built())) {
  console.error('bench-web: build/web is missing: run `make web` first');
  process.exit(1);
}

const fmt_kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
const verdict = (ok) => {
  if (!ok) failed = true;
  return ok ? 'OK' : 'OVER BUDGET';
};

// 1. Sizes: what a browser actually fetched before the first frame, as sent (brotli).
const server = await serve_site({ brotli: true });
const browser = await launch();
{
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`${server.url}?today=2025-11-20`);
  // What the page asked for before its first frame (the offline copy is fetched after it).
  const before_first = await page.evaluate(async () => {
    await window.yibao.ready;
    const t = window.yibao.first_frame_ms;
    return performance.getEntriesByType('resource')
      .filter((e) => e.startTime < t && e.name.startsWith(location.origin))
      .map((e) => new URL(e.name).pathname);
  });
  const fetched = [...new Set(['/index.html', ...before_first])];
  console.log('\n1. Loaded before the first answer (brotli, as served):');
  let total = 0;
  for (const rel of fetched) {
    const name = rel.replace(/^\//, '');
    const raw = (await stat(path.join(site, name))).size;
    const sent = server.sent.filter((s) => s.path === rel)[0];
    total += sent.bytes;
    console.log(`   ${name.padEnd(14)} ${fmt_kb(raw).padStart(10)} raw  ${fmt_kb(sent.bytes).padStart(10)} ${sent.encoding ?? 'identity'}`);
  }
  console.log(`   ${'total'.padEnd(14)} ${''.padStart(10)}      ${fmt_kb(total).padStart(10)}   budget ${fmt_kb(budget_bytes)}: ${verdict(total <= budget_bytes)}`);
  await context.close();
}

// 2. First interactive frame, 4× CPU throttling, median of 5 fresh loads.
{
  const times = [];
  for (let i = 0; i < loads; ++i) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${server.url}?today=2025-11-20`);
    const ms = await page.evaluate(async () => {
      await window.yibao.ready;
      return window.yibao.first_frame_ms;
    });
    times.push(ms);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log('\n2. First interactive frame (phone 390×844 @3×, 4× CPU throttling, from navigation start):');
  console.log(`   loads: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
  console.log(`   median: ${median.toFixed(0)} ms`);
}

// 3. Idle: main-thread task time over 10 s after 3 s without input.
{
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${server.url}?today=2025-11-20`);
  await page.evaluate(() => window.yibao.ready);
  await new Promise((r) => setTimeout(r, 3000));
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n) => metrics.find((m) => m.name === n)?.value ?? 0;
    return { task: get('TaskDuration'), time: get('Timestamp') };
  };
  const f0 = (await state(page)).frame;
  const a = await metric();
  await new Promise((r) => setTimeout(r, 10000));
  const b = await metric();
  const f1 = (await state(page)).frame;
  const busy = (b.task - a.task) / (b.time - a.time);
  console.log('\n3. Idle (10 s window after 3 s without input):');
  console.log(`   main-thread busy ${(busy * 100).toFixed(3)} % (${((b.task - a.task) * 1000).toFixed(1)} ms of ${((b.time - a.time) * 1000).toFixed(0)} ms), frames drawn: ${f1 - f0}   budget < 1 %: ${verdict(busy < budget_idle)}`);
  await context.close();
}

// 4. A tap changes the answer on the next frame.
{
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`${server.url}?today=2025-11-20`);
  await page.evaluate(() => window.yibao.ready);
  // Wait until the page is idle (no frame in 500 ms), so the next frame is the tap's.
  for (let f = -1; ;) {
    const now = (await state(page)).frame;
    if (now === f) break;
    f = now;
    await new Promise((r) => setTimeout(r, 500));
  }
  const s0 = await state(page);
  const w = s0.widgets['person.student'];
  await start_frame_sampler(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  const r = await page.evaluate((f0) => new Promise((resolve) => {
    const wait = () => {
      const h = window.__samples.find((s) => s.form.person === 'student');
      if (h) resolve({ frames: h.frame - f0, at: h.at }); else setTimeout(wait, 20);
    };
    wait();
  }), s0.frame);
  const s1 = await state(page);
  console.log('\n4. Tap → answer:');
  console.log(`   answer ${s0.answer.due} → ${s1.answer.due} after ${r.frames} frame(s), ${(r.at - t0).toFixed(0)} ms (software GL)   budget next frame: ${verdict(r.frames === 1)}`);
  await context.close();
}

await browser.close();
await server.close();
console.log(failed ? '\nbench-web: a budget was missed' : '\nbench-web: all budgets met');
process.exit(failed ? 1 : 0);
