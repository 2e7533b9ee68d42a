// The one parser of requests. JSON text (the CLI, window.yibao.quote) and the page's URL
// parameters both come through here and are checked against core/vocabulary.h: unknown keys are
// errors with the nearest known name, types are exact, numbers out of range are reported as
// written, duplicate keys and oversized requests are refused.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/quote.h"

namespace yibao {

// Parses a JSON request. Returns false and fills errors (field + Chinese message) when the JSON
// is malformed (the message says where it broke), too large, or a field is unknown, repeated,
// of the wrong type or out of range. At most vocab::max_errors errors are listed.
bool parse_request(std::string_view json_text, request& out, std::vector<field_error>& errors);

// A request in either form of the contract: for one person (the fields of core/vocabulary.h), or
// for a household (`members`: 1..vocab::max_members objects, each with its own fields over the
// shared ones at the top level, and an optional `label` from vocab::member_labels). Household
// errors name the member by its index from 0, as a JSON pointer does: "members/1/categories".
struct parsed_request {
    bool household = false;               // `members` was written (also when it was refused)
    request single;                       // one person; for a household, the shared answers
    std::vector<member_request> members;  // a household: each member's whole request
};
bool parse_any_request(std::string_view json_text, parsed_request& out, std::vector<field_error>& errors);

// The page's URL parameters (already percent-decoded), by their URL names (vocab::field::url).
// Parameters that are not answers (mode=kiosk, utm_…) are left alone; every answer is checked
// exactly like its JSON field. Errors name the JSON field.
bool parse_request_params(const std::vector<std::pair<std::string, std::string>>& params, request& out,
                          std::vector<field_error>& errors);

// The known name closest to a misspelt one ("catgories" → "categories"), or "" if none is close.
std::string nearest_name(std::string_view written, const std::vector<std::string_view>& known);

}  // namespace yibao
