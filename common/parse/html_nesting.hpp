#pragma once
// Gumbo's tree construction scans the stack of open elements for many start tags, so a page of
// a few hundred thousand unclosed <div>s takes minutes to parse. Real pages nest a few dozen
// levels deep; this pass bounds the depth before gumbo sees the markup.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::html {

constexpr std::size_t max_nesting_depth = 512;

// When the markup would open more than `max_depth` elements inside one another, returns a copy
// in which the start tags beyond that depth (and their end tags) are removed, their text kept.
// Returns nullopt when the markup is within the limit and can be parsed as it is. The depth is
// estimated with a lenient tokenizer that follows end tags the way a browser does; it errs
// towards too deep, never too shallow.
std::optional<std::string> limit_nesting(std::string_view markup,
                                         std::size_t max_depth = max_nesting_depth);

}  // namespace dateline::html
