// The JSON the contract writes (quotes, the catalogue, the page's state): natively its keys in the
// order the code writes them (nlohmann::ordered_json), as a person reads `yibao quote --json`; in the
// web build (YIBAO_JSON_SORTED_KEYS, cmake/web.cmake) sorted, with the nlohmann::json that reads the
// rules and requests, so that the page links one flavour of nlohmann's templates instead of two. The
// values are the same: a JSON object's key order carries no meaning.
#pragma once

#include <nlohmann/json.hpp>

namespace yibao {

#ifdef YIBAO_JSON_SORTED_KEYS
using out_json = nlohmann::json;
#else
using out_json = nlohmann::ordered_json;
#endif

}  // namespace yibao
