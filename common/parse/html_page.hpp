#pragma once
// A saved web page holding one press release: the page's headline, publication date, language,
// address and publisher, and its main text without the site's navigation, menus, headers,
// footers, sidebars, forms and share widgets (see html_metadata.hpp and html_content.hpp for
// where each comes from).

#include <string_view>

#include "reader_events.hpp"

namespace dateline {

// Reads one page (UTF-8; the caller converts other encodings) and reports one release through
// events.on_record (line 0), or events.on_skip with the reason when the page has no main text.
// A page without a headline is still read, with a warning. Never throws for any input (an
// exception thrown by one of the event handlers passes through).
void read_html_page(std::string_view bytes, const ReaderEvents& events);

}  // namespace dateline
