
  // web/js/picture.js: the saved picture: the receipt drawn on a 2D canvas.
  // (A part of yibao_glue.js: it shares the scope that env.js opens; see env.js.)
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
