
  // web/js/rules.js: rules published beside the page (build/web/rules/: index.json and the files in
  // the repository's layout). The page quotes with its bundled copy first; then, once the first
  // frame is on screen, it reads rules/index.json (network first, else the offline copy: sw.js),
  // fetches the files whose SHA-256 differs from the ones in use, checks each hash and hands them to
  // the same loader as `yibao rules check` (platform/abi.cpp yibao_update_rules). A file that does
  // not download, does not match its hash or does not pass the check is refused: the page keeps
  // the rules it had and says which file and field in a short notice.
  // (A part of yibao-later.js: it shares the scope that later_begin.js opens; see there.)
  var rules_limits = { files: 1000, bytes: 4 * 1024 * 1024 };  // core/rules.cpp's folder limits

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  function rules_notice(text) {
    var box = document.getElementById('notice');
    if (!box) return;
    box.querySelector('p').textContent = text;
    box.hidden = false;
    yibao.rules_notice = text;
  }

  // Resolves to what happened: null (nothing newer, or no network and no offline copy), 'updated',
  // or the refusal shown in the notice.
  function update_rules() {
    if (build.single || !window.fetch || !window.TextDecoder || !(window.crypto && crypto.subtle)) return Promise.resolve(null);
    return fetch('rules/index.json', { cache: 'no-cache', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) return null;  // a host without published rules: the bundled ones are all there is
      return r.json().then(function (index) {
        var files = index && Array.isArray(index.files) ? index.files : null;
        if (!files || files.length > rules_limits.files) throw new Error('rules/index.json: 不是规则文件清单');
        var in_use = {};
        call_json(function () { return mod._yibao_rules_files(); }).files.forEach(function (f) { in_use[f.path] = f.sha256; });
        var newer = files.filter(function (f) {
          return f && typeof f.path === 'string' && typeof f.sha256 === 'string' && in_use[f.path] !== f.sha256;
        });
        if (!newer.length) return null;
        return Promise.all(newer.map(fetch_rules_file)).then(function (texts) {
          var answer = with_string(JSON.stringify(texts), function (p) {
            return JSON.parse(mod.UTF8ToString(mod._yibao_update_rules(p)));
          });
          if (answer.ok) {
            yibao.rules_updated = newer.map(function (f) { return f.path; });
            return 'updated';
          }
          var e = answer.errors[0] || {};
          throw new Error((e.file || '') + (e.path ? ' ' + e.path : '') + '：' + (e.message || ''));
        });
      });
    }, function () { return null; }).catch(function (e) {
      var text = '规则更新未采用（' + e.message + '），仍按本页自带的规则计算。';
      rules_notice(text);
      return text;
    });
  }

  function fetch_rules_file(f) {
    return fetch('rules/' + f.path, { cache: 'no-cache', credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('rules/' + f.path + '：下载失败 HTTP ' + r.status);
      var length = Number(r.headers.get('content-length'));
      if (length > rules_limits.bytes) throw new Error('rules/' + f.path + '：文件过大');
      return r.arrayBuffer();
    }).then(function (buffer) {
      if (buffer.byteLength > rules_limits.bytes) throw new Error('rules/' + f.path + '：文件过大');
      return crypto.subtle.digest('SHA-256', buffer).then(function (digest) {
        if (hex(digest) !== f.sha256.toLowerCase()) throw new Error('rules/' + f.path + '：校验值不符');
        var text;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(buffer); } catch (e) {
          throw new Error('rules/' + f.path + '：不是 UTF-8 文本');
        }
        return { path: f.path, text: text, sha256: f.sha256.toLowerCase() };
      });
    });
  }
