// yibao_bench: the project's native benchmark. Loads the rules, then times quotes and advice.
#include <chrono>
#include <cstdio>

#include "core/json_api.h"
#include "core/quote.h"
#include "core/rules.h"

int main() {
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    auto loaded = yibao::load_rules_dir(YIBAO_SOURCE_DIR "/rules");
    auto t1 = clock::now();
    if (!loaded.book) return 1;
    const auto& book = *loaded.book;
    const char* req =
        R"({"year":2026,"district":"wanzhou","categories":["101","113"],"tier":1,"paid_on":"2026-01-15","continuous":false,"break_years":2})";
    const int n = 20000;
    volatile std::size_t sink = 0;
    auto t2 = clock::now();
    for (int i = 0; i < n; ++i) sink = sink + yibao::quote_json(book, req).size();
    auto t3 = clock::now();
    const int m = 200;
    for (int i = 0; i < m; ++i) sink = sink + yibao::quote_json(book, req, true).size();
    auto t4 = clock::now();
    auto us = [](auto a, auto b) { return std::chrono::duration<double, std::micro>(b - a).count(); };
    std::printf("load rules:            %8.1f ms\n", us(t0, t1) / 1000);
    std::printf("quote (JSON in/out):   %8.1f us\n", us(t2, t3) / n);
    std::printf("quote + advice:        %8.1f us\n", us(t3, t4) / m);
    return 0;
}
