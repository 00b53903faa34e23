#include "html_page.hpp"

#include <exception>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "html_content.hpp"
#include "html_dom.hpp"
#include "html_metadata.hpp"
#include "utf8.hpp"

namespace dateline {

namespace {

// Drops a first paragraph that only repeats the headline (pages whose main text was found by
// density usually start with it).
std::string without_repeated_title(std::string body, const std::string& title) {
    if (title.empty()) return body;
    const std::size_t end = body.find("\n\n");
    const std::string first = html::collapse_whitespace(body.substr(0, end));
    if (first != title) return body;
    return end == std::string::npos ? std::string() : body.substr(end + 2);
}

// What reading one page gave: a release, or the reason there is none.
struct PageResult {
    std::optional<PressRelease> release;
    std::string skip_reason;
};

PageResult read_page(std::string_view bytes) {
    const html::Document document(utf8::strip_bom(bytes));
    const html::MainContent content = html::find_main_content(document);
    html::PageMetadata metadata = html::read_metadata(document, content);

    PageResult result;
    std::string body = without_repeated_title(content.text, metadata.title);
    if (body.empty()) {
        if (content.from == html::ContentFrom::none) {
            result.skip_reason = "no text in the HTML page";
        } else if (!metadata.title.empty()) {
            result.skip_reason = "the HTML page \"" + metadata.title +
                                 "\" has no text besides its headline, navigation and footers";
        } else {
            result.skip_reason =
                "the HTML page has no main text (only navigation, headers and footers)";
        }
        return result;
    }
    PressRelease& release = result.release.emplace();
    release.body = std::move(body);
    release.title = std::move(metadata.title);
    release.date = std::move(metadata.date);
    release.lang = std::move(metadata.lang);
    release.url = std::move(metadata.url);
    release.source = std::move(metadata.source);
    return result;
}

}  // namespace

void read_html_page(std::string_view bytes, const ReaderEvents& events) {
    PageResult result;
    try {
        result = read_page(bytes);
    } catch (const std::bad_alloc&) {
        result.skip_reason = "the HTML page is too large to read (out of memory)";
    } catch (const std::exception& error) {
        result.skip_reason = std::string("cannot read the HTML page: ") + error.what();
    }
    // The events run outside the try: what the caller's handlers throw is the caller's.
    if (!result.release) {
        if (events.on_skip) events.on_skip(0, result.skip_reason);
        return;
    }
    if (result.release->title.empty() && events.on_warning) {
        events.on_warning(0, "the HTML page has no headline (no og:title, <h1> or <title>)");
    }
    if (events.on_record) events.on_record(std::move(*result.release), 0);
}

}  // namespace dateline
