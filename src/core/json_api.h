// The request/quote contract as JSON text: the CLI, the web page and window.yibao.quote all go
// through these functions, so they answer alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/format.h"  // format_date, format_yuan: callers of this header have used them from here
#include "core/quote.h"
#include "core/request_reader.h"
#include "core/rules.h"

namespace yibao {

// The quote as a JSON object text (indent < 0: compact).
std::string quote_to_json(const quote& q, int indent = 2);

// A household's quote: {ok, due, members: [{label, …the member's quote}], errors}.
std::string household_to_json(const household_quote& q, int indent = 2);

// parse_any_request + evaluate (or evaluate_household) + quote_to_json (or household_to_json); a
// malformed request gives ok:false with errors (a household's: members []).
// With_advice adds an "advice" member (not part of the contract; used by the UI): for a household,
// each member's own and the family's (household_advice).
std::string quote_json(const rule_book& rules, std::string_view request_json, bool with_advice = false);

// Lists for the UI, as JSON text.
std::string categories_json(const rule_book& rules, int year, const std::string& district);
std::string catalogue_json(const rule_book& rules);  // years, districts, per-year details

}  // namespace yibao
