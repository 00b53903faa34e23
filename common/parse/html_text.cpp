#include "html_text.hpp"

#include "html_dom.hpp"

namespace dateline {

std::string html_to_text(std::string_view html) {
    const html::Document document(html);
    html::TextWriter writer;
    html::render_text(document.root(), writer);
    return writer.take();
}

}  // namespace dateline
