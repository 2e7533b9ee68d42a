
  // web/js/print.js: the printout: the presentation model as HTML, A4 or an 80 mm roll.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
  // --- printing: the presentation model as HTML, A4 or an 80 mm roll ---
  function render_print(format) {
    var m = yibao.presentation();
    var box = document.getElementById('print');
    box.textContent = '';
    box.className = format === '80mm' ? 'receipt' : 'a4';
    box.appendChild(el('h1', {}, m.title));
    box.appendChild(el('div', { class: 'meta-top' }, m.made_on));
    // The presentation model (ui/presentation.h), section by section, as HTML.
    m.sections.forEach(function (s) {
      var holder = s.id === 'footer' ? el('div', { class: 'meta' }) : box;
      if (s.heading && s.id !== 'answers' && s.id !== 'answer' && s.id !== 'footer') box.appendChild(el('h2', {}, s.heading));
      var table = null, list = null;
      s.rows.forEach(function (r) {
        if (r.kind !== 'pair') table = null;
        if (r.kind !== 'bullet' && r.kind !== 'reason') list = null;
        if (r.kind === 'pair') {
          if (!table) { table = el('table'); holder.appendChild(table); }
          var tr = el('tr');
          tr.appendChild(el('td', {}, r.label));
          tr.appendChild(el('td', { class: 'v' }, r.text));
          table.appendChild(tr);
        } else if (r.kind === 'amount') {
          holder.appendChild(el('div', { class: 'due' }, r.label + ' ' + r.text + ' ' + r.unit));
        } else if (r.kind === 'bullet') {
          if (!list) { list = el('ul'); holder.appendChild(list); }
          list.appendChild(el('li', {}, r.text));
        } else if (r.kind === 'reason') {
          if (!list) { list = el('ol'); holder.appendChild(list); }
          var li = el('li', {}, r.text);
          if (r.source) li.appendChild(el('div', { class: 'src' }, '依据：' + r.source));
          list.appendChild(li);
        } else {
          holder.appendChild(el(s.id === 'footer' ? 'div' : 'p', {}, r.text));
        }
      });
      if (s.id === 'footer') {
        if (!kiosk) holder.appendChild(el('div', { class: 'src' }, location.href));
        box.appendChild(holder);
      }
    });
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
