#pragma once
// Finding the main text of a web page: the release itself, without the site around it
// (navigation, menus, headers, footers, sidebars, forms, breadcrumbs, share widgets).

#include <string>

#include "html_dom.hpp"

namespace dateline::html {

enum class ContentFrom {
    none,             // no text anywhere in the page
    known_container,  // an element content-management systems use for the article body
    text_density,     // the element holding most of the page's running text
    whole_scope,      // the <article>/<main>/<body> as a whole: no paragraph stood out (the
                      // text is empty when the page has text only in its boilerplate)
};

struct MainContent {
    const GumboNode* root = nullptr;   // the element the body text was taken from
    const GumboNode* scope = nullptr;  // the <article>, <main> or <body> it was found in
    ContentFrom from = ContentFrom::none;
    std::string text;  // paragraphs separated by a blank line
};

struct ContentOptions {
    // Look for the body containers of common content-management systems first. Off, only the
    // structure and text density decide (the corpus check uses this to measure the fallback).
    bool use_known_containers = true;
};

// Chooses the main content of `document` and renders its text, leaving boilerplate out.
MainContent find_main_content(const Document& document, const ContentOptions& options = {});

// True for elements that hold site furniture rather than the release: nav, aside, footer,
// forms and buttons, ARIA landmarks other than main, hidden elements, and elements whose class
// or id names a menu, breadcrumb, share bar, sidebar, footer and the like.
bool is_boilerplate(const GumboNode* element);

// Boilerplate that never belongs to the article: as is_boilerplate(), except that a <header>,
// byline or meta line inside an <article> or <main> is the article's own (its headline and
// date), though it stays out of the body text.
bool is_site_furniture(const GumboNode* element);

}  // namespace dateline::html
