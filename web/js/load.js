
  // web/js/load.js: the font and the wasm module: loading them, calling into the module, a lost WebGL context.
  // (A part of yibao_glue.js: it shares the scope that env.js opens; see env.js.)
  // The files that web/index.html already started (window.yibao_early), else a fetch now.
  var early = (!build.single && window.yibao_early) || {};
  // Once both have arrived the page no longer waits on the network: web/index.html then keeps its
  // loading message hidden (the first frame follows without another download).
  var arrived = {};
  function file_in(name) {
    arrived[name] = true;
    if (arrived.wasm && arrived.font) early.files_in = true;
  }
  function fetch_once(file, started) { return started || fetch(versioned(file), { credentials: 'same-origin' }); }
  // A font file's bytes (an HTTP error rejects).
  function font_bytes(file, started) {
    return fetch_once(file, started).then(function (r) {
      if (!r.ok) throw new Error('font: HTTP ' + r.status);
      return r.arrayBuffer();
    });
  }
  // --- the page's worker (web/index.html #yibao-worker, on a phone's other core): it compiles the
  //     wasm, then gives the first frame a head start. Started as this script runs (started in the
  //     document's head, it held the parser back and started no sooner). It gets the files as
  //     blobs: the browser keeps their bytes and the worker reads them (reading them into this
  //     thread cost the bench's phone 100-150 ms). What it did: window.yibao.head_start. ---
  var head_start = { worker: false, compiled: false, rules: false, frame: false, failed: null };
  var worker = start_worker();
  function start_worker() {
    var source = early.wasm && window.Worker && document.getElementById('yibao-worker');
    if (!source) return null;
    try {
      var w = new Worker(URL.createObjectURL(new Blob([source.textContent], { type: 'text/javascript' })));
      head_start.worker = true;
      return w;
    } catch (e) {
      return null;  // the wasm is compiled here
    }
  }
  function blob_of(response, what) {
    return response.then(function (r) {
      if (!r.ok) throw new Error(what + ': HTTP ' + r.status);
      return r.blob();
    });
  }
  // What the worker says, from its start on (a message with no listener yet would be lost).
  var compile_answered = function () {};
  if (worker) {
    worker.onmessage = function (e) {
      var d = e.data;
      // Its own steps, on its clock (make bench-web): worker-started, -compiled, -rules, -frame.
      var step = d.started ? 'started' : d.module ? 'compiled' : d.warmed;
      if (step && d.at) mark('worker-' + step, d.at - performance.timeOrigin);
      if (d.warmed) head_start[d.warmed] = true;
      if (d.warm_failed) {
        head_start.failed = d.warm_failed;
        console.warn('yibao: no head start from the worker:', d.warm_failed);
      }
      if (d.module) head_start.compiled = true;
      if (d.module || d.failed) compile_answered(d.module || null);
    };
  }
  // {blob, module}, module null when the worker could not compile it (instantiateWasm then
  // compiles the blob); an HTTP error rejects.
  var wasm_blob = worker && blob_of(early.wasm, 'wasm');
  var compiled = wasm_blob && wasm_blob.then(function (blob) {
    return new Promise(function (resolve) {
      compile_answered = function (module) { resolve({ blob: blob, module: module }); };
      worker.onerror = function () { resolve({ blob: blob, module: null }); };
      // A worker that never answers (it takes well under a second) is not waited for longer.
      setTimeout(function () { resolve({ blob: blob, module: null }); }, 10000);
      worker.postMessage({ wasm: blob });
      mark('sent');
    });
  });
  var worker_font = worker && blob_of(early.font, 'font');
  if (worker) {
    worker_font.then(function (blob) { worker.postMessage({ font: blob }); }, function () {});
    worker.postMessage({ start: { options: JSON.stringify(start_options()), width: innerWidth, height: innerHeight,
                                  dpr: window.devicePixelRatio || 1 } });
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
  }) : (worker_font ? worker_font.then(function (blob) { return new Response(blob).arrayBuffer(); })
                    : font_bytes('yibao-sc-first.otf', early.font)).then(function (b) {
    mark('font');
    file_in('font');
    return b;
  });
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
    if (full_font_given || build.single || !mod) return;  // called once the deferred module is in
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
      // make split-profile: an instrumented module (wasm-split --instrument) says what ran so far.
      var ex = wasm_instance && wasm_instance.exports;
      if (ex && ex.__write_profile) {
        var n = 16 + 4 * 65536, p = mod._malloc(n), len = ex.__write_profile(p, n);
        yibao.first_profile = Array.from(mod.HEAPU8.subarray(p, p + len));
        mod._free(p);
      }
      first_frame();
      load_deferred();
      load_later();
      // The tab's icon: nothing the first answer needs to wait for (index.html holds an empty one).
      var icon = document.getElementById('yibao-icon');
      if (icon) {
        icon.type = 'image/png';
        icon.setAttribute('sizes', '32x32');
        icon.href = 'icons/icon-32.png';
      }
    },
    yibao_complete_frame: function () { complete_frame(); },
    // The first frame may ask for the full font (a glyph only it has); the rest is yibao-later.js's.
    yibao_action: function (name) {
      if (name === 'full_font') return give_full_font();
      later_seen.then(function (later) { setTimeout(function () { later.act(name); }, 0); });
    },
    yibao_set_query: function (answers) { later_seen.then(function (later) { later.set_query(answers); }); }
  };
  // The wasm: the response index.html started, compiled as it streams (Emscripten's own loader
  // would fetch it again). A failure rejects module_ready (yibao.ready then says 加载失败).
  var wasm_failed;
  var wasm_error = new Promise(function (resolve, reject) { wasm_failed = reject; });
  var wasm_instance = null;
  // --- the deferred module (yibao-deferred.wasm, web/tools/split_wasm.py): the functions no first
  //     frame runs. Fetched once the first frame is on screen; until it is in, the page draws no
  //     other frame and takes no input (platform/main_web.cpp: yibao_deferred_ready), and the glue
  //     holds back what would call into it. A call that reaches one of its functions earlier
  //     anyway goes through a placeholder that loads it at once (counted: the tests want none). ---
  var deferred = { split: false, loaded: false, placeholder_calls: 0 };
  var deferred_ready;
  var deferred_seen = new Promise(function (resolve) { deferred_ready = resolve; });
  function wasm_exports() { return wasm_instance.exports; }
  function wasm_table() {
    var ex = wasm_exports();
    for (var k in ex) if (ex[k] instanceof WebAssembly.Table) return ex[k];
    throw new Error('yibao: the module exports no table');
  }
  function deferred_in() {
    if (deferred.loaded) return;
    deferred.loaded = true;
    deferred_ready();
  }
  // --- the glue's second script (yibao-later.js: web/js/later_begin.js … later_end.js): the
  //     semantics layer, the picture, the printout, the share link, the kiosk's idle reset and the
  //     published rules, fetched once the first frame is on screen, beside the deferred module. ---
  var later_arrived;
  var later_seen = new Promise(function (resolve) { later_arrived = resolve; });
  var later = null;  // what it hands back, once it ran
  function load_later() {
    window.yibao_internal = {
      mod: mod, module_args: module_args, yibao: yibao, build: build, palette: the_palette, call_json: call_json,
      with_string: with_string, today_iso: today_iso, deferred: deferred, deferred_seen: deferred_seen,
      first_frame_seen: first_frame_seen, full_font: full_font, give_full_font: give_full_font, html_font: html_font,
      kiosk: kiosk, wechat: wechat, paper: paper, idle_seconds: idle_seconds, message: message, network: network,
      apply_waiting_update: apply_waiting_update, remember_text_size: remember_text_size, setup_keys: setup_keys,
      loaded: function (parts) {
        later = parts;
        try { delete window.yibao_internal; } catch (e) { window.yibao_internal = undefined; }
        later_arrived(parts);
      }
    };
    var s = document.createElement('script');
    if (build.single) {
      s.text = document.getElementById('yibao-later').textContent;  // make_single.py put it there
    } else {
      s.src = versioned('yibao-later.js');
      s.onerror = function () { show('加载失败，请检查网络后刷新重试。'); };
    }
    document.head.appendChild(s);
  }
  // Input and the frames after the first need both: the deferred module's code and the semantics layer.
  var interactive_seen = Promise.all([deferred_seen, later_seen]).then(function () { mod._yibao_deferred_ready(); });
  // At once, synchronously (a placeholder was called): bytes through a synchronous request.
  function load_deferred_now() {
    if (deferred.loaded) return;
    var xhr = new XMLHttpRequest();
    xhr.open('GET', versioned('yibao-deferred.wasm'), false);
    xhr.overrideMimeType('text/plain; charset=x-user-defined');
    xhr.send(null);
    if (xhr.status !== 200 && xhr.status !== 0) throw new Error('yibao: yibao-deferred.wasm: HTTP ' + xhr.status);
    var text = xhr.responseText, bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
    new WebAssembly.Instance(new WebAssembly.Module(bytes), { primary: wasm_exports() });
    deferred_in();
  }
  var placeholders = typeof Proxy === 'function' ? new Proxy({}, {
    get: function (target, slot) {
      return function () {
        deferred.placeholder_calls++;
        load_deferred_now();
        return wasm_table().get(+slot).apply(null, arguments);
      };
    }
  }) : {};
  // Once the first frame is on screen (a module that was not split has nothing to fetch).
  function load_deferred() {
    if (!deferred.split) return deferred_in();
    fetch(versioned('yibao-deferred.wasm'), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('yibao-deferred.wasm: HTTP ' + r.status);
      var streaming = WebAssembly.compileStreaming && /^application\/wasm\b/.test(r.headers.get('content-type') || '');
      return streaming ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
    }).then(function (m) {
      if (deferred.loaded) return;
      return WebAssembly.instantiate(m, { primary: wasm_exports() }).then(deferred_in);
    }).catch(function (e) {
      show('加载失败，请检查网络后刷新重试。');
      console.error('yibao: the deferred module did not load', e);
    });
  }
  if (!build.single) {
    module_args.locateFile = function (path) { return versioned(path); };
    module_args.instantiateWasm = function (imports, receive) {
      imports.placeholder = placeholders;  // the split module's placeholders (web/tools/split_wasm.py)
      // Compiled by the worker (else here).
      var instantiated = compiled && compiled.then(function (got) {
        mark('compiled');
        return got.module || new Response(got.blob).arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
      }).then(function (m) {
        return WebAssembly.instantiate(m, imports).then(function (instance) { return { instance: instance, module: m }; });
      });
      (instantiated || fetch_once('yibao.wasm', early.wasm).then(function (r) {
        mark('wasm-response');
        if (!r.ok) throw new Error('wasm: HTTP ' + r.status);
        var streaming = WebAssembly.instantiateStreaming && /^application\/wasm\b/.test(r.headers.get('content-type') || '');
        return streaming ? WebAssembly.instantiateStreaming(r, imports)
          : r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, imports); });
      })).then(function (out) {
        mark('instantiated');
        file_in('wasm');
        wasm_instance = out.instance;
        for (var k in out.instance.exports) if (k.charAt(0) === '%') deferred.split = true;  // wasm-split's exports
        receive(out.instance, out.module);
      }, wasm_failed);
      return {};  // Emscripten: the exports come later, through receive
    };
  }
  module_args.yibao_mark = mark;
  var module_ready = Promise.race([create_yibao_module(module_args), wasm_error]).then(function (m) { mark('module'); return m; });
  // The WebGL context now, while the wasm downloads and compiles: the page's own request for it
  // (platform/main_web.cpp, the same attributes) gets this one back. (Made once the worker's module
  // arrived, or once the worker ran, the first answer came no sooner: 11 loads each.)
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
    mark('context');
  } catch (e) { /* the page says so once it starts */ }

  var mod = null;
  var palette = null;  // the screens' colours by name (ui/widgets.h): asked for once, when first wanted
  function the_palette() {
    if (!palette) palette = call_json(function () { return mod._yibao_palette(); });
    return palette;
  }
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
