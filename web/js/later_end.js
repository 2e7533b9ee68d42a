
  // web/js/later_end.js: closes the scope later_begin.js opens; hands the first script what it calls.
  speech.watch(function (yes) { deferred_seen.then(function () { mod._yibao_set_can_speak(yes ? 1 : 0); }); });
  if (kiosk) arm_idle();
  I.loaded({
    act: act, set_query: set_query, make_picture: make_picture, render_print: render_print,
    forget_everything: forget_everything, update_rules: update_rules
  });
})(window.yibao_internal);
