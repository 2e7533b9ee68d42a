
  // web/js/print.js: the printout: the receipt as HTML, A4 or an 80 mm roll.
  // (A part of yibao_glue.js: it shares the scope that env.js opens; see env.js.)
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
