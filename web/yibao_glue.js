// window.yibao: the page's JavaScript face (appended to Emscripten's yibao.js at link time), and
// what the canvas cannot do itself: the saved picture, printing, the link in the address bar, the
// offline cache and a kiosk's idle reset.
//   yibao.ready            promise: resolves once the first interactive frame is on screen
//   yibao.quote(request)   the quote object, the same as `yibao quote` prints (request: object or JSON text)
//   yibao.catalogue()      years, districts and enrollment dates of the loaded rules
//   yibao.state()          what the screen shows now, with the tappable widgets' CSS rectangles (tests)
//   yibao.receipt()        the quote as the printout and the picture show it (ui/receipt.h)
//   yibao.picture()        the saved picture: a PNG data URL (also shown to long-press)
//   yibao.render_print(p)  fills the print layout for paper p ('a4' or '80mm') without printing
//   yibao.env              where the page runs: kiosk, wechat, single, version, idle_seconds
(function () {
  'use strict';
  var build = window.yibao_build || { version: 'dev', single: false };
  if (build.unsupported) return;  // index.html already said why
  var params = new URLSearchParams(location.search);
  var message = document.getElementById('msg');
  var first_frame;
  var first_frame_seen = new Promise(function (resolve) { first_frame = resolve; });

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
  var flags = (kiosk ? 1 : 0) | (can_print ? 2 : 0) | (kiosk ? 0 : 4) | (can_share ? 8 : 0) | (wechat ? 16 : 0);
  // URL parameters that set the page up rather than answer a question: kept when answers are written.
  var setup_keys = ['mode', 'paper', 'idle', 'today', 'sw'];

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
  function versioned(file) { return file + '?v=' + encodeURIComponent(build.version); }

  // --- the font: fetched, or inside the single-file build ---
  var font = build.single ? Promise.resolve().then(function () {
    var b64 = document.getElementById('yibao-font').textContent.replace(/\s+/g, '');
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; ++i) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }) : fetch(versioned('yibao-sc.otf'), { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('font: HTTP ' + r.status);
    return r.arrayBuffer();
  });
  // The same font for the page's HTML (picture, printout, messages), so that they need no system
  // font; loaded once the canvas is on screen, never delaying it.
  var html_font = Promise.all([font, first_frame_seen]).then(function (parts) {
    var buf = parts[0];
    if (!window.FontFace || !document.fonts) return null;
    var face = new FontFace('yibao-sc', buf.slice(0));
    return face.load().then(function (f) { document.fonts.add(f); return f; }, function () { return null; });
  });

  var module_args = {
    yibao_first_frame: function () {
      yibao.first_frame_ms = performance.now();
      if (message) message.hidden = true;
      first_frame();
    },
    yibao_action: function (name) { setTimeout(function () { act(name); }, 0); },
    yibao_set_query: set_query
  };
  if (!build.single) module_args.locateFile = function (path) { return versioned(path); };
  var module_ready = create_yibao_module(module_args);

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

  // --- the answers in the address bar (a forwarded link reopens the same quote) ---
  function set_query(answers) {
    var now = new URLSearchParams(location.search);
    var q = answers;
    setup_keys.forEach(function (k) {
      if (now.has(k)) q += '&' + encodeURIComponent(k) + '=' + encodeURIComponent(now.get(k));
    });
    try {
      history.replaceState(history.state, '', location.pathname + '?' + q + location.hash);
    } catch (e) { /* file:// in some browsers: the link just does not carry the answers */ }
  }

  // --- overlays: the picture and the link ---
  var sheet = document.getElementById('sheet');
  function close_sheet() {
    sheet.hidden = true;
    sheet.textContent = '';
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function open_sheet(children) {
    sheet.textContent = '';
    var box = el('div', { class: 'box' });
    children.forEach(function (c) { box.appendChild(c); });
    var actions = box.querySelector('.actions') || box.appendChild(el('div', { class: 'actions' }));
    var back = el('button', { type: 'button', id: 'sheet-close' }, '返回');
    back.addEventListener('click', close_sheet);
    actions.appendChild(back);
    sheet.appendChild(box);
    sheet.hidden = false;
    sheet.scrollTop = 0;
  }

  function act(name) {
    if (name === 'picture') return show_picture();
    if (name === 'print') return print_receipt(paper || 'a4');
    if (name === 'share') return share_link();
    if (name === 'start_over') return forget_everything();
  }

  function show_picture() {
    html_font.then(function () {
      var url = yibao.picture();
      var img = el('img', { id: 'picture', src: url, alt: '计算结果图片' });
      var hint = wechat ? '长按图片，选择“保存图片”或“发送给朋友”。'
                        : '长按图片可以保存；在电脑上可以点“下载图片”。';
      var children = [el('p', {}, hint), img];
      var actions = el('div', { class: 'actions' });
      if (!wechat) {
        var a = el('a', { href: url, download: '医保计算结果-' + today_iso() + '.png', id: 'picture-download' }, '下载图片');
        actions.appendChild(a);
      }
      children.push(actions);
      open_sheet(children);
    });
  }

  function share_link() {
    var url = location.href;
    if (!wechat && navigator.share) {
      navigator.share({ title: document.title, url: url }).catch(function () {});
      return;
    }
    var copied = false;
    if (!wechat && navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { copied = true; say(); }, say);
    } else {
      say();
    }
    function say() {
      var text = wechat ? '点右上角“…”，选择“发送给朋友”或“分享到朋友圈”。对方打开后，看到的是同样的回答和结果。'
                        : copied ? '链接已复制。对方打开后，看到的是同样的回答和结果。'
                                 : '复制下面的链接发给对方，打开后看到的是同样的回答和结果。';
      var link = el('p', { id: 'share-url', style: 'word-break:break-all;user-select:all;-webkit-user-select:all' }, url);
      open_sheet([el('p', {}, text), link]);
    }
  }

  // --- the saved picture: the receipt drawn on a 2D canvas with the page's font ---
  var picture_css_w = 540, picture_scale = 2;
  function draw_receipt(r, ctx, draw) {
    var W = picture_css_w, pad = 28, y = 0, inner = W - 2 * pad;
    var family = '"yibao-sc", "Noto Sans CJK SC", "PingFang SC", sans-serif';
    var color = { normal: '#1a202c', muted: '#586374', good: '#198038', warn: '#c46200', bad: '#c02020' };
    var drawn = [];
    function font(px) { ctx.font = px + 'px ' + family; }
    function text_at(s, x, yy, px, col, align) {
      if (!draw) return;
      font(px);
      ctx.fillStyle = col;
      ctx.textAlign = align || 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(s, x, yy);
      drawn.push(s);
    }
    // Lines no wider than w: break between Chinese characters, keep Latin words and numbers whole.
    function wrap(s, px, w) {
      font(px);
      var tokens = s.match(/[A-Za-z0-9.,:%/_\-+()]+|\s+|[\s\S]/g) || [];
      var lines = [], line = '';
      tokens.forEach(function (t) {
        // Closing punctuation never starts a line: it stays on this one, a little into the margin.
        if (ctx.measureText(line + t).width > w && line && !/^[，。、；：！？）】》〕”’,.;:!?)%]/.test(t)) {
          lines.push(line);
          line = t.trim() === '' ? '' : t;
          while (ctx.measureText(line).width > w && line.length > 1) {  // a token wider than a line
            var cut = line.length - 1;
            while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > w) --cut;
            lines.push(line.slice(0, cut));
            line = line.slice(cut);
          }
        } else {
          line += t;
        }
      });
      if (line) lines.push(line);
      return lines;
    }
    function para(s, px, col, indent) {
      indent = indent || 0;
      wrap(s, px, inner - indent).forEach(function (l) {
        text_at(l, pad + indent, y, px, col);
        y += Math.round(px * 1.45);
      });
    }
    function row(label, value, col) {
      font(16);
      var vw = ctx.measureText(value).width;
      var lines = wrap(label, 16, inner - vw - 16);
      lines.forEach(function (l, i) {
        text_at(l, pad, y, 16, color.muted);
        if (i === 0) text_at(value, W - pad, y, 16, col || color.normal, 'right');
        y += 23;
      });
      if (draw) {
        ctx.fillStyle = '#e8ebf0';
        ctx.fillRect(pad, y + 3, inner, 1);
      }
      y += 9;
    }
    function heading(s) {
      y += 10;
      text_at(s, pad, y, 19, '#1665c0');
      y += 30;
    }
    if (draw) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, W, ctx.canvas.height / picture_scale);
      ctx.fillStyle = '#1665c0';
      ctx.fillRect(0, 0, W, 64);
    }
    text_at(r.title, pad, 19, 22, '#ffffff');
    y = 80;
    text_at(r.made_on, pad, y, 15, color.muted);
    y += 30;
    r.answers.forEach(function (a) { row(a.label, a.value); });
    y += 6;
    if (r.ok) {
      text_at('应缴', pad, y + 26, 18, color.muted);
      font(18);
      var x = pad + ctx.measureText('应缴').width + 10;
      text_at(r.due, x, y, 52, '#1665c0');
      font(52);
      x += ctx.measureText(r.due).width + 6;
      text_at('元', x, y + 26, 18, color.normal);
      y += 72;
      r.amounts.forEach(function (a) { row(a.label, a.value, color[a.tone]); });
      y += 4;
      if (r.coverage) para(r.coverage, 17, color.normal);
      para(r.waiting, 17, r.has_waiting ? color.warn : color.good);
      if (r.category) para(r.category, 15, color.muted);
      if (r.advice.length) {
        y += 6;
        r.advice.forEach(function (a) { para('• ' + a, 15, color.normal, 0); });
      }
    } else {
      para('暂时算不出结果：', 17, color.bad);
      r.errors.forEach(function (e) { para('• ' + e, 15, color.bad); });
    }
    if (r.reasons.length) {
      heading('为什么 · 依据');
      r.reasons.forEach(function (e) {
        para(e.text, 15, color.normal);
        if (e.source) para('依据：' + e.source, 13, color.muted, 12);
        y += 4;
      });
    }
    if (r.notes.length) {
      heading('注意');
      r.notes.forEach(function (n) { para('• ' + n, 14, color.normal); });
    }
    y += 10;
    if (draw) {
      ctx.fillStyle = '#d0d6de';
      ctx.fillRect(pad, y, inner, 1);
    }
    y += 10;
    para(r.rules, 13, color.muted);
    para('版本 ' + r.version + ' · ' + r.disclaimer, 13, color.muted);
    y += pad - 8;
    return { height: Math.ceil(y), drawn: drawn };
  }

  function make_picture() {
    var r = yibao.receipt();
    var canvas = document.createElement('canvas');
    var ctx = canvas.getContext('2d');
    var h = draw_receipt(r, ctx, false).height;
    canvas.width = picture_css_w * picture_scale;
    canvas.height = h * picture_scale;
    ctx = canvas.getContext('2d');
    ctx.scale(picture_scale, picture_scale);
    var out = draw_receipt(r, ctx, true);
    yibao.picture_text = out.drawn;
    return canvas.toDataURL('image/png');
  }

  // --- printing: the receipt as HTML, A4 or an 80 mm roll ---
  function render_print(format) {
    var r = yibao.receipt();
    var box = document.getElementById('print');
    box.textContent = '';
    box.className = format === '80mm' ? 'receipt' : 'a4';
    box.appendChild(el('h1', {}, r.title));
    box.appendChild(el('div', { class: 'meta-top' }, r.made_on));
    var table = el('table');
    function add_row(label, value) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, label));
      tr.appendChild(el('td', { class: 'v' }, value));
      table.appendChild(tr);
    }
    r.answers.forEach(function (a) { add_row(a.label, a.value); });
    box.appendChild(table);
    if (r.ok) {
      box.appendChild(el('div', { class: 'due' }, '应缴 ' + r.due + ' 元'));
      var amounts = el('table');
      r.amounts.forEach(function (a) {
        var tr = el('tr');
        tr.appendChild(el('td', {}, a.label));
        tr.appendChild(el('td', { class: 'v' }, a.value));
        amounts.appendChild(tr);
      });
      box.appendChild(amounts);
      if (r.coverage) box.appendChild(el('p', {}, r.coverage));
      box.appendChild(el('p', {}, r.waiting));
      if (r.category) box.appendChild(el('p', {}, r.category));
      if (r.advice.length) {
        var ul = el('ul');
        r.advice.forEach(function (a) { ul.appendChild(el('li', {}, a)); });
        box.appendChild(ul);
      }
    } else {
      box.appendChild(el('p', {}, '暂时算不出结果：'));
      var eu = el('ul');
      r.errors.forEach(function (e) { eu.appendChild(el('li', {}, e)); });
      box.appendChild(eu);
    }
    if (r.reasons.length) {
      box.appendChild(el('h2', {}, '为什么 · 依据'));
      var ol = el('ol');
      r.reasons.forEach(function (e) {
        var li = el('li', {}, e.text);
        if (e.source) li.appendChild(el('div', { class: 'src' }, '依据：' + e.source));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    }
    if (r.notes.length) {
      box.appendChild(el('h2', {}, '注意'));
      var nl = el('ul');
      r.notes.forEach(function (n) { nl.appendChild(el('li', {}, n)); });
      box.appendChild(nl);
    }
    var meta = el('div', { class: 'meta' });
    meta.appendChild(el('div', {}, r.rules));
    meta.appendChild(el('div', {}, '版本 ' + r.version + ' · ' + r.disclaimer));
    if (!kiosk) meta.appendChild(el('div', { class: 'src' }, location.href));
    box.appendChild(meta);
    // A roll is cut where the text ends: the page is as long as the printout (measured off screen).
    var size = '@page { size: A4; margin: 15mm; }';
    if (format === '80mm') {
      box.classList.add('measure');
      var mm = Math.ceil(box.getBoundingClientRect().height * 25.4 / 96) + 8;
      box.classList.remove('measure');
      size = '@page { size: 80mm ' + mm + 'mm; margin: 4mm; }';
    }
    document.getElementById('page-size').textContent = size;
    return box;
  }
  function print_receipt(format) {
    html_font.then(function () {
      render_print(format);
      window.print();
    });
  }

  // --- kiosk: full screen, no long-press menus, and the idle reset ---
  var idle = document.getElementById('idle');
  var idle_timer = 0, idle_tick = 0, idle_deadline = 0;
  var update_waiting = null;  // a new version's service worker, applied at a safe moment
  function forget_everything() {
    close_sheet();
    document.getElementById('print').textContent = '';
    yibao.picture_text = null;
    if (kiosk) arm_idle();
    if (update_waiting) return apply_update();
    if (mod) with_string(today_iso(), function (t) { mod._yibao_reset(t); });
  }
  function hide_idle() {
    idle.hidden = true;
    clearInterval(idle_tick);
  }
  function arm_idle() {
    clearTimeout(idle_timer);
    hide_idle();
    var total = idle_seconds * 1000;
    var warn = Math.min(15000, Math.floor(total / 3));
    idle_deadline = Date.now() + total;
    idle_timer = setTimeout(function () {
      idle.hidden = false;
      var tick = function () {
        var left = Math.max(0, Math.ceil((idle_deadline - Date.now()) / 1000));
        idle.textContent = '还在使用吗？' + left + '秒后将清空所有回答，回到首页。点屏幕任意处继续。';
        if (Date.now() >= idle_deadline) {
          hide_idle();
          forget_everything();
        }
      };
      tick();
      idle_tick = setInterval(tick, 250);
    }, total - warn);
  }
  if (kiosk) {
    var wake_up = function () {
      arm_idle();
      var root = document.documentElement;
      if (!document.fullscreenElement && root.requestFullscreen)
        root.requestFullscreen({ navigationUI: 'hide' }).catch(function () {});
    };
    ['pointerdown', 'touchstart', 'keydown', 'wheel'].forEach(function (type) {
      window.addEventListener(type, wake_up, { capture: true, passive: true });
    });
    window.addEventListener('contextmenu', function (e) { e.preventDefault(); });
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

  // --- offline: a service worker keeps this version's files (never on file://) ---
  var network = { online: navigator.onLine !== false, offline_ready: false };
  function tell_network() {
    if (mod && yibao.started) mod._yibao_set_network(network.online ? 1 : 0, network.offline_ready ? 1 : 0);
  }
  window.addEventListener('online', function () { network.online = true; tell_network(); });
  window.addEventListener('offline', function () { network.online = false; tell_network(); });
  var touched = false;
  window.addEventListener('pointerdown', function () { touched = true; }, { capture: true, passive: true });
  function apply_update() {
    var w = update_waiting;
    update_waiting = null;
    navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); }, { once: true });
    w.postMessage({ type: 'skip_waiting' });
  }
  function update_found(w) {
    update_waiting = w;
    // The new version replaces this one at once unless a resident is in the middle of it: then
    // when the page is put away, or on a kiosk at the next idle reset. The answers are in the URL.
    if (!touched && !kiosk) apply_update();
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && update_waiting && !kiosk) apply_update();
  });
  var sw_ok = !build.single && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol) &&
              params.get('sw') !== '0';
  function register_offline_copy() {
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data && e.data.type === 'version') {
        network.offline_ready = e.data.version === build.version;
        yibao.cached_version = e.data.version;
        tell_network();
      }
    });
    var ask_version = function (worker) { if (worker) worker.postMessage({ type: 'version' }); };
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      var watch = function (w) {
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) update_found(w);
          if (w.state === 'activated') ask_version(w);
        });
      };
      if (reg.installing) watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      if (reg.waiting && navigator.serviceWorker.controller) update_found(reg.waiting);
      ask_version(reg.active);
    }).catch(function (e) { console.warn('yibao: no offline copy:', e && e.message); });
  }

  var yibao = {
    first_frame_ms: null,
    webgl: 0,
    started: false,
    cached_version: null,
    picture_text: null,
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
    receipt: function () { return call_json(function () { return mod._yibao_receipt(); }); },
    picture: make_picture,
    render_print: render_print,
    start_over: forget_everything
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
      return with_string(today_iso(), function (t) {
        return with_string(String(build.version), function (v) {
          return mod._yibao_start(q, t, font_ptr, bytes.length, flags, v);
        });
      });
    });
    yibao.webgl = mod._yibao_webgl_version();
    if (rc === 1) {
      show('您的浏览器不支持 WebGL，无法显示计算器。请换用较新的浏览器（如手机自带浏览器、微信、Chrome、Safari）。');
      return;  // yibao.quote still works
    }
    if (rc !== 0) throw new Error('yibao: start failed (' + rc + ')');
    yibao.started = true;
    tell_network();
    if (kiosk) arm_idle();
    // The offline copy is fetched once the page is on screen, never competing with the first load.
    if (sw_ok) first_frame_seen.then(register_offline_copy);
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
