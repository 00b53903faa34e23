#include "html_content.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline::html {

namespace {

// A boilerplate element is still kept when it holds this much running text: some sites wrap
// the whole page in a <form>, or name the wrapper of the article "with-sidebar".
constexpr std::size_t running_text_bytes = 2000;
// A text block shorter than this (in bytes, links not counted) is a label, not a paragraph.
constexpr std::size_t min_paragraph_bytes = 25;
// An <article> with less text than this is a teaser, not the page's article.
constexpr std::size_t min_article_bytes = 200;

struct Stats {
    std::size_t raw_text = 0;   // non-space bytes of text below the element, boilerplate included
    std::size_t raw_links = 0;  // the part of raw_text inside links
    std::size_t text = 0;       // the same without the boilerplate that is left out
    std::size_t links = 0;
    std::size_t commas = 0;
    bool has_block = false;  // a block element below it (so it is not a single paragraph)
    bool dropped = false;    // boilerplate, left out of the text
    double score = 0;        // running text in its children and grandchildren
};

using StatsMap = std::unordered_map<const GumboNode*, Stats>;

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// "has-sidebar", "with-sidebar", "no-sidebar", "one-sidebar": a page layout, not the sidebar.
bool is_layout_modifier(std::string_view name) {
    for (std::string_view prefix : {"has-", "with-", "no-", "one-", "two-", "three-"}) {
        if (name.substr(0, prefix.size()) == prefix) return true;
    }
    return name.find("-with-") != std::string_view::npos;
}

// Whole class names (or ids) that a content-management system gives the article body.
bool is_known_container(const GumboNode* element) {
    static constexpr std::array<std::string_view, 14> classes = {"field--name-field-pr-body",
                                                                 "field-name-field-pr-body",
                                                                 "field--name-body",
                                                                 "field-name-body",
                                                                 "entry-content",
                                                                 "post-content",
                                                                 "post-body",
                                                                 "article-body",
                                                                 "article__body",
                                                                 "article-content",
                                                                 "articlebody",
                                                                 "story-body",
                                                                 "story-content",
                                                                 "trs_editor"};
    static constexpr std::array<std::string_view, 6> ids = {"news_body_txt_a", "articlebody",
                                                            "article-body",    "article_body",
                                                            "story-body",      "main-article-body"};
    const char* itemprop = attribute(element, "itemprop");
    if (itemprop && ascii_lower(itemprop) == "articlebody") return true;
    const char* id = attribute(element, "id");
    if (id && is_one_of(ascii_lower(id), ids)) return true;
    for (const std::string& name : names_in(attribute(element, "class"))) {
        if (is_one_of(name, classes)) return true;
    }
    return false;
}

bool is_hidden(const GumboNode* element) {
    if (attribute(element, "hidden")) return true;
    const char* aria_hidden = attribute(element, "aria-hidden");
    if (aria_hidden && ascii_lower(aria_hidden) == "true") return true;
    const char* style = attribute(element, "style");
    if (!style) return false;
    std::string compact;
    for (const char* c = style; *c; ++c) {
        if (!is_ascii_space(*c)) compact += ascii_lower(*c);
    }
    return compact.find("display:none") != std::string::npos ||
           compact.find("visibility:hidden") != std::string::npos;
}

bool has_boilerplate_role(const GumboNode* element) {
    static constexpr std::array<std::string_view, 10> roles = {
        "navigation", "banner",  "contentinfo", "complementary", "search",
        "menu",       "menubar", "toolbar",     "dialog",        "alertdialog"};
    const char* role = attribute(element, "role");
    return role && is_one_of(ascii_lower(role), roles);
}

bool has_boilerplate_name(const GumboNode* element) {
    static constexpr std::array<std::string_view, 36> words = {
        "nav",        "navbar",      "navigation",    "menu",    "menubar",   "submenu",
        "breadcrumb", "breadcrumbs", "crumbs",        "share",   "sharing",   "sharethis",
        "addthis",    "social",      "sidebar",       "footer",  "header",    "masthead",
        "related",    "comment",     "comments",      "cookie",  "cookies",   "banner",
        "pager",      "pagination",  "toolbar",       "skip",    "subscribe", "newsletter",
        "promo",      "advert",      "advertisement", "sponsor", "byline",    "meta"};
    // Whole names only: "field--label-hidden" hides a label, not the field.
    static constexpr std::array<std::string_view, 9> hiding_names = {
        "hidden",    "element-hidden", "visually-hidden",    "visuallyhidden",   "sr-only",
        "invisible", "hide",           "screen-reader-text", "element-invisible"};
    for (const char* attribute_name : {"class", "id"}) {
        for (const std::string& name : names_in(attribute(element, attribute_name))) {
            if (is_one_of(name, hiding_names)) return true;
            if (is_layout_modifier(name)) continue;
            for (std::string_view word : words_in(name)) {
                if (is_one_of(word, words)) return true;
            }
        }
    }
    return false;
}

void count_text(std::string_view text, bool in_link, Stats& stats) {
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_ascii_space(c)) continue;
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            ++i;
            continue;
        }
        ++bytes;
        if (c == ',') ++stats.commas;
        // U+FF0C fullwidth comma and U+3001 ideographic comma
        if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0) {
            ++stats.commas;
        }
    }
    stats.raw_text += bytes;
    stats.text += bytes;
    if (in_link) {
        stats.raw_links += bytes;
        stats.links += bytes;
    }
}

bool holds_running_text(const Stats& stats) {
    return stats.raw_text >= running_text_bytes && stats.raw_links * 10 < stats.raw_text * 3;
}

// Text statistics of every element, and which boilerplate is left out, in one pass.
StatsMap compute_stats(const GumboNode* root) {
    StatsMap all;
    struct Frame {
        const GumboNode* node;
        unsigned int next_child;
        bool in_link;
        Stats stats;
    };
    std::vector<Frame> stack;
    stack.push_back(Frame{root, 0, false, Stats{}});
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next_child < children.length) {
            const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
            if (is_text(child)) {
                count_text(child->v.text.text, frame.in_link, frame.stats);
            } else if (is_element(child) && !is_non_text(child)) {
                const bool in_link = frame.in_link || is_element(child, GUMBO_TAG_A);
                stack.push_back(Frame{child, 0, in_link, Stats{}});  // invalidates `frame`
            }
            continue;
        }
        const GumboNode* node = frame.node;
        Stats stats = frame.stats;
        stack.pop_back();
        stats.dropped = is_boilerplate(node) && !holds_running_text(stats);
        if (!stack.empty()) {
            Stats& parent = stack.back().stats;
            parent.raw_text += stats.raw_text;
            parent.raw_links += stats.raw_links;
            if (!stats.dropped) {
                parent.text += stats.text;
                parent.links += stats.links;
                parent.commas += stats.commas;
                parent.has_block = parent.has_block || stats.has_block || is_block(node);
            }
        }
        all[node] = stats;
    }
    return all;
}

const Stats& stats_of(const StatsMap& all, const GumboNode* element) {
    static const Stats none;
    const auto found = all.find(element);
    return found == all.end() ? none : found->second;
}

bool is_dropped(const StatsMap& all, const GumboNode* element) {
    return stats_of(all, element).dropped;
}

// Elements below `start` that are not inside left-out boilerplate, in document order.
std::vector<const GumboNode*> kept_elements(const StatsMap& all, const GumboNode* start) {
    std::vector<const GumboNode*> out;
    for_each_element(start, [&](const GumboNode* element) {
        if (is_non_text(element) || is_dropped(all, element)) return false;
        out.push_back(element);
        return true;
    });
    return out;
}

const GumboNode* child_element(const GumboNode* parent, GumboTag tag) {
    const GumboVector& children = parent->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (is_element(child, tag)) return child;
    }
    return nullptr;
}

// The part of the page the article is in: its largest <article>, else <main> (or
// role="main"), else the <body>.
const GumboNode* find_scope(const StatsMap& all, const std::vector<const GumboNode*>& elements,
                            const GumboNode* body) {
    const GumboNode* article = nullptr;
    const GumboNode* main = nullptr;
    for (const GumboNode* element : elements) {
        const Stats& stats = stats_of(all, element);
        if (is_element(element, GUMBO_TAG_ARTICLE) && stats.text >= min_article_bytes &&
            (!article || stats.text > stats_of(all, article).text)) {
            article = element;
        }
        if (!main) {
            const char* role = attribute(element, "role");
            if (is_element(element, GUMBO_TAG_MAIN) || (role && ascii_lower(role) == "main")) {
                main = element;
            }
        }
    }
    if (article) return article;
    if (main && stats_of(all, main).text > 0) return main;
    return body;
}

double link_density(const Stats& stats) {
    return stats.text == 0 ? 0.0
                           : static_cast<double>(stats.links) / static_cast<double>(stats.text);
}

double adjusted_score(const Stats& stats) {
    return stats.score * (1.0 - link_density(stats));
}

std::size_t running_bytes(const Stats& stats) {
    return stats.text - stats.links;
}

bool votes_for_itself(const GumboNode* element) {
    switch (element->v.element.tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_BODY:
            return true;
        default:
            return false;
    }
}

// Readability's idea: every paragraph of running text votes for its parent (and, half as
// much, its grandparent); the element with most votes, discounted by its share of link text,
// holds the article. Returns the elements to render: that one and any sibling that earns a
// good share of its votes.
std::vector<const GumboNode*> densest_text(StatsMap& all, const GumboNode* scope) {
    std::vector<const GumboNode*> elements = kept_elements(all, scope);
    for (const GumboNode* element : elements) {
        const Stats& stats = stats_of(all, element);
        if (!is_block(element) || stats.has_block) continue;
        const std::size_t running = running_bytes(stats);
        if (running < min_paragraph_bytes) continue;
        const double vote = 1.0 + static_cast<double>(stats.commas) +
                            std::min(static_cast<double>(running) / 100.0, 3.0);
        // Old table layouts and <br>-separated text keep a whole article in one <td> or <div>:
        // such a container votes for itself too, so that it can win over its parent row.
        if (votes_for_itself(element)) all[element].score += vote;
        const GumboNode* parent = element->parent;
        if (!is_element(parent)) continue;
        all[parent].score += vote;
        const GumboNode* grandparent = parent->parent;
        if (is_element(grandparent)) all[grandparent].score += vote / 2.0;
    }

    elements.insert(elements.begin(), scope);
    const GumboNode* best = nullptr;
    double best_score = 0.0;
    for (const GumboNode* element : elements) {
        const double score = adjusted_score(stats_of(all, element));
        if (score > best_score) {
            best = element;
            best_score = score;
        }
    }
    if (!best) return {};
    if (best == scope || !is_element(best->parent)) return {best};

    std::vector<const GumboNode*> chosen;
    const double sibling_threshold = std::max(10.0, best_score * 0.2);
    const GumboVector& siblings = best->parent->v.element.children;
    for (unsigned int i = 0; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (!is_element(sibling) || is_non_text(sibling) || is_dropped(all, sibling)) continue;
        const Stats& stats = stats_of(all, sibling);
        const bool long_paragraph = is_element(sibling, GUMBO_TAG_P) &&
                                    running_bytes(stats) >= 80 && link_density(stats) < 0.25;
        if (sibling == best || adjusted_score(stats) >= sibling_threshold || long_paragraph) {
            chosen.push_back(sibling);
        }
    }
    return chosen;
}

std::string render(const StatsMap& all, const std::vector<const GumboNode*>& roots) {
    TextWriter writer;
    const auto skip = [&all](const GumboNode* element) { return is_dropped(all, element); };
    for (const GumboNode* root : roots) {
        writer.paragraph_break();
        render_text(root, writer, skip);
    }
    return writer.take();
}

}  // namespace

bool is_boilerplate(const GumboNode* element) {
    if (!is_element(element)) return false;
    switch (element->v.element.tag) {
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_LABEL:
            return true;
        default:
            break;
    }
    return is_hidden(element) || has_boilerplate_role(element) || has_boilerplate_name(element);
}

bool is_site_furniture(const GumboNode* element) {
    if (!is_boilerplate(element)) return false;
    const bool article_part =
        is_element(element, GUMBO_TAG_HEADER) || names_word(element, {"header", "meta", "byline"});
    if (!article_part) return true;
    for (const GumboNode* node = element->parent; is_element(node); node = node->parent) {
        const char* role = attribute(node, "role");
        if (is_element(node, GUMBO_TAG_ARTICLE) || is_element(node, GUMBO_TAG_MAIN) ||
            (role && ascii_lower(role) == "main")) {
            return false;
        }
    }
    return true;
}

MainContent find_main_content(const Document& document, const ContentOptions& options) {
    MainContent content;
    const GumboNode* html = document.root();
    const GumboNode* body = child_element(html, GUMBO_TAG_BODY);
    if (!body) return content;
    StatsMap all = compute_stats(body);
    all[body].dropped = false;  // a <body class="has-sidebar"> is still the page
    const std::vector<const GumboNode*> elements = kept_elements(all, body);

    if (options.use_known_containers) {
        const GumboNode* known = nullptr;
        for (const GumboNode* element : elements) {
            if (!is_known_container(element)) continue;
            if (!known || stats_of(all, element).text > stats_of(all, known).text) known = element;
        }
        if (known && stats_of(all, known).text > 0) {
            content.root = known;
            content.scope = known;
            content.from = ContentFrom::known_container;
            content.text = render(all, {known});
            return content;
        }
    }

    content.scope = find_scope(all, elements, body);
    std::vector<const GumboNode*> roots = densest_text(all, content.scope);
    if (!roots.empty()) {
        content.from = ContentFrom::text_density;
        content.root = roots.size() == 1 ? roots.front() : roots.front()->parent;
        content.text = render(all, roots);
    }
    if (content.text.empty()) {
        content.from = ContentFrom::whole_scope;
        content.root = content.scope;
        content.text = render(all, {content.scope});
    }
    if (content.text.empty() && stats_of(all, body).raw_text == 0) content.from = ContentFrom::none;
    return content;
}

}  // namespace dateline::html
