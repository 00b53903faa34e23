#include "record_source.hpp"

#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>

#include "archive_input.hpp"
#include "encoding.hpp"
#include "errors.hpp"
#include "feed_reader.hpp"
#include "format_detect.hpp"
#include "front_matter.hpp"
#include "html_page.hpp"
#include "json_document.hpp"
#include "jsonl_reader.hpp"
#include "line_reader.hpp"
#include "release_structure.hpp"
#include "reuters_sgml.hpp"
#include "schema.hpp"
#include "utf8.hpp"
#include "wire_text.hpp"

namespace dateline::indexer {

namespace {

constexpr std::size_t mib = 1024 * 1024;

// One file to read: an input, or a member of an archive.
struct Entry {
    std::string display;  // for messages: "file", "archive.zip!member", "<stdin>"
    RecordOrigin origin;
    std::string file_id;  // "file:" + absolute path (+ "!member"); "" for standard input
    std::optional<DocumentFormat> named;  // what the name suggests
};

struct Context {
    const RecordHandlers& handlers;
    std::optional<DocumentFormat> forced;
    const FieldMap& map;

    bool stop() const { return handlers.stop_requested && handlers.stop_requested(); }
    void skip(const Entry& entry, std::size_t line, const std::string& message) const {
        handlers.on_skip(entry.display, line, message);
    }
    void warn(const Entry& entry, std::size_t line, const std::string& message) const {
        handlers.on_warning(entry.display, line, message);
    }
};

std::optional<DocumentFormat> forced_format(InputFormat format) {
    switch (format) {
        case InputFormat::detect: return std::nullopt;
        case InputFormat::jsonl: return DocumentFormat::jsonl;
        case InputFormat::json: return DocumentFormat::json;
        case InputFormat::text: return DocumentFormat::wire_text;
        case InputFormat::html: return DocumentFormat::html;
        case InputFormat::feed: return DocumentFormat::feed;
        case InputFormat::sgml: return DocumentFormat::reuters_sgml;
        case InputFormat::frontmatter: return DocumentFormat::front_matter;
    }
    return std::nullopt;
}

Entry entry_for_input(const std::string& path) {
    Entry entry;
    if (path == "-") {
        entry.display = "<stdin>";
        return entry;
    }
    entry.display = path;
    std::error_code ec;
    const auto absolute = std::filesystem::weakly_canonical(path, ec);
    entry.origin.file = ec ? path : absolute.string();
    // The id is text; the origin keeps the path's bytes, which --prune compares with the disk.
    entry.file_id = "file:" + (utf8::is_valid(entry.origin.file)
                                   ? entry.origin.file
                                   : utf8::from_windows1252(entry.origin.file));
    entry.named = format_from_name(path);
    return entry;
}

Entry entry_for_member(const Entry& archive, const std::string& member) {
    Entry entry;
    entry.display = archive.display + "!" + member;
    entry.origin.file = archive.origin.file;
    entry.origin.member = archive.origin.member.empty() ? member
                                                         : archive.origin.member + "!" + member;
    if (!archive.file_id.empty()) entry.file_id = archive.file_id + "!" + member;
    entry.named = format_from_name(member);
    return entry;
}

// A member under a hidden folder (".git/...") or a macOS resource fork folder ("__MACOSX/"),
// which a folder walk would not enter either.
bool is_hidden_path(const std::string& member) {
    std::size_t start = 0;
    while (start < member.size()) {
        std::size_t slash = member.find('/', start);
        if (slash == std::string::npos) slash = member.size();
        const std::string_view part = std::string_view(member).substr(start, slash - start);
        if ((!part.empty() && part.front() == '.' && part != "." && part != "..") ||
            part == "__MACOSX") {
            return true;
        }
        start = slash + 1;
    }
    return false;
}

// The bytes of one entry, with the first ones held back for format detection.
class EntryBytes {
public:
    explicit EntryBytes(ChunkSource source) : source_(std::move(source)) {}

    // Reads until the head holds `bytes` or the entry ends. Damage met here is held back
    // until the reader gets past the head, so that the records before it are still read.
    void load_head(std::size_t bytes) {
        head_.resize(bytes);
        std::size_t filled = 0;
        try {
            while (filled < bytes) {
                const std::size_t got = source_(head_.data() + filled, bytes - filled);
                if (got == 0) {
                    complete_ = true;
                    break;
                }
                filled += got;
            }
        } catch (const ArchiveError&) {
            damage_ = std::current_exception();
        }
        head_.resize(filled);
    }
    const std::string& head() const { return head_; }
    // Damage right at the start, or after nothing but white space: nothing to read before it.
    void rethrow_early_damage() const {
        if (damage_ && head_.find_first_not_of(" \t\r\n") == std::string::npos) {
            std::rethrow_exception(damage_);
        }
    }
    bool complete() const { return complete_; }
    std::string take_head() {
        head_pos_ = head_.size();
        return std::move(head_);
    }

    // The rest of the bytes, head first.
    std::size_t read(char* buffer, std::size_t capacity) {
        if (head_pos_ < head_.size()) {
            const std::size_t n = std::min(capacity, head_.size() - head_pos_);
            std::memcpy(buffer, head_.data() + head_pos_, n);
            head_pos_ += n;
            return n;
        }
        return complete_ ? 0 : next_chunk(buffer, capacity);
    }
    ChunkSource as_source() {
        return [this](char* buffer, std::size_t capacity) { return read(buffer, capacity); };
    }

    // All the bytes; nullopt (and the rest left unread) when there are more than `limit`.
    std::optional<std::string> read_all(std::size_t limit) {
        std::string all = std::move(head_);
        head_pos_ = 0;
        head_.clear();
        if (complete_) return all;
        std::string chunk(1024 * 1024, '\0');
        while (const std::size_t got = next_chunk(chunk.data(), chunk.size())) {
            if (all.size() + got > limit) return std::nullopt;
            all.append(chunk.data(), got);
        }
        complete_ = true;
        return all;
    }

private:
    std::size_t next_chunk(char* buffer, std::size_t capacity) {
        if (damage_) std::rethrow_exception(damage_);
        return source_(buffer, capacity);
    }

    ChunkSource source_;
    std::exception_ptr damage_;  // an ArchiveError met while loading the head
    std::string head_;
    std::size_t head_pos_ = 0;
    bool complete_ = false;
};

// What every reader's releases go through before they are handed on.
ReaderEvents events_for(const Entry& entry, const Context& context, bool one_document) {
    ReaderEvents events;
    events.on_record = [&entry, &context, one_document](PressRelease&& release, std::size_t) {
        // A one-article file without its own identity is known by where it lies.
        if (one_document && release.id.empty() && release.url.empty() &&
            !entry.file_id.empty()) {
            release.id = entry.file_id;
        }
        complete_structure(release);
        schema::assign_id(release);
        context.handlers.on_record(std::move(release), entry.origin);
    };
    events.on_skip = [&entry, &context](std::size_t line, const std::string& message) {
        context.skip(entry, line, message);
    };
    events.on_warning = [&entry, &context](std::size_t line, const std::string& message) {
        context.warn(entry, line, message);
    };
    events.stop_requested = [&context] { return context.stop(); };
    return events;
}

bool is_blank(const std::string& line) {
    return line.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

void read_jsonl(EntryBytes& bytes, const Entry& entry, const Context& context) {
    LineReader reader(bytes.as_source());
    std::string line;
    try {
        while (!context.stop() && reader.next(line)) {
            if (reader.last_line_truncated()) {
                context.skip(entry, reader.line_number(), "line is too long (over 64 MiB)");
                continue;
            }
            if (is_blank(line)) continue;
            if (reader.line_number() == 1) line = std::string(utf8::strip_bom(line));
            try {
                PressRelease release = parse_jsonl_record(line, context.map);
                complete_structure(release);
                schema::assign_id(release);
                context.handlers.on_record(std::move(release), entry.origin);
            } catch (const ParseError& e) {
                context.skip(entry, reader.line_number(), e.what());
            }
        }
    } catch (const ArchiveError& e) {
        throw ArchiveError(std::string(e.what()) + " after line " +
                               std::to_string(reader.line_number()) +
                               "; the records before it were read",
                           e.fatal);
    }
}

std::string too_large(const char* what, std::size_t limit) {
    return std::string("too large for ") + what + " (over " + std::to_string(limit / mib) +
           " MiB)";
}

// Text read whole and decoded to UTF-8; nullopt (reported) when it is too large.
std::optional<std::string> read_text(EntryBytes& bytes, const Entry& entry,
                                     const Context& context, const char* what) {
    auto all = bytes.read_all(max_text_article_bytes);
    if (!all) {
        context.skip(entry, 0, std::string("file is ") + too_large(what, max_text_article_bytes));
        return std::nullopt;
    }
    encoding::Decoded decoded = encoding::text_to_utf8(*all);
    if (!decoded.warning.empty()) context.warn(entry, 0, decoded.warning);
    return encoding::normalize_line_ends(std::move(decoded.text));
}

void read_wire_text(EntryBytes& bytes, const Entry& entry, const Context& context) {
    const auto text = read_text(bytes, entry, context, "one text article");
    if (!text) return;
    try {
        std::string note;
        PressRelease release = parse_wire_text(*text, &note);
        if (!note.empty()) context.warn(entry, 1, note);
        events_for(entry, context, true).on_record(std::move(release), 0);
    } catch (const ParseError& e) {
        context.skip(entry, e.line, e.what());
    }
}

void read_front_matter(EntryBytes& bytes, const Entry& entry, const Context& context) {
    if (const auto text = read_text(bytes, entry, context, "one text article")) {
        read_front_matter_text(*text, events_for(entry, context, true));
    }
}

void read_html(EntryBytes& bytes, const Entry& entry, const Context& context) {
    auto page = bytes.read_all(max_text_article_bytes);
    if (!page) {
        context.skip(entry, 0, "file is " + too_large("one HTML page", max_text_article_bytes));
        return;
    }
    // The page reader works on UTF-8 (gumbo's only input encoding).
    encoding::Decoded decoded = encoding::html_to_utf8(*page);
    if (!decoded.warning.empty()) context.warn(entry, 0, decoded.warning);
    read_html_page(decoded.text, events_for(entry, context, true));
}

// Feeds and SGML files: their readers take the raw bytes and handle the encoding.
void read_collection(EntryBytes& bytes, const Entry& entry, const Context& context,
                     DocumentFormat format) {
    const auto all = bytes.read_all(max_collection_bytes);
    if (!all) {
        context.skip(entry, 0, "file is " + too_large("one document", max_collection_bytes));
        return;
    }
    if (format == DocumentFormat::feed) {
        read_feed(*all, events_for(entry, context, false));
    } else {
        read_reuters_sgml(*all, events_for(entry, context, false));
    }
}

void read_input(ArchiveInput& input, const Entry& base, const Context& context, int depth);

// One entry: the format from its bytes, then its reader.
void read_entry(ArchiveInput& input, const Entry& entry, const Context& context, int depth) {
    EntryBytes bytes([&input](char* buffer, std::size_t capacity) {
        return input.read(buffer, capacity);
    });
    bytes.load_head(detect_head_bytes);
    bytes.rethrow_early_damage();

    // UTF-16 is converted whole first: detection and the readers see UTF-8.
    std::optional<EntryBytes> converted;
    EntryBytes* source = &bytes;
    if (encoding::detect_utf16(bytes.head()) != encoding::Utf16::none &&
        detect_format(bytes.head(), bytes.complete()) != DocumentFormat::container) {
        auto all = bytes.read_all(max_utf16_bytes);
        if (!all) {
            context.skip(entry, 0, "file is " + too_large("UTF-16 text", max_utf16_bytes));
            return;
        }
        encoding::Decoded decoded = encoding::text_to_utf8(*all);
        if (!decoded.warning.empty()) context.warn(entry, 0, decoded.warning);
        auto text = std::make_shared<std::string>(std::move(decoded.text));
        auto pos = std::make_shared<std::size_t>(0);
        converted.emplace([text, pos](char* buffer, std::size_t capacity) {
            const std::size_t n = std::min(capacity, text->size() - *pos);
            std::memcpy(buffer, text->data() + *pos, n);
            *pos += n;
            return n;
        });
        converted->load_head(detect_head_bytes);
        source = &*converted;
    }

    const DocumentFormat detected = detect_format(source->head(), source->complete());
    switch (detected) {
        case DocumentFormat::empty: context.skip(entry, 0, "empty file"); return;
        case DocumentFormat::binary:
            context.skip(entry, 0, "binary file (NUL bytes or control characters), not text");
            return;
        case DocumentFormat::container: {
            if (depth >= max_archive_depth) {
                context.skip(entry, 0, "archive nested deeper than " +
                                           std::to_string(max_archive_depth) + " levels");
                return;
            }
            // Damage of the inner archive ends the inner archive only. Damage of the outer one,
            // met through the inner one, is reported here once and ends the outer one too
            // (its next_entry finds it broken).
            try {
                auto nested = ArchiveInput::open_nested(input, bytes.take_head());
                read_input(*nested, entry, context, depth + 1);
            } catch (const ArchiveError& e) {
                context.skip(entry, 0, e.what());
            }
            return;
        }
        default: break;
    }
    const DocumentFormat format = context.forced ? *context.forced
                                                 : choose_format(detected, entry.named);
    switch (format) {
        case DocumentFormat::jsonl: read_jsonl(*source, entry, context); return;
        case DocumentFormat::json:
            read_json_document(source->as_source(), context.map,
                               events_for(entry, context, false));
            return;
        case DocumentFormat::wire_text: read_wire_text(*source, entry, context); return;
        case DocumentFormat::front_matter: read_front_matter(*source, entry, context); return;
        case DocumentFormat::html: read_html(*source, entry, context); return;
        case DocumentFormat::feed:
        case DocumentFormat::reuters_sgml: read_collection(*source, entry, context, format); return;
        case DocumentFormat::other_xml:
            context.skip(entry, 0, "XML, but neither an RSS nor an Atom feed nor XHTML");
            return;
        default: context.skip(entry, 0, "unknown format"); return;
    }
}

// Every entry of an input: the input itself, or each member of an archive.
void read_input(ArchiveInput& input, const Entry& base, const Context& context, int depth) {
    std::size_t entries = 0;
    std::size_t members_read = 0;
    while (!context.stop()) {
        try {
            if (!input.next_entry()) break;
        } catch (const ArchiveError& e) {
            context.skip(base, 0, e.what());
            if (e.fatal) return;
            continue;
        }
        ++entries;
        Entry member;
        const bool is_member = input.has_members();
        if (is_member) {
            // Archives hold all sorts: the same names as in a folder walk are read.
            if (!is_indexable_name(input.member_name()) || is_hidden_path(input.member_name())) {
                continue;
            }
            member = entry_for_member(base, input.member_name());
        }
        const Entry& entry = is_member ? member : base;
        ++members_read;
        try {
            read_entry(input, entry, context, depth);
        } catch (const ArchiveError& e) {
            context.skip(entry, 0, e.what());
            if (e.fatal) return;
        } catch (const std::exception& e) {
            context.skip(entry, 0, e.what());  // out of memory, or a reader broke its contract
        }
    }
    if (context.stop()) return;
    if (entries == 0 && !input.has_members()) {
        context.skip(base, 0, "empty file");
    } else if (members_read == 0) {
        context.warn(base, 0, "no files to index in this archive (see indexer --help, Inputs)");
    }
}

}  // namespace

void read_records(const InputFile& input, const RecordHandlers& handlers) {
    const Entry entry = entry_for_input(input.path);
    static const FieldMap own_names;
    const Context context{handlers, forced_format(input.format),
                          input.field_map ? *input.field_map : own_names};
    if (!input.problem.empty()) {
        context.skip(entry, 0, input.problem);
        return;
    }
    try {
        auto archive = ArchiveInput::open_file(input.path);
        read_input(*archive, entry, context, 0);
    } catch (const std::exception& e) {
        // Unreadable files and damage before the first entry: the message names the path.
        context.skip(entry, 0, e.what());
    }
}

}  // namespace dateline::indexer
