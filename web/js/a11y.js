  // web/js/a11y.js: the semantics layer — real DOM elements over the canvas, built from the nodes
  // the screens record while they draw (ui/semantics.h), so that screen readers, explore-by-touch,
  // find-in-page, a long press, the keyboard and the platform's date picker reach what is drawn.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
  //
  //   #a11y            fixed over the canvas, pointer-events none (taps go to the canvas)
  //     header         the top bar's nodes (not scrolled)
  //     main           the page's nodes in page coordinates, moved by the page's scroll
  //     .live          a polite live region: the new answer after a change
  //
  // Elements are kept by id across updates and only what changed is written (idle stays idle);
  // a click, a date chosen or a focus goes back to the screens (Module._yibao_a11y_*), which
  // act on the next frame exactly as for a tap.
  var a11y = (function () {
    var root = null, header = null, main = null, live = null;
    var elements = new Map();  // id -> { el, key, node }
    var groups = new Map();    // radiogroup id -> element
    var last_announce = null, announce_timer = 0, clear_timer = 0, toggle = false;
    var keyboard_focus = false;  // the last focus came by Tab or an arrow (draw the ring)

    function build() {
      root = document.getElementById('a11y');
      if (!root) return false;
      header = root.querySelector('header');
      main = root.querySelector('main');
      live = root.querySelector('.live');
      // A focus or find-in-page may scroll the layer itself: it never scrolls (the page does).
      root.addEventListener('scroll', function () { root.scrollTop = 0; root.scrollLeft = 0; });
      document.addEventListener('keydown', function (e) {
        if (e.key === 'Tab' || e.key.indexOf('Arrow') === 0) keyboard_focus = true;
      }, true);
      document.addEventListener('pointerdown', function () { keyboard_focus = false; }, true);
      return true;
    }

    function tag_of(node) {
      switch (node.role) {
        case 'heading': return node.level === 1 ? 'h1' : 'h2';
        case 'button': return 'button';
        case 'date': return 'input';
        case 'checkbox': case 'radio': return 'div';
        case 'radiogroup': return 'div';
        default: return 'p';
      }
    }

    function call(fn, id, extra) {
      if (!mod) return;
      if (!deferred.loaded) return deferred_seen.then(function () { call(fn, id, extra); });
      with_string(id, function (p) {
        if (extra === undefined) fn(p);
        else if (typeof extra === 'number') fn(p, extra);
        else with_string(extra, function (q) { fn(p, q); });
      });
    }

    function activate(id) { call(mod._yibao_a11y_activate, id); }

    function on_click(e) {
      var id = e.currentTarget.dataset.id;
      e.stopPropagation();
      e.preventDefault();
      var rec = elements.get(id);
      if (rec && rec.node.disabled) return;
      activate(id);
    }

    function radios_of(group_id) {
      var out = [];
      elements.forEach(function (rec) {
        if (rec.node.role === 'radio' && rec.node.group === group_id) out.push(rec);
      });
      return out;
    }

    function on_key(e) {
      var el = e.currentTarget;
      var rec = elements.get(el.dataset.id);
      if (!rec) return;
      var role = rec.node.role;
      if ((role === 'checkbox' || role === 'radio') && (e.key === ' ' || e.key === 'Enter')) {
        e.preventDefault();
        activate(rec.node.id);
        return;
      }
      if (role === 'radio' && /^Arrow(Up|Down|Left|Right)$/.test(e.key)) {
        // Arrows move within the question and choose, as a radio group does.
        e.preventDefault();
        var list = radios_of(rec.node.group);
        var i = list.indexOf(rec);
        var step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
        var next = list[(i + step + list.length) % list.length];
        if (next) {
          keyboard_focus = true;
          next.el.focus({ preventScroll: true });
          activate(next.node.id);
        }
      }
    }

    function on_focus(e) {
      var id = e.currentTarget.dataset.id;
      call(mod._yibao_a11y_focus, id, keyboard_focus ? 1 : 0);
    }

    function on_blur() {
      setTimeout(function () {
        var a = document.activeElement;
        if (!a || !root.contains(a)) call(mod._yibao_a11y_focus, '', 0);
      }, 0);
    }

    function on_date(e) {
      var el = e.currentTarget;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(el.value)) return;  // cleared or half typed: keep the date shown
      call(mod._yibao_a11y_value, el.dataset.id, el.value);
    }

    function open_picker(e) {
      var el = e.currentTarget;
      // The platform's own picker: a tap on the input opens it on phones; elsewhere ask for it.
      if (typeof el.showPicker === 'function') {
        try { el.showPicker(); } catch (err) { /* not allowed here: the input itself still works */ }
      }
    }

    // The answer's text takes a long press (to select and copy it); a finger dragging over it
    // still scrolls the page, as anywhere else on the canvas.
    var drag = null;
    function drag_start(e) {
      drag = e.touches.length === 1 ? { y: e.touches[0].clientY, moved: false } : null;
    }
    function drag_move(e) {
      if (!drag || e.touches.length !== 1) return;
      var y = e.touches[0].clientY, dy = drag.y - y;
      if (!drag.moved && Math.abs(dy) < 8) return;
      if (!drag.moved && String(getSelection())) { drag = null; return; }  // extending a selection
      drag.moved = true;
      drag.y = y;
      e.preventDefault();
      if (deferred.loaded) mod._yibao_drag(dy);
    }
    function drag_end() { drag = null; }

    function make(node) {
      var el = document.createElement(tag_of(node));
      el.dataset.id = node.id;
      el.className = 'n ' + node.role;
      switch (node.role) {
        case 'button':
          el.type = 'button';
          el.addEventListener('click', on_click);
          el.addEventListener('focus', on_focus);
          el.addEventListener('blur', on_blur);
          break;
        case 'checkbox': case 'radio':
          el.setAttribute('role', node.role);
          el.addEventListener('click', on_click);
          el.addEventListener('keydown', on_key);
          el.addEventListener('focus', on_focus);
          el.addEventListener('blur', on_blur);
          break;
        case 'radiogroup':
          el.setAttribute('role', 'radiogroup');
          break;
        case 'date':
          el.type = 'date';
          el.addEventListener('change', on_date);
          el.addEventListener('input', on_date);
          el.addEventListener('click', open_picker);
          el.addEventListener('focus', on_focus);
          el.addEventListener('blur', on_blur);
          break;
      }
      return el;
    }

    function text_content(el, node) {
      if (node.runs) {
        el.textContent = '';
        node.runs.forEach(function (r) {
          var span = document.createElement('span');
          span.textContent = r.text;
          span.style.fontSize = r.px + 'px';
          el.appendChild(span);
        });
      } else if ((node.role === 'button' || node.role === 'radio' || node.role === 'checkbox') && node.desc) {
        el.textContent = '';
        el.appendChild(document.createTextNode(node.name));
        var d = document.createElement('span');
        d.className = 'desc';
        d.textContent = '，' + node.desc;
        el.appendChild(d);
      } else {
        el.textContent = node.name;
      }
    }

    function write(rec, node) {
      var el = rec.el, old = rec.node || {};
      var s = el.style;
      if (node.x !== old.x || node.y !== old.y) s.transform = 'translate(' + node.x + 'px,' + node.y + 'px)';
      if (node.w !== old.w) s.width = node.w + 'px';
      if (node.h !== old.h) s.height = node.h + 'px';
      if (node.px !== old.px) s.fontSize = node.px ? node.px + 'px' : '';
      if (node.lh !== old.lh) s.lineHeight = node.lh ? node.lh + 'px' : '';
      var text_key = node.name + '\u0001' + (node.desc || '') + '\u0001' + JSON.stringify(node.runs || null);
      if (node.role === 'date') {
        if (node.name !== old.name) el.setAttribute('aria-label', node.name);
        if (node.min !== old.min) el.min = node.min;
        if (node.max !== old.max) el.max = node.max;
        // A new date from the screens, or the input left out of step while nobody is typing in it.
        if (node.value !== old.value || (node.value !== el.value && document.activeElement !== el))
          el.value = node.value;
      } else if (node.role === 'radiogroup') {
        if (node.name !== old.name) el.setAttribute('aria-label', node.name);
      } else if (text_key !== rec.text_key) {
        text_content(el, node);
        rec.text_key = text_key;
      }
      if (node.role === 'checkbox' || node.role === 'radio') {
        if (node.checked !== old.checked) el.setAttribute('aria-checked', node.checked ? 'true' : 'false');
      }
      if (node.role === 'button' && !!node.disabled !== !!old.disabled) {
        if (node.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
      }
      if (node.selectable !== old.selectable) {
        el.classList.toggle('sel', !!node.selectable);
        if (node.selectable && !rec.dragging) {
          rec.dragging = true;
          el.addEventListener('touchstart', drag_start, { passive: true });
          el.addEventListener('touchmove', drag_move, { passive: false });
          el.addEventListener('touchend', drag_end);
          el.addEventListener('touchcancel', drag_end);
        }
      }
      if (node.tone !== old.tone) el.dataset.tone = node.tone || '';
      if (node.role === 'text' && !node.px && !node.runs) el.classList.add('said');
      rec.node = node;
    }

    // Roving focus in each radio group: Tab stops once, at the chosen answer (or the first).
    function tab_stops() {
      var seen = new Map();
      elements.forEach(function (rec) {
        var n = rec.node;
        if (n.role === 'checkbox' && rec.el.getAttribute('tabindex') !== '0') rec.el.setAttribute('tabindex', '0');
        if (n.role !== 'radio') return;
        var g = seen.get(n.group);
        if (!g) { g = []; seen.set(n.group, g); }
        g.push(rec);
      });
      seen.forEach(function (list) {
        var chosen = list.filter(function (r) { return r.node.checked; })[0] || list[0];
        list.forEach(function (r) {
          // The attribute, not the property: a div's tabIndex reads -1 without one (not focusable).
          var t = r === chosen ? '0' : '-1';
          if (r.el.getAttribute('tabindex') !== t) r.el.setAttribute('tabindex', t);
        });
      });
    }

    function update(text) {
      if (!root && !build()) return;
      var data = JSON.parse(text);
      var seen = new Set();
      var order_bar = [], order_main = [];
      data.nodes.forEach(function (node) {
        seen.add(node.id);
        var rec = elements.get(node.id);
        if (!rec || tag_of(node) !== rec.el.localName) {
          if (rec) rec.el.remove();
          rec = { el: make(node), node: null, text_key: null };
          elements.set(node.id, rec);
        }
        write(rec, node);
        if (node.role === 'radiogroup') groups.set(node.id, rec.el);
        (node.fixed ? order_bar : order_main).push(rec);
      });
      elements.forEach(function (rec, id) {
        if (!seen.has(id)) {
          rec.el.remove();
          elements.delete(id);
          if (groups.get(id) === rec.el) groups.delete(id);
        }
      });
      // Reading order = drawing order. Radios go inside their group; an element is moved only
      // when it is not already where it belongs (a moved element loses a screen reader's focus).
      place(header, order_bar);
      place(main, order_main);
      if (main.style.height !== data.height + 'px') main.style.height = data.height + 'px';
      tab_stops();
      if (data.announce !== last_announce) {
        if (last_announce !== null) announce(data.announce);
        last_announce = data.announce;
      }
    }

    function place(parent, list) {
      var cursor = new Map();  // container -> index of the next child
      list.forEach(function (rec) {
        var container = parent;
        if (rec.node.role === 'radio' && rec.node.group && groups.has(rec.node.group)) container = groups.get(rec.node.group);
        var i = cursor.get(container) || 0;
        if (container.children[i] !== rec.el) container.insertBefore(rec.el, container.children[i] || null);
        cursor.set(container, i + 1);
      });
    }

    // The polite live region: the new answer, once things settle (no chatter while a date spins);
    // set on a later tick so the control's own name is spoken first, alternated with a trailing
    // no-break space so that the same words are spoken again.
    function announce(text) {
      clearTimeout(announce_timer);
      announce_timer = setTimeout(function () {
        toggle = !toggle;
        live.textContent = text + (toggle ? '\u00a0' : '');
        clearTimeout(clear_timer);
        clear_timer = setTimeout(function () { live.textContent = ''; }, 3000);
      }, 400);
    }

    function scroll(y) {
      if (!root && !build()) return;
      main.style.transform = 'translateY(' + (-y) + 'px)';
    }

    return {
      update: update,
      scroll: scroll
    };
  })();
  // The first frame's nodes are written just after it (the canvas shows first: building the
  // elements and their style takes a phone a few hundred ms); later changes are written at once.
  var first_nodes = null;
  module_args.yibao_semantics = function (text) {
    if (first_nodes === false) return a11y.update(text);
    var queued = first_nodes !== null;
    first_nodes = text;
    if (!queued) setTimeout(function () { var t = first_nodes; first_nodes = false; a11y.update(t); }, 0);
  };
  module_args.yibao_semantics_scroll = a11y.scroll;

  // --- 朗读: the answer in Mandarin, where the browser has such a voice ---
  var speech = (function () {
    var synth = window.speechSynthesis;
    var voice = null;
    function pick() {
      if (!synth || !synth.getVoices) return null;
      var voices = synth.getVoices() || [];
      var zh = voices.filter(function (v) { return /^zh([-_](CN|Hans)|$)/i.test(v.lang) || /^cmn/i.test(v.lang); });
      return zh[0] || null;
    }
    function watch(on_change) {
      if (!synth) return;
      var check = function () {
        var v = pick();
        if (!!v !== !!voice) { voice = v; on_change(!!v); } else voice = v;
      };
      check();
      if (synth.addEventListener) synth.addEventListener('voiceschanged', check);
    }
    function say(text) {
      if (!synth || !voice || !text) return;
      synth.cancel();
      var u = new SpeechSynthesisUtterance(text);
      try { u.voice = voice; } catch (e) { /* not a SpeechSynthesisVoice: the language still picks one */ }
      u.lang = voice.lang || 'zh-CN';
      u.rate = 0.9;  // a little slower than usual: for elderly listeners
      synth.speak(u);
      yibao.spoken = text;
    }
    return { watch: watch, say: say };
  })();
