// Browser tests of the page: `node run.mjs` (make test-web). Serves build/web on a free port of
// 127.0.0.1, runs the *.test.mjs files with node's built-in test runner against it, and exits with
// the runner's status (non-zero on any failure).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { here, root, serve_site, site_built } from './lib.mjs';

if (!(await site_built())) {
  console.error('tests/web: build/web is missing: run `make web` first');
  process.exit(1);
}
if (!existsSync(path.join(root, 'build/native/yibao'))) {
  console.error('tests/web: build/native/yibao is missing (the tests compare with it): run `make build` first');
  process.exit(1);
}

const server = await serve_site();
const files = (process.env.YIBAO_TESTS ? process.env.YIBAO_TESTS.split(',') : ['page.test.mjs', 'a11y.test.mjs', 'scenarios.test.mjs', 'household.test.mjs', 'rules_update.test.mjs', 'touch.test.mjs', 'wechat.test.mjs', 'kiosk.test.mjs', 'offline.test.mjs', 'engines.test.mjs']).map((f) => path.join(here, f));
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, YIBAO_URL: server.url },
});
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal ? 1 : c)));
await server.close();
process.exit(code);
