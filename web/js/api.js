
  // web/js/api.js: window.yibao and the page's start; closes the shared scope.
  // (A part of yibao_glue.js: it shares the scope that env.js opens; see env.js.)
  var yibao = {
    first_frame_ms: null,
    webgl: 0,
    started: false,
    cached_version: null,
    picture_text: null,
    // The deferred module (load.js): {split, loaded, placeholder_calls}.
    deferred: deferred,
    // The worker (load.js): {worker: started, compiled: it compiled the module, rules / frame: it
    // warmed them up (it then ends by itself), failed: why its warm-up stopped, or null}.
    head_start: head_start,
    palette: function () { return the_palette(); },
    env: { kiosk: kiosk, wechat: wechat, single: !!build.single, version: build.version, idle_seconds: idle_seconds,
           can_print: can_print, paper: paper, service_worker: sw_ok },
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
    state: function () { return call_json(function () { return mod._yibao_state(); }); },
    // The font atlas's stages: {stage, full, first_builds, first_frame_waited, first} (platform/page.h).
    font_state: function () { return call_json(function () { return mod._yibao_font_state(); }); },
    // How far the rules are read (platform/abi.cpp yibao_rules_state): the tests read it.
    rules_state: function () { return call_json(function () { return mod._yibao_rules_state(); }); },
    presentation: function () { return call_json(function () { return mod._yibao_presentation(); }); },
    picture: function () { return later_part('make_picture').apply(null, arguments); },
    // The 字号 step: 0 标准, 1 大字, 2 特大 (as the 字号 button and a pinch); returns the step in use.
    text_size: function (step) { return mod._yibao_set_text_step(step | 0); },
    spoken: null,
    // Rules published beside the page (rules.js): a promise once they are being checked (null,
    // 'updated' or the refusal shown), the files taken, the notice shown.
    rules_checked: null,
    rules_updated: null,
    rules_notice: null,
    // The wasm module's memory in bytes (make bench-web prints it).
    memory: function () { return { heap: mod ? mod.HEAPU8.length : 0 }; },
    render_print: function () { return later_part('render_print').apply(null, arguments); },
    start_over: function () { return later_part('forget_everything').apply(null, arguments); }
  };

  // A function of yibao-later.js (picture, printout, start over): there once yibao.ready resolved.
  function later_part(name) {
    if (!later) throw new Error('yibao: not ready yet (await yibao.ready)');
    return later[name];
  }

  // The rules are read as soon as the module is here (the font may still be on its way).
  var rules_ready = module_ready.then(function (m) {
    mod = m;
    if (build.single) {
      // The single file carries its rules as JSON text (make_single.py), not inside its wasm.
      var bundle = document.getElementById('yibao-rules');
      var refused = with_string(bundle ? bundle.textContent : '', function (s) {
        return mod.UTF8ToString(mod._yibao_bundle_rules(s));
      });
      if (refused) {
        show('计算规则加载失败：本文件不完整，请重新获取计算器文件。');
        throw new Error('yibao: rules did not load: ' + refused);
      }
    }
    var read = with_string(location.search, function (q) {
      return with_string(today_iso(), function (t) { return mod._yibao_init(q, t); });
    });
    if (read !== 0) {
      show('计算规则加载失败，请稍后刷新重试。');
      throw new Error('yibao: rules did not load: ' + mod.UTF8ToString(mod._yibao_load_errors()));
    }
    mark('rules');
  });
  yibao.ready = Promise.all([rules_ready, first_font]).then(function (parts) {
    var bytes = new Uint8Array(parts[1]);
    var font_ptr = mod._malloc(bytes.length);  // kept for the page's lifetime (ImGui reads it)
    mod.HEAPU8.set(bytes, font_ptr);
    var rc = with_string(JSON.stringify(start_options()), function (s) {
      return mod._yibao_start(s, font_ptr, bytes.length, build.single ? 1 : 0);
    });
    yibao.webgl = mod._yibao_webgl_version();
    if (rc === 1) {
      show('您的浏览器不支持 WebGL，无法显示计算器。请换用较新的浏览器（如手机自带浏览器、微信、Chrome、Safari）。');
      load_deferred();  // yibao.quote still works
      return;  // yibao.quote still works
    }
    if (rc !== 0) throw new Error('yibao: start failed (' + rc + ')');
    yibao.started = true;
    tell_network();
    // The offline copy is fetched once the page is on screen, never competing with the first load.
    deferred_seen.then(give_full_font);
    // The rules the first screen did not need, once it is on screen (a tap reads them at once).
    deferred_seen.then(function () {
      setTimeout(function () {
        if (mod._yibao_complete_rules() !== 0) {
          show('计算规则加载失败，请稍后刷新重试。');
          console.error('yibao: rules did not load: ' + mod.UTF8ToString(mod._yibao_load_errors()));
          return;
        }
        // Newer rules published beside the page (rules.js, in yibao-later.js).
        yibao.rules_checked = later_seen.then(function (later) { return later.update_rules(); });
      }, 0);
    });
    if (sw_ok) first_frame_seen.then(register_offline_copy);
    // Device pixel ratio changes that come without a resize event (zoom, another screen).
    (function watch_dpr() {
      var mq = matchMedia('(resolution: ' + devicePixelRatio + 'dppx)');
      var again = function () { mod._yibao_refresh_size(); watch_dpr(); };
      if (mq.addEventListener) mq.addEventListener('change', again, { once: true });
    })();
    // Resolved once the semantics layer holds the whole page too (a11y.js writes it just after
    // the first frame with every card).
    return Promise.all([complete_frame_seen, interactive_seen]).then(function () {
      return new Promise(function (r) { setTimeout(r, 0); });
    });
  });
  yibao.ready.catch(function (e) {
    if (!told) show('加载失败，请检查网络后刷新重试。');
    console.error(e);
  });
  window.yibao = yibao;
  mark('glue');  // the script has run (the module may still be on its way)
})();
