
  // web/js/share.js: the answers in the address bar and sharing the link.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
  // --- the answers in the address bar (a forwarded link reopens the same quote) ---
  // The first frame's answers go into the address once it is on screen (history.replaceState is
  // slow on a phone: it would delay the first answer); later ones at once.
  var query_waits = null;
  function set_query(answers) {
    if (yibao.first_frame_ms === null) {
      if (query_waits === null) first_frame_seen.then(function () { write_query(query_waits); });
      query_waits = answers;
      return;
    }
    write_query(answers);
  }
  function write_query(answers) {
    var now = new URLSearchParams(location.search);
    var q = answers;
    setup_keys.forEach(function (k) {
      if (now.has(k)) q += '&' + encodeURIComponent(k) + '=' + encodeURIComponent(now.get(k));
    });
    try {
      history.replaceState(history.state, '', location.pathname + '?' + q + location.hash);
    } catch (e) { /* file:// in some browsers: the link just does not carry the answers */ }
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
