
  // web/js/load.js: the font and the wasm module: loading them, calling into the module, a lost WebGL context.
  // (A part of yibao_glue.js: it shares the scope that env.js opens; see env.js.)
  // The files that web/index.html already started (window.yibao_early), else a fetch now.
  var early = (!build.single && window.yibao_early) || {};
  function fetch_once(file, started) { return started || fetch(versioned(file), { credentials: 'same-origin' }); }
  // A font file's bytes (an HTTP error rejects).
  function font_bytes(file, started) {
    return fetch_once(file, started).then(function (r) {
      if (!r.ok) throw new Error('font: HTTP ' + r.status);
      return r.arrayBuffer();
    });
  }
  // --- the fonts: the first font (yibao-sc-first.otf: the glyphs first screens show) starts the
  //     page; the full one (yibao-sc.otf) follows once the first frame is on screen, or at once when
  //     a first screen needs a glyph only it has (platform/main_web.cpp). The single-file page
  //     carries the full font alone. ---
  var first_font = build.single ? Promise.resolve().then(function () {
    var b64 = document.getElementById('yibao-font').textContent.replace(/\s+/g, '');
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; ++i) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }) : font_bytes('yibao-sc-first.otf', early.font).then(function (b) { mark('font'); return b; });
  var full_font_started = null;
  function full_font() {
    if (!full_font_started) {
      full_font_started = build.single ? first_font : font_bytes('yibao-sc.otf');
    }
    return full_font_started;
  }
  // The full font into the module, once (it keeps the bytes: ImGui reads them); null when it
  // could not be loaded (the page then draws without the glyphs it lacks).
  var full_font_given = false;
  function give_full_font() {
    if (full_font_given || build.single || !mod) return;
    full_font_given = true;
    full_font().then(function (buf) {
      var bytes = new Uint8Array(buf);
      var p = mod._malloc(bytes.length);
      mod.HEAPU8.set(bytes, p);
      mod._yibao_full_font(p, bytes.length);
    }, function (e) {
      console.warn('yibao: the full font did not load', e);
      mod._yibao_full_font(0, 0);
    });
  }
  // The full font for the page's HTML too (picture, printout, messages), so that they need no
  // system font; loaded once the canvas is on screen, never delaying it.
  var html_font = first_frame_seen.then(full_font).then(function (buf) {
    if (!window.FontFace || !document.fonts) return null;
    var face = new FontFace('yibao-sc', buf.slice(0));
    return face.load().then(function (f) { document.fonts.add(f); return f; }, function () { return null; });
  }, function () { return null; });

  var module_args = {
    yibao_first_frame: function () {
      yibao.first_frame_ms = performance.now();
      canvas_el.className = 'drawn';
      if (message) message.hidden = true;
      first_frame();
    },
    yibao_action: function (name) { setTimeout(function () { act(name); }, 0); },
    yibao_set_query: set_query
  };
  // The wasm: the response index.html started, compiled as it streams (Emscripten's own loader
  // would fetch it again). A failure rejects module_ready (yibao.ready then says 加载失败).
  var wasm_failed;
  var wasm_error = new Promise(function (resolve, reject) { wasm_failed = reject; });
  if (!build.single) {
    module_args.locateFile = function (path) { return versioned(path); };
    module_args.instantiateWasm = function (imports, receive) {
      fetch_once('yibao.wasm', early.wasm).then(function (r) {
        if (!r.ok) throw new Error('wasm: HTTP ' + r.status);
        var streaming = WebAssembly.instantiateStreaming && /^application\/wasm\b/.test(r.headers.get('content-type') || '');
        return streaming ? WebAssembly.instantiateStreaming(r, imports)
          : r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, imports); });
      }).then(function (out) { receive(out.instance, out.module); }, wasm_failed);
      return {};  // Emscripten: the exports come later, through receive
    };
  }
  module_args.yibao_mark = mark;
  var module_ready = Promise.race([create_yibao_module(module_args), wasm_error]).then(function (m) { mark('module'); return m; });
  // The WebGL context now, while the wasm compiles: the page's own request for it
  // (platform/main_web.cpp, the same attributes) gets this one back.
  try {
    var gl_attrs = { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: false,
                     preserveDrawingBuffer: false };
    var early_canvas = document.getElementById('canvas');
    // At its size in device pixels already (platform/main_web.cpp update_size keeps it): a canvas
    // resized after its context exists reallocates the drawing buffer and waits for the GPU process.
    var dpr = window.devicePixelRatio || 1;
    early_canvas.width = Math.max(1, Math.round(early_canvas.clientWidth * dpr));
    early_canvas.height = Math.max(1, Math.round(early_canvas.clientHeight * dpr));
    early_canvas.getContext('webgl2', gl_attrs) || early_canvas.getContext('webgl', gl_attrs);
  } catch (e) { /* the page says so once it starts */ }

  var mod = null;
  var palette = null;  // the screens' colours by name (ui/widgets.h), once the module is ready
  function with_string(s, fn) {
    var n = mod.lengthBytesUTF8(s) + 1;
    var p = mod._malloc(n);
    mod.stringToUTF8(s, p, n);
    try { return fn(p); } finally { mod._free(p); }
  }
  function call_json(fn) {
    if (!mod) throw new Error('yibao: not ready yet (await yibao.ready)');
    return JSON.parse(mod.UTF8ToString(fn()));
  }

  // --- a lost WebGL context (GPU reset, a phone under memory pressure): draw again from a reload;
  //     the answers are in the URL, a kiosk starts over ---
  var canvas_el = document.getElementById('canvas');
  canvas_el.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();  // ask the browser to restore it
    show('显示中断，正在恢复…');
    setTimeout(function () { location.reload(); }, 1500);
  });
  canvas_el.addEventListener('webglcontextrestored', function () { location.reload(); });
