
  // web/js/kiosk.js: a kiosk: full screen, no long-press menus, the idle reset; starting over.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
  // --- kiosk: full screen, no long-press menus, and the idle reset ---
  var idle = document.getElementById('idle');
  var idle_timer = 0, idle_tick = 0, idle_deadline = 0;
  function forget_everything() {
    close_sheet();
    document.getElementById('print').textContent = '';
    yibao.picture_text = null;
    if (kiosk) arm_idle();
    if (apply_waiting_update()) return;  // the new version's page starts afresh
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
