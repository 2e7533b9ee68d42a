// window.yibao: the page's JavaScript face (appended to Emscripten's yibao.js at link time).
//   yibao.ready            promise: resolves once the first interactive frame is on screen
//   yibao.quote(request)   the quote object, the same as `yibao quote` prints (request: object or JSON text)
//   yibao.catalogue()      years, districts and enrollment dates of the loaded rules
//   yibao.state()          what the screen shows now, with the tappable widgets' CSS rectangles (tests)
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var message = document.getElementById('msg');
  var first_frame;
  var first_frame_seen = new Promise(function (resolve) { first_frame = resolve; });

  var told = false;
  function show(text) {
    told = true;
    if (!message) return;
    message.textContent = text;
    message.hidden = false;
  }
  function today_iso() {
    var t = params.get('today');
    if (t && /^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  var font = fetch('yibao-sc.otf', { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('font: HTTP ' + r.status);
    return r.arrayBuffer();
  });
  var module_ready = create_yibao_module({
    yibao_first_frame: function () {
      yibao.first_frame_ms = performance.now();
      if (message) message.hidden = true;
      first_frame();
    }
  });

  var mod = null;
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

  var yibao = {
    first_frame_ms: null,
    webgl: 0,
    quote: function (request, with_advice) {
      var text = typeof request === 'string' ? request : JSON.stringify(request);
      return call_json(function () {
        return with_string(text, function (p) { return mod._yibao_quote(p, with_advice ? 1 : 0); });
      });
    },
    catalogue: function () { return call_json(function () { return mod._yibao_catalogue(); }); },
    categories: function (year, district) {
      return call_json(function () {
        return with_string(String(district), function (p) { return mod._yibao_categories(year | 0, p); });
      });
    },
    state: function () { return call_json(function () { return mod._yibao_state(); }); }
  };

  yibao.ready = Promise.all([module_ready, font]).then(function (parts) {
    mod = parts[0];
    if (mod._yibao_init() !== 0) {
      show('计算规则加载失败，请稍后刷新重试。');
      throw new Error('yibao: rules did not load: ' + mod.UTF8ToString(mod._yibao_load_errors()));
    }
    var bytes = new Uint8Array(parts[1]);
    var font_ptr = mod._malloc(bytes.length);  // kept for the page's lifetime (ImGui reads it)
    mod.HEAPU8.set(bytes, font_ptr);
    var rc = with_string(location.search, function (q) {
      return with_string(today_iso(), function (t) { return mod._yibao_start(q, t, font_ptr, bytes.length); });
    });
    yibao.webgl = mod._yibao_webgl_version();
    if (rc === 1) {
      show('您的浏览器不支持 WebGL，无法显示计算器。请换用较新的浏览器（如手机自带浏览器、微信、Chrome、Safari）。');
      return;  // yibao.quote still works
    }
    if (rc !== 0) throw new Error('yibao: start failed (' + rc + ')');
    // Device pixel ratio changes that come without a resize event (zoom, another screen).
    (function watch_dpr() {
      var mq = matchMedia('(resolution: ' + devicePixelRatio + 'dppx)');
      var again = function () { mod._yibao_refresh_size(); watch_dpr(); };
      if (mq.addEventListener) mq.addEventListener('change', again, { once: true });
    })();
    return first_frame_seen;
  });
  yibao.ready.catch(function (e) {
    if (!told) show('加载失败，请检查网络后刷新重试。');
    console.error(e);
  });
  window.yibao = yibao;
})();
