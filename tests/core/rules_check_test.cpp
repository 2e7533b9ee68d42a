// Broken rules files (tests/rules_broken/cases.json) are rejected with file, field and reason;
// the project's own rules load cleanly.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "core/rules.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::vector<yibao::rules_source_file> project_files() { return yibao::test::project_rule_files(); }

const json& broken_cases() {
    static const json cases = [] {
        std::ifstream in(yibao::test::source_dir() + "/tests/rules_broken/cases.json");
        return json::parse(in).at("cases");
    }();
    return cases;
}

class broken_rules : public ::testing::TestWithParam<json> {};

TEST_P(broken_rules, are_rejected_with_file_and_field) {
    const json& c = GetParam();
    auto files = project_files();
    auto target = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.path == c["file"]; });
    ASSERT_NE(target, files.end()) << c["file"];
    if (c.contains("truncate")) {
        target->text.resize(c["truncate"].get<std::size_t>());
    } else {
        json doc = json::parse(target->text);
        if (c.contains("remove")) {
            json::json_pointer p(c["remove"].get<std::string>());
            ASSERT_TRUE(doc.contains(p)) << "fixture names a field that does not exist";
            doc[p.parent_pointer()].erase(p.back());
        } else if (c.contains("set")) {
            doc[json::json_pointer(c["set"].get<std::string>())] = c["value"];
        }
        target->text = doc.dump(2);
        // Raw text edits of that dump, for what a json value cannot hold (duplicate keys,
        // 1e400, bytes after the value): {"find": "...", "with": "..."}, found exactly once.
        if (c.contains("raw_replace")) {
            const auto find = c["raw_replace"]["find"].get<std::string>();
            const auto pos = target->text.find(find);
            ASSERT_NE(pos, std::string::npos) << "fixture's raw_replace text not in the dump: " << find;
            ASSERT_EQ(target->text.find(find, pos + 1), std::string::npos) << "raw_replace text not unique: " << find;
            target->text.replace(pos, find.size(), c["raw_replace"]["with"].get<std::string>());
        }
        if (c.contains("append")) target->text += c["append"].get<std::string>();
    }
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    ASSERT_FALSE(loaded.errors.empty());
    bool found = false;
    for (const auto& e : loaded.errors)
        if (e.file == c["file"] && e.path == c["expect_path"].get<std::string>() &&
            e.message.find(c["expect_message"].get<std::string>()) != std::string::npos)
            found = true;
    std::string all;
    for (const auto& e : loaded.errors) all += e.to_string() + "\n";
    EXPECT_TRUE(found) << "expected " << c["file"] << ": " << c["expect_path"] << ": " << c["expect_message"]
                       << "\ngot:\n"
                       << all;
}

INSTANTIATE_TEST_SUITE_P(rules, broken_rules, ::testing::ValuesIn(broken_cases().begin(), broken_cases().end()),
                         [](const auto& param_info) { return param_info.param["name"].template get<std::string>(); });

TEST(rules, project_rules_load_without_errors) {
    auto loaded = yibao::load_rules_texts(project_files());
    std::string all;
    for (const auto& e : loaded.errors) all += e.to_string() + "\n";
    ASSERT_TRUE(loaded.book) << all;
    // Every year folder under rules/<jurisdiction>/ is a year the rules give, in order (read from
    // the folders, not written here: a new year's folder needs no change to this test).
    std::vector<int> folders;
    for (const auto& j : fs::directory_iterator(fs::path(yibao::test::source_dir()) / "rules"))
        if (j.is_directory())
            for (const auto& y : fs::directory_iterator(j.path()))
                if (y.is_directory()) folders.push_back(std::stoi(y.path().filename().string()));
    std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
    ASSERT_FALSE(folders.empty());
    EXPECT_EQ(yibao::years(*loaded.book), folders);
}

// ---------------------------------------------------------------- a rules file's text

yibao::rules_source_file* file_named(std::vector<yibao::rules_source_file>& files, const std::string& path) {
    for (auto& f : files)
        if (f.path == path) return &f;
    return nullptr;
}

std::string all_errors(const yibao::load_result& r) {
    std::string all;
    for (const auto& e : r.errors) all += e.to_string() + "\n";
    return all;
}

bool has_error(const yibao::load_result& r, const std::string& file, const std::string& path,
               const std::string& message) {
    return std::any_of(r.errors.begin(), r.errors.end(), [&](const yibao::rules_error& e) {
        return e.file == file && e.path == path && e.message.find(message) != std::string::npos;
    });
}

// A category whose amounts are derived (estimates) cannot go without the sentence that tells a
// resident why: a year file that marks one derived needs derived_assistance.
TEST(rules_text, derived_category_needs_the_reason_it_is_an_estimate) {
    auto files = project_files();
    const std::string path = "rules/chongqing/2026/municipal.json";
    auto* f = file_named(files, path);
    ASSERT_TRUE(f);
    json doc = json::parse(f->text);
    ASSERT_TRUE(doc.contains("derived_assistance"));
    std::size_t first_derived = 0;
    while (first_derived < doc["categories"].size() && !doc["categories"][first_derived].value("derived", false))
        ++first_derived;
    ASSERT_LT(first_derived, doc["categories"].size()) << "2026 marks its assistance derived (渝医保发〔2025〕42号 四)";
    doc.erase("derived_assistance");
    f->text = doc.dump(2);
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, path, "/categories/" + std::to_string(first_derived) + "/derived",
                          "needs /derived_assistance"))
        << all_errors(loaded);
}

// Whom to ask is data (districts.json "ask", with its source), for everyone.
TEST(rules_text, whom_to_ask_comes_from_the_districts_file) {
    auto files = project_files();
    const std::string path = "rules/chongqing/districts.json";
    auto* f = file_named(files, path);
    ASSERT_TRUE(f);
    const json doc = json::parse(f->text);
    auto loaded = yibao::load_rules_texts(files);
    ASSERT_TRUE(loaded.book) << all_errors(loaded);
    auto ask = yibao::whom_to_ask(*loaded.book);
    ASSERT_TRUE(ask);
    EXPECT_EQ(ask->text, doc["ask"]["text"].get<std::string>());
    EXPECT_EQ(ask->source, yibao::test::ask_source_cited);

    json with_condition = doc;
    with_condition["ask"]["applies_to"] = {{"persons", {"student"}}};
    f->text = with_condition.dump(2);
    loaded = yibao::load_rules_texts(files);
    EXPECT_TRUE(has_error(loaded, path, "/ask/applies_to", "concerns everyone")) << all_errors(loaded);

    json without_source = doc;
    without_source["ask"].erase("source");
    f->text = without_source.dump(2);
    loaded = yibao::load_rules_texts(files);
    EXPECT_TRUE(has_error(loaded, path, "/ask/source", "")) << all_errors(loaded);
}

// The page finds a link's district in the district list alone (before reading any year): by every
// id, name and alias the whole book knows, the same district as district_named; by any other name,
// or in a text that is not a district list, none.
TEST(rules_text, a_district_is_found_in_the_district_list_alone_as_in_the_book) {
    auto files = project_files();
    const std::string path = "rules/chongqing/districts.json";
    auto* f = file_named(files, path);
    ASSERT_TRUE(f);
    auto loaded = yibao::load_rules_texts(files);
    ASSERT_TRUE(loaded.book) << all_errors(loaded);
    int names = 0;
    for (const auto& d : yibao::districts(*loaded.book)) {
        std::vector<std::string> all = d.aliases;
        all.push_back(d.id);
        all.push_back(d.name);
        for (const auto& n : all) {
            EXPECT_EQ(yibao::district_id_in(f->text, n), std::optional<std::string>(d.id)) << n;
            ++names;
        }
    }
    EXPECT_GT(names, 10);
    // From districts.json: 万州区 (万州), 酉阳土家族苗族自治县 (酉阳, 酉阳县).
    EXPECT_EQ(yibao::district_id_in(f->text, "万州"), std::optional<std::string>("wanzhou"));
    EXPECT_EQ(yibao::district_id_in(f->text, "万州区"), std::optional<std::string>("wanzhou"));
    EXPECT_EQ(yibao::district_id_in(f->text, "酉阳县"), std::optional<std::string>("youyang"));
    for (const char* unknown : {"", "万", "wanzhou ", "Wanzhou", "北京", "municipal"}) {
        EXPECT_FALSE(yibao::district_id_in(f->text, unknown)) << unknown;
        EXPECT_FALSE(yibao::district_named(*loaded.book, unknown)) << unknown;
    }
    for (const char* broken : {"", "{", "[]", "{\"districts\": {}}", "{\"districts\": [1, [], {\"id\": 2}]}",
                               "{\"districts\": [{\"id\": \"a\"}]}"})
        EXPECT_FALSE(yibao::district_id_in(broken, "a")) << broken;
    // Nested 200 000 deep (nlohmann parses and frees without recursing): no answer, no crash.
    const std::string deep = R"({"districts": [)" + std::string(200000, '[') + std::string(200000, ']') + "]}";
    EXPECT_FALSE(yibao::district_id_in(deep, "a"));
    EXPECT_EQ(yibao::district_id_in(R"({"districts": [{"id": "a", "name": "甲", "aliases": [1, "乙"]}]})", "乙"),
              std::optional<std::string>("a"));
}

// Nesting is limited (nlohmann's copy, merge and free recurse): a deep file is an error, and
// reading it must not exhaust the stack.
TEST(rules_text, nesting_deeper_than_64_levels_is_an_error) {
    auto files = project_files();
    auto* f = file_named(files, "rules/chongqing/2025/youyang.json");
    ASSERT_TRUE(f);
    const std::size_t depth = 100000;
    std::string deep = std::string(depth, '[') + std::string(depth, ']');
    auto brace = f->text.find('{');
    ASSERT_NE(brace, std::string::npos);
    f->text.insert(brace + 1, "\"deep\": " + deep + ",");
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    // The 64th array opens at /deep/0/.../0 (63 indices); the 65th is refused there.
    std::string at = "/deep";
    for (int i = 0; i < 63; ++i) at += "/0";
    EXPECT_TRUE(has_error(loaded, f->path, at, "nested deeper than 64 levels")) << all_errors(loaded);
}

// Keys in the pointer are escaped (RFC 6901), so a duplicate "a/b" is reported as /a~1b.
TEST(rules_text, duplicate_key_pointer_is_escaped) {
    auto files = project_files();
    auto* f = file_named(files, "rules/chongqing/2025/youyang.json");
    ASSERT_TRUE(f);
    f->text.insert(f->text.find('{') + 1, "\"a/b~\": 1, \"a/b~\": 2,");
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, f->path, "/a~1b~0", "duplicate key")) << all_errors(loaded);
}

TEST(rules_text, file_larger_than_4_mb_is_refused) {
    auto files = project_files();
    auto* f = file_named(files, "rules/chongqing/2025/youyang.json");
    ASSERT_TRUE(f);
    f->text += std::string((4u << 20) + 1 - f->text.size(), ' ');  // valid JSON, 4 MB + 1 byte
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, f->path, "", "larger than 4 MB")) << all_errors(loaded);
}

// ---------------------------------------------------------------- a rules folder on disk

// A copy of the project's rules in a fresh temporary folder, removed afterwards.
class rules_folder : public ::testing::Test {
  protected:
    fs::path root;  // the copy's rules folder
    std::error_code ec;

    void SetUp() override {
        std::random_device rd;
        root =
            fs::temp_directory_path() / ("yibao-rules-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(root);
        fs::copy(fs::path(yibao::test::source_dir()) / "rules", root / "rules", fs::copy_options::recursive);
        root /= "rules";
    }
    void TearDown() override {
        // Give back permissions taken away by a test, then remove everything.
        for (auto it = fs::recursive_directory_iterator(root.parent_path(), ec); !ec && it != fs::end(it);
             it.increment(ec))
            if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(root.parent_path(), ec);
    }
    yibao::load_result load() { return yibao::load_rules_dir(root.string()); }
    std::string at(const std::string& relative) const { return (root / relative).generic_string(); }
};

TEST_F(rules_folder, the_copy_loads_cleanly) {
    auto loaded = load();
    EXPECT_TRUE(loaded.book) << all_errors(loaded);
}

TEST_F(rules_folder, dangling_link_is_reported) {
    fs::create_symlink("nowhere.json", root / "chongqing/gone.json");
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(
        has_error(loaded, at("chongqing/gone.json"), "", "not a regular file: dangling symbolic link to nowhere.json"))
        << all_errors(loaded);
}

TEST_F(rules_folder, symlink_loops_are_reported_or_not_followed) {
    fs::create_symlink("b.json", root / "chongqing/a.json");
    fs::create_symlink("a.json", root / "chongqing/b.json");
    fs::create_symlink(".", root / "chongqing/again");     // a folder loop: never followed
    fs::create_symlink("..", root / "chongqing/up.json");  // a link to a folder named *.json
    yibao::load_result loaded;
    ASSERT_NO_THROW(loaded = load());
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/a.json"), "", "symbolic link that cannot be followed"))
        << all_errors(loaded);
    EXPECT_TRUE(has_error(loaded, at("chongqing/b.json"), "", "symbolic link that cannot be followed"))
        << all_errors(loaded);
    EXPECT_TRUE(has_error(loaded, at("chongqing/up.json"), "", "not a regular file: a directory"))
        << all_errors(loaded);
    EXPECT_EQ(loaded.errors.size(), 3u) << all_errors(loaded);
}

TEST_F(rules_folder, folder_loop_alone_is_harmless) {
    fs::create_symlink(".", root / "chongqing/again");
    fs::create_symlink("../..", root / "chongqing/2025/up");
    auto loaded = load();
    EXPECT_TRUE(loaded.book) << all_errors(loaded);
}

TEST_F(rules_folder, folder_named_json_is_reported) {
    fs::create_directory(root / "chongqing/x.json");
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/x.json"), "", "not a regular file: a directory")) << all_errors(loaded);
}

// A FIFO is reported without being opened: opening it would block until a writer came (the test
// would hang until ctest's timeout).
TEST_F(rules_folder, fifo_is_reported_never_opened) {
    ASSERT_EQ(::mkfifo((root / "chongqing/pipe.json").c_str(), 0644), 0) << std::strerror(errno);
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/pipe.json"), "", "not a regular file: a FIFO")) << all_errors(loaded);
}

TEST_F(rules_folder, socket_is_reported) {
    const std::string path = (root / "chongqing/sock.json").string();
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    ASSERT_LT(path.size(), sizeof addr.sun_path);
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << std::strerror(errno);
    auto loaded = load();
    ::close(fd);
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/sock.json"), "", "not a regular file: a socket")) << all_errors(loaded);
}

// A file that opens but cannot be read: /proc/self/mem fails with EIO at offset 0 even for root
// (chmod 000 does not stop root, so that case runs only for other users, below).
TEST_F(rules_folder, read_error_is_reported) {
    if (!fs::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc here";
    fs::create_symlink("/proc/self/mem", root / "chongqing/mem.json");
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/mem.json"), "", "cannot read: ")) << all_errors(loaded);
}

TEST_F(rules_folder, unreadable_file_and_folder_are_reported) {
    fs::permissions(root / "chongqing/2025/youyang.json", fs::perms::none);
    fs::create_directory(root / "chongqing/closed");
    fs::permissions(root / "chongqing/closed", fs::perms::none);
    if (::access((root / "chongqing/2025/youyang.json").c_str(), R_OK) == 0)
        GTEST_SKIP() << "permissions do not stop this user (root): see read_error_is_reported";
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/2025/youyang.json"), "", "cannot read: Permission denied"))
        << all_errors(loaded);
    EXPECT_TRUE(has_error(loaded, at("chongqing/closed"), "", "cannot read folder: Permission denied"))
        << all_errors(loaded);
}

TEST_F(rules_folder, file_over_4_mb_is_not_read_whole) {
    {
        std::ofstream big(root / "chongqing/big.json", std::ios::binary);
        big << std::string((4u << 20) + 1, ' ');
    }
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/big.json"), "", "larger than 4 MB")) << all_errors(loaded);
}

TEST_F(rules_folder, more_than_1000_files_stop_the_search) {
    fs::create_directory(root / "many");
    for (int i = 0; i < 1001; ++i) std::ofstream(root / "many" / (std::to_string(i) + ".json")) << "{}";
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, root.generic_string(), "", "more than 1000 *.json files")) << all_errors(loaded);
}

TEST_F(rules_folder, folders_deeper_than_16_levels_are_not_searched) {
    fs::path deep = root;
    for (int i = 0; i < 20; ++i) deep /= "d";
    fs::create_directories(deep);
    auto loaded = load();
    EXPECT_FALSE(loaded.book);
    std::string at16 = root.generic_string();
    for (int i = 0; i < 16; ++i) at16 += "/d";
    EXPECT_TRUE(has_error(loaded, at16, "", "folder nested deeper than 16 levels")) << all_errors(loaded);
    EXPECT_EQ(loaded.errors.size(), 1u) << all_errors(loaded);
}

TEST_F(rules_folder, a_file_is_not_a_folder) {
    auto loaded = yibao::load_rules_dir(at("chongqing/districts.json"));
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, at("chongqing/districts.json"), "", "not a directory")) << all_errors(loaded);
}

// `yibao rules check /`: the whole machine is no rules folder; the search ends within its
// limits, without an exception, with errors.
TEST(rules_folder_root, filesystem_root_ends_without_throwing) {
    const auto started = std::chrono::steady_clock::now();
    yibao::load_result loaded;
    ASSERT_NO_THROW(loaded = yibao::load_rules_dir("/"));
    EXPECT_FALSE(loaded.book);
    EXPECT_FALSE(loaded.errors.empty());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(120));
}

}  // namespace
