#include "feed_reader.hpp"

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "dates.hpp"
#include "encoding.hpp"
#include "html_text.hpp"
#include "plain_text.hpp"
#include "utf8.hpp"

namespace dateline {

namespace {

using plain_text::collapse_spaces;
using plain_text::is_space;
using plain_text::quoted;
using plain_text::trim;

// Deeper markup than this inside one field is not walked (libxml2 itself stops at 256 levels).
constexpr int max_text_depth = 300;

char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = to_lower(c);
    return out;
}

// Plain text as paragraphs: lines of a paragraph joined by a space, paragraphs by "\n\n".
std::string plain_paragraphs(std::string_view text) {
    std::string out;
    std::string paragraph;
    auto flush = [&] {
        if (paragraph.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += paragraph;
        paragraph.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line = collapse_spaces(text.substr(start, end - start));
        if (line.empty()) {
            flush();
        } else {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += line;
        }
        start = end + 1;
    }
    flush();
    return out;
}

std::string_view view(const xmlChar* text) {
    return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

// The element's name without a namespace prefix, also when the prefix was never declared
// (libxml2 then keeps "content:encoded" as the whole name).
std::string_view local_name(const xmlNode* node) {
    std::string_view name = view(node->name);
    if (const std::size_t colon = name.rfind(':'); colon != std::string_view::npos) {
        name.remove_prefix(colon + 1);
    }
    return name;
}

bool named(const xmlNode* node, std::string_view name) {
    if (node->type != XML_ELEMENT_NODE) return false;
    const std::string_view actual = local_name(node);
    if (actual.size() != name.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (to_lower(actual[i]) != to_lower(name[i])) return false;
    }
    return true;
}

xmlNode* first_child(xmlNode* parent, std::string_view name) {
    if (parent == nullptr) return nullptr;
    for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
        if (named(child, name)) return child;
    }
    return nullptr;
}

// The text of text and CDATA nodes below `node`. Entity references are left out: they are
// never expanded, so a feed cannot make a small document into a huge text.
void append_text(const xmlNode* node, std::string& out, int depth) {
    if (depth > max_text_depth) return;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            out += view(child->content);
        } else if (child->type == XML_ELEMENT_NODE) {
            append_text(child, out, depth + 1);
        }
    }
}

std::string text_of(const xmlNode* node) {
    std::string out;
    if (node != nullptr) append_text(node, out, 0);
    return out;
}

// An attribute's value from its text nodes only (entity references are not expanded).
std::string attribute(const xmlNode* node, std::string_view name) {
    for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
        if (view(attr->name) != name) continue;
        std::string value;
        for (const xmlNode* child = attr->children; child != nullptr; child = child->next) {
            if (child->type == XML_TEXT_NODE) value += view(child->content);
        }
        return value;
    }
    return {};
}

// HTML carried in an element: escaped or CDATA text is the markup itself; child elements
// (markup left unescaped, Atom's xhtml) are serialised back.
std::string markup_of(xmlDoc* doc, xmlNode* node) {
    std::string html;
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            html += view(child->content);
        } else if (child->type == XML_ELEMENT_NODE) {
            const std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(),
                                                                              &xmlBufferFree);
            if (buffer && xmlNodeDump(buffer.get(), doc, child, 0, 0) >= 0) {
                html.append(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                            static_cast<std::size_t>(xmlBufferLength(buffer.get())));
            }
        }
    }
    return html;
}

// "en-US", "en_gb", "EN" → "en"; anything that is not a language tag → "".
std::string language_code(std::string_view tag) {
    tag = trim(tag);
    const std::size_t end = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() < 2 || primary.size() > 3) return {};
    for (const char c : primary) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
    }
    return lower(primary);
}

// xml:lang on the element or its nearest ancestor.
std::string inherited_lang(const xmlNode* node) {
    for (; node != nullptr && node->type == XML_ELEMENT_NODE; node = node->parent) {
        for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
            if (view(attr->name) == "lang" && attr->ns != nullptr &&
                view(attr->ns->prefix) == "xml") {
                return language_code(attribute(node, "lang"));
            }
        }
    }
    return {};
}

// RSS <author> holds an e-mail address: "press@example.org (Press Office)" or
// "Press Office <press@example.org>" → "Press Office"; a bare address is kept.
std::string person_name(std::string_view text) {
    text = trim(text);
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open &&
        text.substr(0, open).find('@') != std::string_view::npos) {
        const std::string name = collapse_spaces(text.substr(open + 1, close - open - 1));
        if (!name.empty()) return name;
    }
    const std::size_t angle = text.find('<');
    if (angle != std::string_view::npos && angle > 0) {
        const std::string name = collapse_spaces(text.substr(0, angle));
        if (!name.empty()) return name;
    }
    return collapse_spaces(text);
}

// An author element: Atom's <author><name>, or RSS's text.
std::string author_of(xmlNode* node) {
    if (xmlNode* name = first_child(node, "name")) return collapse_spaces(text_of(name));
    return person_name(text_of(node));
}

std::string title_of(xmlNode* node, bool atom) {
    const std::string type = lower(trim(attribute(node, "type")));
    std::string text = text_of(node);
    if (atom && (type == "xhtml" || type == "html")) {
        text = html_to_text(type == "xhtml" ? markup_of(node->doc, node) : text);
    } else if (!atom && text.find_first_of("<&") != std::string::npos) {
        // RSS titles are plain text by the specification, yet many carry markup or escape
        // their ampersands twice ("AT&amp;amp;T").
        text = html_to_text(text);
    }
    return collapse_spaces(text);
}

std::string body_of(xmlNode* node, bool atom) {
    if (!atom) return html_to_text(markup_of(node->doc, node));
    const std::string type = lower(trim(attribute(node, "type")));
    if (type.empty() || type == "text" || type == "text/plain") {
        return plain_paragraphs(text_of(node));
    }
    if (type == "html" || type == "text/html") return html_to_text(text_of(node));
    if (type == "xhtml" || type == "application/xhtml+xml") {
        return html_to_text(markup_of(node->doc, node));
    }
    return {};  // out-of-line (src=...) or binary content: nothing to index
}

// Topics are filter terms, which ignore case: "Heritage" and "heritage" are one topic.
void add_topic(std::vector<std::string>& topics, std::string_view text) {
    std::string topic = collapse_spaces(text);
    if (topic.empty()) return;
    for (const std::string& known : topics) {
        if (lower(known) == lower(topic)) return;
    }
    topics.push_back(std::move(topic));
}

struct FeedInfo {
    bool atom = false;
    std::string title;
    std::string author;
    std::string lang;
};

// What one item or entry says, before precedence is applied.
struct ItemFields {
    std::string title;
    std::string link;
    std::string permalink_guid;  // a <guid> that is a URL and not marked isPermaLink="false"
    std::string guid;
    std::string pub_date;
    std::string published;
    std::string dc_date;
    std::string updated;
    xmlNode* encoded = nullptr;
    xmlNode* content = nullptr;
    xmlNode* description = nullptr;
    xmlNode* summary = nullptr;
    std::string author;
    std::string source_title;
    std::string lang;
    std::vector<std::string> topics;
};

bool is_web_address(std::string_view text) {
    return text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://";
}

ItemFields fields_of(xmlNode* item, bool atom) {
    ItemFields fields;
    for (xmlNode* child = item->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (named(child, "title")) {
            if (fields.title.empty()) fields.title = title_of(child, atom);
        } else if (named(child, "link")) {
            const std::string rel = attribute(child, "rel");
            const std::string href = std::string(trim(attribute(child, "href")));
            const std::string text = href.empty() ? std::string(trim(text_of(child))) : href;
            if (fields.link.empty() && (rel.empty() || rel == "alternate")) fields.link = text;
        } else if (named(child, "guid") || named(child, "id")) {
            if (fields.guid.empty()) fields.guid = std::string(trim(text_of(child)));
            if (named(child, "guid") && is_web_address(fields.guid) &&
                lower(trim(attribute(child, "isPermaLink"))) != "false") {
                fields.permalink_guid = fields.guid;
            }
        } else if (named(child, "pubDate")) {
            fields.pub_date = text_of(child);
        } else if (named(child, "published") || named(child, "issued")) {
            fields.published = text_of(child);
        } else if (named(child, "date")) {
            fields.dc_date = text_of(child);
        } else if (named(child, "updated") || named(child, "modified")) {
            fields.updated = text_of(child);
        } else if (named(child, "encoded")) {
            if (fields.encoded == nullptr) fields.encoded = child;
        } else if (named(child, "content")) {
            if (fields.content == nullptr) fields.content = child;
        } else if (named(child, "description")) {
            if (fields.description == nullptr) fields.description = child;
        } else if (named(child, "summary")) {
            if (fields.summary == nullptr) fields.summary = child;
        } else if (named(child, "creator") || named(child, "author")) {
            if (fields.author.empty()) fields.author = author_of(child);
        } else if (named(child, "source")) {
            xmlNode* title = first_child(child, "title");
            fields.source_title =
                collapse_spaces(title != nullptr ? text_of(title) : text_of(child));
        } else if (named(child, "language")) {
            fields.lang = language_code(text_of(child));
        } else if (named(child, "category")) {
            const std::string term = attribute(child, "term");
            add_topic(fields.topics, !trim(term).empty() ? std::string_view(term)
                                                         : std::string_view(text_of(child)));
        } else if (named(child, "subject")) {
            add_topic(fields.topics, text_of(child));
        }
    }
    return fields;
}

std::size_t line_of(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    return line > 0 ? static_cast<std::size_t>(line) : 0;
}

void make_valid_utf8(std::string& text) {
    if (utf8::is_valid(text)) return;
    std::string repaired;
    encoding::Utf8Repair().feed(text, true, repaired);
    text = std::move(repaired);
}

void read_item(xmlNode* item, std::size_t number, const FeedInfo& feed,
               const ReaderEvents& events) {
    const std::size_t line = line_of(item);
    const std::string where = "item " + std::to_string(number) + ": ";
    ItemFields fields = fields_of(item, feed.atom);

    PressRelease release;
    release.title = std::move(fields.title);
    release.url = !fields.link.empty() ? fields.link : fields.permalink_guid;
    release.id = !fields.guid.empty() ? fields.guid : release.url;

    for (xmlNode* text : {fields.encoded, fields.content, fields.description, fields.summary}) {
        if (text == nullptr) continue;
        release.body = body_of(text, feed.atom);
        if (!release.body.empty()) break;
    }
    if (release.title.empty() && release.body.empty()) {
        if (events.on_skip) events.on_skip(line, where + "no title and no text");
        return;
    }

    for (const std::string* date :
         {&fields.pub_date, &fields.published, &fields.dc_date, &fields.updated}) {
        if (trim(*date).empty()) continue;
        if (std::string iso = dates::normalize(*date); !iso.empty()) {
            release.date = std::move(iso);
            break;
        }
        if (events.on_warning) {
            events.on_warning(
                line, where + "unrecognised date " + quoted(*date) + "; the release has no date");
        }
        break;
    }

    if (!fields.author.empty()) {
        release.source = std::move(fields.author);
    } else if (!fields.source_title.empty()) {
        release.source = std::move(fields.source_title);
    } else if (!feed.author.empty()) {
        release.source = feed.author;
    } else {
        release.source = feed.title;
    }

    release.lang = fields.lang;
    if (release.lang.empty()) release.lang = inherited_lang(item);
    if (release.lang.empty()) release.lang = feed.lang;
    release.topics = std::move(fields.topics);

    // libxml2's recovery mode passes on bytes that are not UTF-8 when a feed lies about (or
    // omits) its encoding: read such bytes as Windows-1252, as for every other input.
    for (std::string* field : {&release.id, &release.title, &release.date, &release.source,
                               &release.place, &release.url, &release.lang, &release.body}) {
        make_valid_utf8(*field);
    }
    for (std::string& topic : release.topics) make_valid_utf8(topic);

    if (events.on_record) events.on_record(std::move(release), line);
}

// libxml2 reports problems through per-thread handlers; while one feed is parsed they are
// collected here instead of being printed to stderr.
struct XmlErrors {
    std::size_t count = 0;
    std::string first;
    std::size_t first_line = 0;
};

void collect_xml_error(void* user, xmlErrorPtr error) {
    auto* errors = static_cast<XmlErrors*>(user);
    if (errors == nullptr || error == nullptr || error->level < XML_ERR_ERROR) return;
    if (errors->count++ == 0) {
        errors->first = error->message != nullptr ? std::string(trim(error->message))
                                                  : std::string("unknown error");
        errors->first_line = error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
    }
}

class CollectXmlErrors {
public:
    explicit CollectXmlErrors(XmlErrors& errors)
        : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext) {
        xmlSetStructuredErrorFunc(&errors, collect_xml_error);
    }
    ~CollectXmlErrors() { xmlSetStructuredErrorFunc(previous_context_, previous_); }
    CollectXmlErrors(const CollectXmlErrors&) = delete;
    CollectXmlErrors& operator=(const CollectXmlErrors&) = delete;

private:
    xmlStructuredErrorFunc previous_;
    void* previous_context_;
};

struct FreeDoc {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

void read_document(std::string_view bytes, const ReaderEvents& events) {
    // libxml2 must be initialised once before threads use it; a function-local static runs
    // exactly once even when several indexer workers arrive here together.
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialised;

    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        if (events.on_skip) events.on_skip(0, "feed too large for the XML parser (over 2 GB)");
        return;
    }
    // No XML_PARSE_NOENT, DTDLOAD, DTDATTR or DTDVALID: entities stay references and no
    // external entity or DTD is ever fetched; NONET forbids the network besides.
    constexpr int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING;
    XmlErrors errors;
    std::unique_ptr<xmlDoc, FreeDoc> doc;
    {
        const CollectXmlErrors collect(errors);
        doc.reset(
            xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options));
    }
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) {
        if (events.on_skip) {
            events.on_skip(errors.first_line,
                           "not well-formed XML" +
                               (errors.first.empty() ? std::string() : ": " + errors.first));
        }
        return;
    }

    FeedInfo feed;
    std::vector<xmlNode*> containers;  // elements whose <item>/<entry> children are releases
    xmlNode* channel = nullptr;
    if (named(root, "rss") || named(root, "RDF")) {
        channel = first_child(root, "channel");
        if (channel != nullptr) containers.push_back(channel);
        containers.push_back(root);  // RSS 1.0 puts its items beside the channel
    } else if (named(root, "feed")) {
        feed.atom = true;
        channel = root;
        containers.push_back(root);
    } else {
        if (events.on_skip) {
            events.on_skip(line_of(root), "not an RSS or Atom feed (the root element is <" +
                                              std::string(local_name(root)) + ">)");
        }
        return;
    }
    if (errors.count > 0 && events.on_warning) {
        events.on_warning(errors.first_line,
                          "malformed XML, read as far as it could be repaired (" +
                              std::to_string(errors.count) + " errors; first: " + errors.first +
                              ")");
    }
    if (channel != nullptr) {
        if (xmlNode* title = first_child(channel, "title")) {
            feed.title = title_of(title, feed.atom);
        }
        if (xmlNode* language = first_child(channel, "language")) {
            feed.lang = language_code(text_of(language));
        }
        if (feed.lang.empty()) feed.lang = inherited_lang(channel);
        if (xmlNode* author = first_child(channel, "author")) feed.author = author_of(author);
        if (xmlNode* creator = first_child(channel, "creator"); creator && feed.author.empty()) {
            feed.author = author_of(creator);
        }
    }

    const std::string_view item_name = feed.atom ? "entry" : "item";
    std::size_t number = 0;
    for (xmlNode* container : containers) {
        for (xmlNode* child = container->children; child != nullptr; child = child->next) {
            if (!named(child, item_name)) continue;
            if (events.should_stop()) return;
            read_item(child, ++number, feed, events);
        }
    }
    if (number == 0 && events.on_warning) {
        events.on_warning(line_of(root),
                          std::string("the feed has no <") + std::string(item_name) + "> elements");
    }
}

}  // namespace

void read_feed(std::string_view bytes, const ReaderEvents& events) {
    try {
        read_document(bytes, events);
    } catch (const std::exception& error) {
        if (events.on_skip) events.on_skip(0, std::string("cannot read the feed: ") + error.what());
    } catch (...) {
        if (events.on_skip) events.on_skip(0, "cannot read the feed: unexpected error");
    }
}

}  // namespace dateline
