
// web/js/later_begin.js: opens the scope of yibao-later.js, the glue's second script: the semantics
// layer (a11y.js), the picture sheet (sheet.js, picture.js), the printout (print.js), the address
// and the share link (share.js), the kiosk's idle reset (kiosk.js) and the published rules
// (rules.js). The first script (web/js/load.js load_later) fetches it once the first frame is on
// screen and hands it what they share with it (window.yibao_internal); later_end.js hands back
// what the first script calls. Parts from here to later_end.js share this scope.
(function (I) {
  'use strict';
  var mod = I.mod, module_args = I.module_args, yibao = I.yibao, build = I.build;
  var call_json = I.call_json, with_string = I.with_string, today_iso = I.today_iso;
  var deferred = I.deferred, deferred_seen = I.deferred_seen, first_frame_seen = I.first_frame_seen;
  // The screens' colours by name (ui/widgets.h; the picture draws with them): asked of the module
  // the first time they are wanted, never before the first answer (load.js the_palette).
  var palette_of = I.palette;
  var full_font = I.full_font, give_full_font = I.give_full_font, html_font = I.html_font;
  var kiosk = I.kiosk, wechat = I.wechat, paper = I.paper, idle_seconds = I.idle_seconds, message = I.message;
  var network = I.network, apply_waiting_update = I.apply_waiting_update, remember_text_size = I.remember_text_size;
  var setup_keys = I.setup_keys;
