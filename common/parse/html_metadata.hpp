#pragma once
// What a web page says about itself: headline, publication date, language, address and
// publisher, from its metadata where it has some and from its visible text otherwise.

#include <string>
#include <string_view>
#include <vector>

#include "html_content.hpp"
#include "html_dom.hpp"

namespace dateline::html {

struct PageMetadata {
    std::string title;
    std::string date;    // normalised as dates::to_iso, "" when the page gives none
    std::string lang;    // ISO 639-1, "" when the page does not say
    std::string url;     // absolute http(s) address, "" when the page does not say
    std::string source;  // the publishing site or organisation, "" when the page does not say
};

// Reads the metadata of `document`; `content` (from find_main_content) tells where the
// article is, so that headings and dates in sidebars and menus are not taken for its own.
//
//   title   og:title and similar meta; else the heading the <title> repeats (without the site
//           name the <title> adds); else the article's or the page's only <h1>; else <title>
//           without a trailing site name it can tell (one the page's metadata names)
//   date    article:published_time, Dublin Core (DC.date, dcterms.issued, ...), other common
//           meta and their RDFa/microdata forms, a <time> in the article, an element classed
//           "date"/"time", a date in the title (a "Month Day" title without a year gets the
//           year of the nearest date on the page), a dateline at the start of the text
//   lang    <html lang> or xml:lang, else content-language meta, else the article's lang
//   url     og:url, <link rel="canonical">, a "url" meta
//   source  og:site_name, SiteName, application-name, publisher meta
PageMetadata read_metadata(const Document& document, const MainContent& content);

// A date as a page writes it ("2017-11-16T00:00:00-05:00", "Thursday, November 16, 2017",
// "20171116"), normalised; "" when it is not one. A midnight time with a zone is how content
// systems store a bare day, so it gives the day alone rather than a UTC time of another day.
std::string normalize_page_date(std::string_view text);

// `title` without a leading or trailing site name ("Headline | Site", "Site - Headline",
// "标题_网站") when that part equals one of `site_names` (case-insensitive).
std::string strip_site_name(std::string_view title, const std::vector<std::string>& site_names);

}  // namespace dateline::html
