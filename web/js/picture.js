
  // web/js/picture.js: the saved picture: the presentation model drawn on a 2D canvas.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
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

  // --- the saved picture: the presentation model (yibao.presentation(), ui/presentation.h) drawn
  //     on a 2D canvas with the page's font; lines are broken by the core's one line breaker ---
  var picture_css_w = 540, picture_scale = 2;
  function draw_model(m, ctx, draw) {
    var palette = palette_of();
    var W = picture_css_w, pad = 28, y = 0, inner = W - 2 * pad;
    var family = '"yibao-sc", "Noto Sans CJK SC", "PingFang SC", sans-serif';
    // The screens' colours (ui/widgets.h), by the model's tones.
    var color = { normal: palette.text, muted: palette.muted, good: palette.good, warn: palette.warn, bad: palette.error };
    var drawn = [];
    var advance = {};
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
    // The canvas's advance of one character, for the core's line breaker (src/ui/line_break.h).
    mod.yibao_measure = function (cp, px) {
      var key = px + ':' + cp;
      if (!(key in advance)) { font(px); advance[key] = ctx.measureText(String.fromCodePoint(cp)).width; }
      return advance[key];
    };
    function wrap(s, px, w) {
      return call_json(function () { return with_string(s, function (p) { return mod._yibao_break_lines(p, px, w); }); });
    }
    function para(s, px, col, indent) {
      indent = indent || 0;
      wrap(s, px, inner - indent).forEach(function (l) {
        text_at(l, pad + indent, y, px, col);
        y += Math.round(px * 1.45);
      });
    }
    function pair(label, value, col) {
      font(16);
      var vw = ctx.measureText(value).width;
      var lines = wrap(label, 16, inner - vw - 16);
      lines.forEach(function (l, i) {
        text_at(l, pad, y, 16, color.muted);
        if (i === 0) text_at(value, W - pad, y, 16, col || color.normal, 'right');
        y += 23;
      });
      if (draw) {
        ctx.fillStyle = palette.line;
        ctx.fillRect(pad, y + 3, inner, 1);
      }
      y += 9;
    }
    function heading(s) {
      y += 10;
      text_at(s, pad, y, 19, palette.primary);
      y += 30;
    }
    function amount(r) {
      text_at(r.label, pad, y + 26, 18, color.muted);
      font(18);
      var x = pad + ctx.measureText(r.label).width + 10;
      text_at(r.text, x, y, 52, palette.primary);
      font(52);
      x += ctx.measureText(r.text).width + 6;
      text_at(r.unit, x, y + 26, 18, color.normal);
      y += 72;
    }
    if (draw) {
      ctx.fillStyle = palette.card;
      ctx.fillRect(0, 0, W, ctx.canvas.height / picture_scale);
      ctx.fillStyle = palette.primary;
      ctx.fillRect(0, 0, W, 64);
    }
    text_at(m.title, pad, 19, 22, palette.card);
    y = 80;
    text_at(m.made_on, pad, y, 15, color.muted);
    y += 30;
    m.sections.forEach(function (s) {
      // The answers and the amount open the sheet without a heading; the footer is set apart by a rule.
      if (s.id === 'footer') {
        y += 10;
        if (draw) { ctx.fillStyle = palette.line; ctx.fillRect(pad, y, inner, 1); }
        y += 10;
      } else if (s.id !== 'answers' && s.id !== 'answer' && s.heading) {
        heading(s.heading);
      } else {
        y += 6;
      }
      s.rows.forEach(function (r) {
        var col = color[r.tone] || color.normal;
        if (r.kind === 'amount') amount(r);
        else if (r.kind === 'pair') pair(r.label, r.text, s.id === 'answers' ? color.normal : col);
        else if (r.kind === 'bullet') para('• ' + r.text, s.id === 'open' ? 14 : 15, col);
        else if (r.kind === 'reason') {
          para(r.text, 15, color.normal);
          if (r.source) para('依据：' + r.source, 13, color.muted, 12);
          y += 4;
        } else para(r.text, s.id === 'footer' ? 13 : (r.tone === 'muted' ? 15 : 17), col);
      });
    });
    y += pad - 8;
    return { height: Math.ceil(y), drawn: drawn };
  }

  function make_picture() {
    var m = yibao.presentation();
    var canvas = document.createElement('canvas');
    var ctx = canvas.getContext('2d');
    var h = draw_model(m, ctx, false).height;
    canvas.width = picture_css_w * picture_scale;
    canvas.height = h * picture_scale;
    ctx = canvas.getContext('2d');
    ctx.scale(picture_scale, picture_scale);
    var out = draw_model(m, ctx, true);
    yibao.picture_text = out.drawn;
    return canvas.toDataURL('image/png');
  }
