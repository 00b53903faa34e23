// A tiny element builder. Text always goes in as text nodes; attributes as attributes.

/**
 * h(doc, "a.dateline__hit-link", {href: "…"}, "text", childNode, …)
 * The tag may carry classes after dots. null/false children are skipped.
 */
export function h(doc, tagAndClasses, attributes = {}, ...children) {
  const [tag, ...classes] = tagAndClasses.split(".");
  const node = doc.createElement(tag);
  if (classes.length) node.className = classes.join(" ");
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? node.ownerDocument.createTextNode(child) : child);
  }
  return node;
}

/** A link the page handles itself (a state change) instead of loading a new page. */
export function navLink(doc, className, href, ...children) {
  return h(doc, "a." + className, { href, "data-dl-nav": true }, ...children);
}
