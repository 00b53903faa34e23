#include "json_document.hpp"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "encoding.hpp"
#include "errors.hpp"
#include "jsonl_reader.hpp"

namespace dateline {

namespace {

using json = nlohmann::json;

constexpr std::size_t chunk_bytes = 256 * 1024;

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 22:
// syntax error while parsing value - unexpected end of input; expected ..."; only the part
// after the last " - " (or ": ") tells the user something.
std::string short_reason(const std::string& what) {
    std::string_view reason = what;
    if (const std::size_t colon = reason.find(": "); colon != std::string_view::npos) {
        reason.remove_prefix(colon + 2);
    }
    if (const std::size_t dash = reason.find(" - "); dash != std::string_view::npos) {
        reason.remove_prefix(dash + 3);
    }
    return std::string(reason);
}

// Builds one value from SAX events as nlohmann's own DOM builder does, but refuses to nest
// deeper than max_json_depth: open() then fails and the caller stops the parse.
class ValueBuilder {
public:
    bool busy() const { return !stack_.empty(); }
    std::size_t depth() const { return stack_.size(); }

    void value(json&& v) { place(std::move(v)); }
    bool open(json&& container) {
        if (stack_.size() >= max_json_depth) return false;
        stack_.push_back(place(std::move(container)));
        return true;
    }
    void key(const std::string& name) { key_target_ = &(*stack_.back())[name]; }
    void close() { stack_.pop_back(); }
    json take() { return std::exchange(root_, json()); }

private:
    json* place(json&& v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        *key_target_ = std::move(v);
        return key_target_;
    }

    json root_;
    std::vector<json*> stack_;  // the open arrays and objects, innermost last
    json* key_target_ = nullptr;
};

// The parse error nlohmann reported, kept for a ParseError with our wording.
struct SyntaxError {
    bool happened = false;
    std::string reason;
    std::size_t byte = 0;

    bool record(const nlohmann::detail::exception& error) {
        happened = true;
        reason = short_reason(error.what());
        if (const auto* parse = dynamic_cast<const json::parse_error*>(&error)) byte = parse->byte;
        return false;
    }
    std::string message() const {
        const std::string where = byte > 0 ? " (at byte " + std::to_string(byte) + ")" : "";
        return "invalid JSON: " + reason + where;
    }
};

// SAX handler building a single value.
class SingleValueSax {
public:
    bool null() { return add(json(nullptr)); }
    bool boolean(bool v) { return add(json(v)); }
    bool number_integer(json::number_integer_t v) { return add(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return add(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return add(json(v)); }
    bool string(std::string& v) { return add(json(std::move(v))); }
    bool binary(json::binary_t& v) { return add(json(json::binary_t(std::move(v)))); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool key(std::string& name) {
        builder_.key(name);
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        return error_.record(e);
    }

    ValueBuilder builder_;
    SyntaxError error_;
    bool too_deep_ = false;

private:
    bool add(json&& v) {
        builder_.value(std::move(v));
        return true;
    }
    bool open(json&& container) {
        too_deep_ = !builder_.open(std::move(container));
        return !too_deep_;
    }
    bool close() {
        builder_.close();
        return true;
    }
};

// The bytes of a ChunkSource as an input iterator for nlohmann's parser, counting lines (the
// parser reads each byte once, in order) and repairing bytes that are not UTF-8.
class ChunkStream {
public:
    explicit ChunkStream(const ChunkSource& source) : source_(source) {}

    bool at_end() {
        // Past the size limit, the stream ends here: the parse stops without holding more.
        if (element_start_ != no_element && consumed() - element_start_ > max_json_element_bytes) {
            oversized_ = true;
            return true;
        }
        while (pos_ == buffer_.size()) {
            if (finished_) return true;
            refill();
        }
        return false;
    }
    const char& current() const { return buffer_[pos_]; }
    void advance() {
        if (buffer_[pos_] == '\n') ++line_;
        ++pos_;
    }
    std::size_t line() const { return line_; }
    const encoding::Utf8Repair& repair() const { return repair_; }

    // Where the element being built started (the limit applies from there), or none.
    void start_element() { element_start_ = consumed(); }
    void end_element() { element_start_ = no_element; }
    bool oversized() const { return oversized_; }

private:
    static constexpr std::size_t no_element = static_cast<std::size_t>(-1);

    std::size_t consumed() const { return base_ + pos_; }

    void refill() {
        chunk_.resize(chunk_bytes);
        const std::size_t got = source_(chunk_.data(), chunk_.size());
        finished_ = got == 0;
        base_ += buffer_.size();
        buffer_.clear();
        pos_ = 0;
        repair_.feed(std::string_view(chunk_.data(), got), finished_, buffer_);
    }

    const ChunkSource& source_;
    std::string chunk_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::size_t base_ = 0;  // bytes before buffer_
    bool finished_ = false;
    std::size_t line_ = 1;
    std::size_t element_start_ = no_element;
    bool oversized_ = false;
    encoding::Utf8Repair repair_;
};

class ChunkIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    ChunkIterator() = default;
    explicit ChunkIterator(ChunkStream* stream) : stream_(stream) {}

    reference operator*() const { return stream_->current(); }
    ChunkIterator& operator++() {
        stream_->advance();
        return *this;
    }
    ChunkIterator operator++(int) {
        ChunkIterator before = *this;
        stream_->advance();
        return before;
    }
    friend bool operator==(const ChunkIterator& a, const ChunkIterator& b) {
        return a.at_end() == b.at_end();
    }
    friend bool operator!=(const ChunkIterator& a, const ChunkIterator& b) { return !(a == b); }

private:
    bool at_end() const { return stream_ == nullptr || stream_->at_end(); }
    ChunkStream* stream_ = nullptr;
};

// SAX handler for a whole document: the elements of a top-level array are built and handed
// on one at a time; a top-level object is built whole.
class DocumentSax {
public:
    DocumentSax(ChunkStream& stream, const FieldMap& map, const ReaderEvents& events)
        : stream_(stream), map_(map), events_(events) {}

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return scalar(json(v)); }
    bool string(std::string& v) { return scalar(json(std::move(v))); }
    bool binary(json::binary_t& v) { return scalar(json(json::binary_t(std::move(v)))); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) {
        if (!in_top_array_ && !builder_.busy() && !seen_top_) {
            in_top_array_ = true;
            seen_top_ = true;
            return true;
        }
        return open(json::array());
    }
    bool key(std::string& name) {
        builder_.key(name);
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() {
        if (in_top_array_ && !builder_.busy()) {
            in_top_array_ = false;
            return true;
        }
        return close();
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        return error_.record(e);
    }

    SyntaxError error_;
    bool too_deep_ = false;
    bool stopped_ = false;
    std::size_t releases_seen_ = 0;  // elements handed on, good or bad
    std::size_t element_line() const { return element_line_; }

private:
    bool scalar(json&& v) {
        if (builder_.busy()) {
            builder_.value(std::move(v));
            return true;
        }
        seen_top_ = true;
        const std::size_t line = stream_.line();
        ++releases_seen_;
        events_.on_skip(line, in_top_array_ ? "array element is not a JSON object"
                                            : "the JSON document is a single value, not an "
                                              "object or an array of objects");
        return !(stopped_ = events_.should_stop());
    }
    bool open(json&& container) {
        if (!builder_.busy()) {
            seen_top_ = true;
            element_line_ = stream_.line();
            stream_.start_element();
        }
        // The top-level array counts as one level of nesting.
        if ((in_top_array_ && builder_.depth() + 1 >= max_json_depth) ||
            !builder_.open(std::move(container))) {
            too_deep_ = true;
            return false;
        }
        return true;
    }
    bool close() {
        builder_.close();
        if (builder_.busy()) return true;
        stream_.end_element();
        hand_on(builder_.take());
        return !(stopped_ = events_.should_stop());
    }
    void hand_on(json&& value) {
        ++releases_seen_;
        if (!value.is_object()) {
            events_.on_skip(element_line_, "array element is not a JSON object");
            return;
        }
        try {
            events_.on_record(release_from_json(value, map_), element_line_);
        } catch (const ParseError& e) {
            events_.on_skip(element_line_, e.what());
        }
    }

    ChunkStream& stream_;
    const FieldMap& map_;
    const ReaderEvents& events_;
    ValueBuilder builder_;
    bool in_top_array_ = false;
    bool seen_top_ = false;
    std::size_t element_line_ = 0;
};

}  // namespace

json parse_json_value(std::string_view text) {
    SingleValueSax sax;
    const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
    if (sax.too_deep_) {
        throw ParseError("JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
    }
    if (!ok || sax.error_.happened) throw ParseError(sax.error_.message());
    return sax.builder_.take();
}

void read_json_document(const ChunkSource& source, const FieldMap& map,
                        const ReaderEvents& events) {
    ChunkStream stream(source);
    DocumentSax sax(stream, map, events);
    json::sax_parse(ChunkIterator(&stream), ChunkIterator(), &sax);
    if (stream.repair().repaired() > 0) {
        events.on_warning(stream.repair().first_line(),
                          "not valid UTF-8 (byte " + std::to_string(stream.repair().first_byte()) +
                              "); " + std::to_string(stream.repair().repaired()) +
                              " byte(s) read as Windows-1252");
    }
    if (sax.stopped_) return;
    const std::string rest = "; the rest of the document is skipped";
    if (stream.oversized()) {
        events.on_skip(sax.element_line(), "JSON element larger than " +
                                               std::to_string(max_json_element_bytes >> 20) +
                                               " MiB" + rest);
    } else if (sax.too_deep_) {
        events.on_skip(stream.line(), "JSON nested deeper than " +
                                          std::to_string(max_json_depth) + " levels" + rest);
    } else if (sax.error_.happened) {
        events.on_skip(stream.line(), sax.error_.message() + rest);
    } else if (sax.releases_seen_ == 0) {
        events.on_skip(0, "the JSON array holds no releases");
    }
}

}  // namespace dateline
