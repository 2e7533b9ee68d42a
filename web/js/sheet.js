
  // web/js/sheet.js: the overlay sheet (picture, link) and the actions the canvas asks for.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
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
    if (name === 'full_font') return give_full_font();
    if (name === 'speak') return speech.say(mod.UTF8ToString(mod._yibao_speech_text()));
    if (name.indexOf('text:') === 0) return remember_text_size(name.slice(5));
  }
