// make split-profile: writes web/deferred-functions.txt, the functions of the page that no first
// frame runs, which web/tools/split_wasm.py moves into yibao-deferred.wasm (fetched once the first
// frame is on screen). Opens a copy of build/web whose yibao.wasm is instrumented by wasm-split
// (build/web-cmake/page/yibao.wasm, the page with its function names) in the states of
// `first_screens` (lib.mjs: every half month of the loaded years, the text steps, other screens, a
// kiosk) and in links that open on answers (every district, the persons, categories, a household,
// a link with a mistake), and takes what each first frame ran (window.yibao.first_profile). The
// browser tests check a sample of the same states: no first frame calls into the deferred module.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { first_screens, launch, phone, root, serve_site, site, site_built } from './lib.mjs';

const named = path.join(root, 'build/web-cmake/page/yibao.wasm');
if (!(await site_built()) || !existsSync(named)) {
  console.error('split-profile: build/web is missing: run `make web` first');
  process.exit(1);
}
const tool = path.join(root, 'web/tools/split_wasm.py');
const dir = mkdtempSync(path.join(os.tmpdir(), 'yibao-split-'));
const copy = path.join(dir, 'site');
cpSync(site, copy, { recursive: true });
rmSync(path.join(copy, 'yibao.wasm.br'), { force: true });
const made = spawnSync('python3', [tool, 'instrument', '--in', named, '--out', path.join(copy, 'yibao.wasm')], { encoding: 'utf8' });
if (made.status !== 0) {
  console.error(made.stderr);
  process.exit(1);
}

// Links that open on answers: each district, each person, categories, a household, a mistake.
const districts = JSON.parse(readFileSync(path.join(root, 'rules/chongqing/districts.json'), 'utf8')).districts.map((d) => d.id);
const links = [
  ...districts.map((d) => `district=${d}`),
  'district=wanzhou&person=student', 'district=wanzhou&person=newborn&birth=2025-10-01',
  'district=wanzhou&categories=101', 'district=shizhu&categories=101&tier=2', 'person=resident&break=2',
  'district=wanzhou&m0.label=father&m0.categories=101&m1.label=self&m1.break=1&m2.label=child&m2.person=student&m3.label=child&m3.person=newborn&m3.birth=2025-11-20',
  'district=nowhere&year=1999', 'district=%E4%B8%87%E5%B7%9E', 'mode=kiosk&district=wanzhou&paper=80mm',
  // A year other than the one preselected: on some days the first read then takes every year.
  'year=2025', 'year=2025&district=shizhu&tier=2', 'year=2026&district=wanzhou',
];
const screens = first_screens({ every_half_month: true });
for (const d of ['2025-06-16', '2025-11-20', '2026-03-01', '2026-11-25'])
  for (const q of links) screens.push({ query: `today=${d}&${q}`, context: phone });

const server = await serve_site({ dir: copy });
const browser = await launch();
const profiles = [];
for (const { query, context } of screens) {
  const ctx = await browser.newContext(context);
  const page = await ctx.newPage();
  await page.goto(`${server.url}?sw=0&${query}`);
  await page.waitForFunction(() => window.yibao && window.yibao.first_profile, null, { timeout: 60000 });
  const bytes = await page.evaluate(() => window.yibao.first_profile);
  const file = path.join(dir, `profile-${profiles.length}`);
  writeFileSync(file, Buffer.from(bytes));
  profiles.push(file);
  await ctx.close();
}
await browser.close();
await server.close();

const args = [tool, 'list', '--in', named, '--out', path.join(root, 'web/deferred-functions.txt')];
for (const p of profiles) args.push('--profile', p);
const listed = spawnSync('python3', args, { encoding: 'utf8' });
process.stdout.write(listed.stdout);
process.stderr.write(listed.stderr);
rmSync(dir, { recursive: true, force: true });
console.log(`split-profile: ${profiles.length} first screens → web/deferred-functions.txt (run make web to split the page)`);
process.exit(listed.status);
