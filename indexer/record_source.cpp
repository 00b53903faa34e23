#include "record_source.hpp"

#include <filesystem>
#include <vector>

#include "errors.hpp"
#include "jsonl_reader.hpp"
#include "line_reader.hpp"
#include "release_structure.hpp"
#include "schema.hpp"
#include "utf8.hpp"
#include "wire_text.hpp"

namespace dateline::indexer {

namespace {

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

RecordOrigin origin_of(const std::string& path) {
    if (path == "-") return {};
    std::error_code ec;
    const auto absolute = std::filesystem::weakly_canonical(path, ec);
    return {ec ? path : absolute.string(), ""};
}

bool is_blank(const std::string& line) {
    return line.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

// Reads the JSON Lines records that follow `first_line` (already read from `reader`).
void read_jsonl(LineReader& reader, std::string line, const std::string& name,
                const RecordOrigin& origin, const RecordHandlers& handlers) {
    bool have_line = true;
    while (have_line) {
        if (handlers.stop_requested()) return;
        if (reader.last_line_truncated()) {
            handlers.on_skip(name, reader.line_number(), "line is too long (over 64 MiB)");
        } else if (!is_blank(line)) {
            try {
                PressRelease release = parse_jsonl_record(line);
                schema::assign_id(release);
                complete_structure(release);
                handlers.on_record(std::move(release), origin);
            } catch (const ParseError& e) {
                handlers.on_skip(name, reader.line_number(), e.what());
            }
        }
        have_line = reader.next(line);
    }
}

// Reads one wire-text article whose first line is `line`.
void read_text(LineReader& reader, std::string line, const std::string& path,
               const RecordHandlers& handlers) {
    const std::string name = display_name(path);
    std::string text;
    do {
        text += line;
        text += '\n';
        if (text.size() > max_text_article_bytes) {
            handlers.on_skip(name, 0, "file is too large for one text article (over 16 MiB)");
            return;
        }
    } while (reader.next(line));

    if (text.find('\0') != std::string::npos) {
        handlers.on_skip(name, 0, "binary file (contains NUL bytes), not a text article");
        return;
    }
    std::string_view view = utf8::strip_bom(text);
    std::string repaired;
    if (const std::size_t bad = utf8::first_invalid(view); bad != view.size()) {
        repaired = utf8::from_windows1252(view);
        view = repaired;
        handlers.on_warning(name, 0,
                            "not valid UTF-8 (byte " + std::to_string(bad + 1) +
                                "); read as Windows-1252");
    }
    try {
        PressRelease release = parse_wire_text(view);
        const RecordOrigin origin = origin_of(path);
        if (!origin.file.empty()) release.id = "file:" + origin.file;
        schema::assign_id(release);
        handlers.on_record(std::move(release), origin);
    } catch (const ParseError& e) {
        handlers.on_skip(name, e.line, e.what());
    }
}

}  // namespace

void read_records(const InputFile& input, const RecordHandlers& handlers) {
    const std::string name = display_name(input.path);
    try {
        LineReader reader(input.path);
        std::string line;
        // Leading blank lines say nothing about the format.
        bool have_line = reader.next(line);
        while (have_line && is_blank(line)) have_line = reader.next(line);
        if (!have_line) {
            handlers.on_skip(name, 0, "empty file");
            return;
        }
        InputFormat format = input.format;
        if (format == InputFormat::detect) {
            const std::string_view first = utf8::strip_bom(line);
            const auto start = first.find_first_not_of(" \t");
            format = start != std::string_view::npos && first[start] == '{' ? InputFormat::jsonl
                                                                             : InputFormat::text;
        }
        if (format == InputFormat::jsonl) {
            read_jsonl(reader, std::move(line), name, origin_of(input.path), handlers);
        } else {
            read_text(reader, std::move(line), input.path, handlers);
        }
    } catch (const std::exception& e) {
        // Unreadable files and corrupt compressed data: the reader names the path already.
        handlers.on_skip(name, 0, e.what());
    }
}

}  // namespace dateline::indexer
