// The browsers of engines.test.mjs besides Chromium: an X display (Xvfb), WebKitGTK's MiniBrowser
// driven over plain W3C WebDriver (HTTP + JSON, Debian's WebKitWebDriver), and Firefox ESR driven
// by puppeteer-core over WebDriver BiDi. Each browser is wrapped in the same small interface:
//   goto(url), run(fn, ...args) (fn's source runs in the page, may return a promise),
//   click(x, y), wheel(x, y, dy), screenshot(file), close().
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

// --- finding the programs ---

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function which(name) {
  for (const dir of (process.env.PATH || '/usr/bin:/bin').split(':')) {
    const file = path.join(dir || '.', name);
    if (executable(file)) return file;
  }
  return null;
}

// MiniBrowser is not on PATH: libwebkit2gtk-4.1-0 (which webkit2gtk-driver depends on) puts it in
// /usr/lib/<multiarch>/webkit2gtk-4.1/ (libwebkitgtk-6.0-4: .../webkitgtk-6.0/). MINIBROWSER overrides.
export function find_minibrowser() {
  if (process.env.MINIBROWSER) return executable(process.env.MINIBROWSER) ? process.env.MINIBROWSER : null;
  let multiarch = [];
  try {
    multiarch = readdirSync('/usr/lib').filter((d) => /-linux-/.test(d)).map((d) => path.join('/usr/lib', d));
  } catch { /* no /usr/lib */ }
  const dirs = [...multiarch, '/usr/lib', '/usr/libexec'];
  for (const dir of dirs) {
    for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) {
      const file = path.join(dir, api, 'MiniBrowser');
      if (executable(file)) return file;
    }
  }
  return null;
}

export function find_firefox() {
  if (process.env.FIREFOX) return executable(process.env.FIREFOX) ? process.env.FIREFOX : null;
  return which('firefox-esr') || which('firefox');
}

export function have_module(dir, name) {
  return existsSync(path.join(dir, 'node_modules', name, 'package.json'));
}

// --- an X display ---

// Starts Xvfb on the first free display number (-displayfd: the server picks it and writes it
// back), so that two runs or a desktop session on the same machine never collide.
export async function start_xvfb({ width = 1280, height = 1400 } = {}) {
  const child = spawn(which('Xvfb') || 'Xvfb',
    ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display within 10 s: ${log}`)), 10_000);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${log}`)); });
  });
  child.removeAllListeners('exit');
  return { display, close: () => stop(child) };
}

function stop(child, ms = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, ms);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

async function free_port() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// --- WebKitGTK: MiniBrowser through WebKitWebDriver, plain WebDriver ---

// One WebDriver command: the W3C protocol's JSON in and out; an error answer throws with its message.
async function command(base, method, url_path, body) {
  const r = await fetch(base + url_path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`WebDriver ${method} ${url_path}: HTTP ${r.status}: ${text.slice(0, 300)}`);
  }
  if (!r.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`WebDriver ${method} ${url_path}: ${v.error || r.status}: ${v.message || text.slice(0, 300)}`);
  }
  return json.value;
}

// The script that runs fn in the page: execute/async hands it a callback as its last argument.
// A thrown error or rejected promise comes back as {error} (WebDriver would only say "javascript error").
function async_script(fn) {
  return `const done = arguments[arguments.length - 1];
    const args = Array.prototype.slice.call(arguments, 0, -1);
    Promise.resolve().then(() => (${fn}).apply(null, args)).then(
      (value) => done({ value: value === undefined ? null : value }),
      (e) => done({ error: String((e && e.stack) || e) }));`;
}

// Starts WebKitWebDriver on a free port of 127.0.0.1 and opens a session in MiniBrowser on display.
export async function open_webkit({ display, minibrowser, width = 1024, height = 1100 }) {
  const port = await free_port();
  const driver = spawn(which('WebKitWebDriver') || 'WebKitWebDriver', [`--port=${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: display },
  });
  let log = '';
  const keep = (d) => { log = (log + d).slice(-4000); };
  driver.stdout.on('data', keep);
  driver.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  let session = null;
  const close = async () => {
    if (session) await command(base, 'DELETE', `/session/${session}`).catch(() => {});
    session = null;
    await stop(driver);
  };
  try {
    for (let t = 0; ; t += 100) {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${log}`);
      const ready = await command(base, 'GET', '/status').then((v) => v.ready, () => false);
      if (ready) break;
      if (t > 10_000) throw new Error(`WebKitWebDriver not ready after 10 s: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const created = await command(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',  // it must be the binary's name, or "Failed to match capabilities"
          'webkitgtk:browserOptions': { binary: minibrowser, args: ['--automation'] },
          timeouts: { script: 30_000, pageLoad: 30_000 },
        },
      },
    });
    session = created.sessionId;
    const s = `/session/${session}`;
    await command(base, 'POST', `${s}/window/rect`, { x: 0, y: 0, width, height });
    const run = async (fn, ...args) => {
      const r = await command(base, 'POST', `${s}/execute/async`, { script: async_script(fn), args });
      if (r && r.error) throw new Error(`in the page: ${r.error}`);
      return r ? r.value : null;
    };
    const pointer = (actions) => command(base, 'POST', `${s}/actions`, {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
    return {
      name: 'WebKitGTK',
      version: `${created.capabilities.browserName} ${created.capabilities.browserVersion}`,
      goto: (url) => command(base, 'POST', `${s}/url`, { url }),
      run,
      // A real mouse click at CSS px of the viewport.
      click: async (x, y) => {
        await pointer([
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pause', duration: 50 },
          { type: 'pointerUp', button: 0 },
        ]);
        await command(base, 'DELETE', `${s}/actions`);
      },
      wheel: async (x, y, dy) => {
        await command(base, 'POST', `${s}/actions`, {
          actions: [{ type: 'wheel', id: 'wheel', actions: [
            { type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY: dy, duration: 0, origin: 'viewport' },
          ] }],
        });
      },
      screenshot: async (file) => writeFile(file, Buffer.from(await command(base, 'GET', `${s}/screenshot`), 'base64')),
      problems: () => [],  // classic WebDriver has no console log
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

// --- Firefox ESR: puppeteer-core over WebDriver BiDi ---

// Headless Firefox has no WebGL without a display here, so it runs headed on the Xvfb display.
export async function open_firefox({ display, firefox, width = 1024, height = 1100 }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefox,
    headless: false,
    env: { ...process.env, DISPLAY: display },
    args: [`--width=${width}`, `--height=${height + 120}`],
    defaultViewport: { width, height },
  });
  try {
    const page = (await browser.pages())[0] || (await browser.newPage());
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    return {
      name: 'Firefox',
      version: await browser.version(),
      goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 30_000 }),
      run: (fn, ...args) => page.evaluate(fn, ...args),
      click: async (x, y) => {
        await page.mouse.move(x, y);
        await page.mouse.down();
        await new Promise((r) => setTimeout(r, 50));
        await page.mouse.up();
      },
      wheel: async (x, y, dy) => {
        await page.mouse.move(x, y);
        await page.mouse.wheel({ deltaY: dy });
      },
      screenshot: (file) => page.screenshot({ path: file }),
      problems: () => problems.slice(),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
