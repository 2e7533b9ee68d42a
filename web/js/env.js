// window.yibao: the page's JavaScript face (appended to Emscripten's yibao.js at link time), and
// what the canvas cannot do itself: the saved picture, printing, the link in the address bar, the
// offline cache and a kiosk's idle reset.
//   yibao.ready            promise: resolves once the first interactive frame is on screen
//   yibao.quote(request)   the quote object, the same as `yibao quote` prints (request: object or JSON text)
//   yibao.catalogue()      years, districts and enrollment dates of the loaded rules
//   yibao.state()          what the screen shows now, with the tappable widgets' CSS rectangles (tests)
//   yibao.presentation()   what a person reads of the quote (ui/presentation.h): sections of rows
//   yibao.picture()        the saved picture: a PNG data URL (also shown to long-press)
//   yibao.render_print(p)  fills the print layout for paper p ('a4' or '80mm') without printing
//   yibao.env              where the page runs: kiosk, wechat, single, version, idle_seconds
//   yibao.palette()        the screens' colours by name (ui/widgets.h), e.g. palette().primary = '#1665c0'
//   yibao.text_size(step)  the 字号 step (0 标准, 1 大字, 2 特大), as the 字号 button and a pinch set it
//   yibao.font_state()     the font atlas's stages: {stage, full, first_builds, first_frame_waited, first}
//   yibao.memory()         the wasm module's memory in bytes (make bench-web)
//   yibao.first_frame_ms   when the first frame with the answer was drawn (performance.now())
//
// This file opens the scope that the parts of the glue's first script share (env, load, offline,
// api: joined in this order into yibao_glue.js by cmake/web.cmake; api.js closes it): where the
// page runs, small helpers. The rest (a11y, sheet, share, picture, print, kiosk, rules) is the
// second script, yibao-later.js, fetched once the first frame is on screen (load.js load_later,
// later_begin.js).
(function () {
  'use strict';
  var build = window.yibao_build;  // web/index.html
  if (build.unsupported) return;  // index.html already said why
  var params = new URLSearchParams(location.search);
  var message = document.getElementById('msg');
  var first_frame;
  var first_frame_seen = new Promise(function (resolve) { first_frame = resolve; });
  // The first frame with every card (the first frame paints only what is in view; the next one,
  // a moment later, lays out the whole page and fills the semantics layer).
  var complete_frame;
  var complete_frame_seen = new Promise(function (resolve) { complete_frame = resolve; });
  // The start-up's phases as performance marks (yibao:script, module, font, rules, gl, atlas,
  // first-frame; the last three from C++): make bench-web prints them.
  // A performance mark yibao:<name>, now or at `at` (ms on the page's clock: the worker's marks).
  function mark(name, at) {
    if (!window.performance || !performance.mark) return;
    if (at === undefined) return performance.mark('yibao:' + name);
    if (at >= 0) try { performance.mark('yibao:' + name, { startTime: at }); } catch (e) { /* User Timing 2 */ }
  }
  mark('script');

  // --- where the page runs ---
  var ua = navigator.userAgent || '';
  var wechat = /MicroMessenger/i.test(ua);
  var kiosk = params.get('mode') === 'kiosk';
  var paper = params.get('paper') === '80mm' ? '80mm' : params.get('paper') === 'a4' ? 'a4' : null;
  var idle_seconds = Number(params.get('idle'));
  if (!(idle_seconds >= 1 && idle_seconds <= 3600)) idle_seconds = 60;
  // WeChat has no print dialog; a kiosk prints only when set up with a printer (?paper=).
  var can_print = !wechat && typeof window.print === 'function' && (!kiosk || paper !== null);
  // A link to share needs an address others can open (not a file on this computer).
  var can_share = !kiosk && /^https?:$/.test(location.protocol);
  // The screens' options (yibao_start's object, platform/abi.cpp: the names are checked there).
  var options = { kiosk: kiosk, can_print: can_print, can_save_picture: !kiosk, can_share_link: can_share,
                  wechat: wechat };
  // URL parameters that set the page up rather than answer a question: kept when answers are written.
  var setup_keys = ['mode', 'paper', 'idle', 'today', 'sw', 'text'];

  // --- the 字号 step: ?text= (a kiosk's setting), else what this device chose last time, else the
  //     system's or the browser's text size (iOS Dynamic Type, the browser's default font size) ---
  var text_steps = ['standard', 'large', 'xlarge'];  // ui/widgets.h metrics::text_steps
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function remember_text_size(id) { try { localStorage.setItem('yibao.text', id); } catch (e) { /* private mode */ } }
  function system_text_step() {
    var ratio = 1;
    try {
      if (window.CSS && CSS.supports && CSS.supports('font', '-apple-system-body')) {
        var probe = document.createElement('span');
        probe.style.font = '-apple-system-body';
        document.documentElement.appendChild(probe);
        ratio = parseFloat(getComputedStyle(probe).fontSize) / 17;  // 17 px at iOS's default size
        probe.remove();
      } else {
        ratio = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16;  // the browser's default
      }
    } catch (e) { ratio = 1; }
    if (!(ratio > 0)) ratio = 1;
    return ratio >= 1.4 ? 'xlarge' : ratio >= 1.15 ? 'large' : null;
  }
  var text_size = [params.get('text'), stored('yibao.text')].filter(function (t) {
    return text_steps.indexOf(t) >= 0;
  })[0] || (kiosk ? null : system_text_step());

  var told = false;
  function show(text) {
    told = true;
    if (!message) return;
    message.textContent = text;
    message.hidden = false;
    document.documentElement.className = '';  // web/index.html's html.quiet hides it while loading
  }
  var today_iso = build.today_iso;  // web/index.html
  // yibao_start's options (platform/abi.cpp): the page's link, today, its build, the 字号 and where it runs.
  function start_options() {
    var start = { query: location.search, today: today_iso(), version: String(build.version) };
    if (text_size) start.text = text_size;
    for (var k in options) start[k] = options[k];
    return start;
  }
  function versioned(file) { return file + '?v=' + encodeURIComponent(build.version); }
