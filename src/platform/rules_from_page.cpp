// The single-file page's rules (platform/rules_bundle.h): the JSON text of its
// <script id="yibao-rules" type="application/json">, written by web/tools/make_single.py from
// rules/, handed over by the glue (web/js/api.js) before yibao_init. The wasm of the single file
// holds no rules of its own, so `make web-single` refreshes them without linking it again.
#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/abi.h"
#include "platform/rules_bundle.h"

namespace {

struct owned_file {
    std::string path, text, sha256;
};
std::vector<owned_file> owned;
std::vector<yibao::web::embedded_file> files;
std::string problem;

constexpr std::size_t max_files = 1000;  // the rules folder's own limit (core/rules.cpp)

const char* refuse(std::string why) {
    owned.clear();
    files.clear();
    problem = "单文件页面中的计算规则（<script id=\"yibao-rules\">）无法读取：" + std::move(why) +
              "。请用 make web-single 重新生成该文件。";
    return problem.c_str();
}

bool is_text(const nlohmann::json& o, const char* key) { return o.contains(key) && o[key].is_string(); }

}  // namespace

namespace yibao::web {

std::span<const embedded_file> bundled_rules() { return files; }

std::span<const bundled_year> bundled_calendar() { return {}; }  // every year is read first

}  // namespace yibao::web

extern "C" {

// {"files": [{"path": "rules/chongqing/2026/municipal.json", "text": "…", "sha256": "…"}, …]}:
// "" when taken, else what is wrong (plain text). The files are read by yibao_init as the site's
// bundled ones are, with the same checks.
EMSCRIPTEN_KEEPALIVE const char* yibao_bundle_rules(const char* json) {
    nlohmann::json in = nlohmann::json::parse(json ? json : "", nullptr, false);
    if (!in.is_object() || in.size() != 1 || !in.contains("files") || !in["files"].is_array())
        return refuse("它不是 {\"files\": […]} 形式的 JSON");
    const nlohmann::json& list = in["files"];
    if (list.empty()) return refuse("files 是空的");
    if (list.size() > max_files) return refuse("files 超过 " + std::to_string(max_files) + " 个");
    owned.clear();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const nlohmann::json& f = list[i];
        const std::string at = "files/" + std::to_string(i);
        if (!f.is_object() || f.size() != 3 || !is_text(f, "path") || !is_text(f, "text") || !is_text(f, "sha256"))
            return refuse(at + " 不是 {path, text, sha256}");
        std::string path = f["path"].get<std::string>();
        if (path.rfind("rules/", 0) != 0) return refuse(at + "/path 不在 rules/ 之下：" + path);
        owned.push_back({std::move(path), f["text"].get<std::string>(), f["sha256"].get<std::string>()});
    }
    files.clear();
    for (const auto& f : owned) files.push_back({f.path.c_str(), f.text.data(), f.text.size(), f.sha256.c_str()});
    problem.clear();
    return problem.c_str();
}

}  // extern "C"
