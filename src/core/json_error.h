// Where a JSON text breaks, found without exceptions (the WebAssembly build has none).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace yibao {

struct json_break {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Parses text through nlohmann's SAX interface and reports the position of the first error.
inline json_break json_error_position(std::string_view text) {
    struct finder : nlohmann::json_sax<nlohmann::json> {
        std::size_t byte = 0;
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t&) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
            byte = position;
            return false;
        }
    } sax;
    nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
    json_break where;
    for (std::size_t i = 0; i + 1 < sax.byte && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++where.line, where.column = 1;
        else
            ++where.column;
    }
    return where;
}

}  // namespace yibao
