#include "archive_input.hpp"

#include <algorithm>
#include <cstring>

#include <archive.h>
#include <archive_entry.h>

#include "line_reader.hpp"
#include "utf8.hpp"

namespace dateline::indexer {

namespace {

constexpr std::size_t block_bytes = 256 * 1024;

}  // namespace

struct ArchiveInput::Source {
    std::unique_ptr<FileStream> file;  // set for a file on disk or standard input
    ChunkSource read;
    std::string head;  // bytes to hand over before those of `read`
    std::size_t head_pos = 0;
    std::string block;
    std::string error;  // why `read` stopped early; libarchive then saw a plain end
};

namespace {

// libarchive's read callback. Exceptions must not cross the C library: a failing stream ends
// the data here and leaves its reason in `error`, which every caller checks.
la_ssize_t read_source(struct archive*, void* client, const void** data) {
    auto* source = static_cast<ArchiveInput::Source*>(client);
    if (source->head_pos < source->head.size()) {
        *data = source->head.data() + source->head_pos;
        const std::size_t size = source->head.size() - source->head_pos;
        source->head_pos = source->head.size();
        return static_cast<la_ssize_t>(size);
    }
    if (!source->error.empty()) return 0;
    try {
        source->block.resize(block_bytes);
        const std::size_t got = source->read(source->block.data(), source->block.size());
        *data = source->block.data();
        return static_cast<la_ssize_t>(got);
    } catch (const StreamError& e) {
        source->error = e.reason;  // the caller names the file
    } catch (const std::exception& e) {
        source->error = e.what();
    } catch (...) {
        source->error = "read error";
    }
    return 0;
}

}  // namespace

ArchiveInput::ArchiveInput() : source_(std::make_unique<Source>()) {}

ArchiveInput::~ArchiveInput() {
    if (archive_ != nullptr) archive_read_free(archive_);
}

std::unique_ptr<ArchiveInput> ArchiveInput::open_file(const std::string& path) {
    std::unique_ptr<ArchiveInput> input(new ArchiveInput());
    input->source_->file = std::make_unique<FileStream>(path);
    FileStream* file = input->source_->file.get();
    input->open([file](char* buffer, std::size_t capacity) { return file->read(buffer, capacity); },
                {});
    return input;
}

std::unique_ptr<ArchiveInput> ArchiveInput::open_nested(ArchiveInput& parent, std::string head) {
    std::unique_ptr<ArchiveInput> input(new ArchiveInput());
    input->open([&parent](char* buffer, std::size_t capacity) {
        return parent.read(buffer, capacity);
    },
                std::move(head));
    return input;
}

void ArchiveInput::open(ChunkSource read, std::string head) {
    source_->read = std::move(read);
    source_->head = std::move(head);
    archive_ = archive_read_new();
    if (archive_ == nullptr) throw std::runtime_error("out of memory");
    // Only what press archives come in. Not format_all: mtree and others would claim text.
    archive_read_support_format_tar(archive_);
    archive_read_support_format_zip_streamable(archive_);  // reads up to damage, unlike seekable
    archive_read_support_format_raw(archive_);
    archive_read_support_format_empty(archive_);
    // Not filter_all: uu and rpm are no press archive, and lrzip, lzop and grzip would run
    // external programs. gzip here serves archives inside archives.
    archive_read_support_filter_gzip(archive_);
    archive_read_support_filter_bzip2(archive_);
    archive_read_support_filter_xz(archive_);
    archive_read_support_filter_zstd(archive_);
    archive_read_support_filter_lz4(archive_);
    archive_read_support_filter_compress(archive_);
    if (archive_read_open(archive_, source_.get(), nullptr, read_source, nullptr) != ARCHIVE_OK) {
        throw ArchiveError(failure(), true);
    }
}

bool ArchiveInput::has_members() const { return has_members_; }

std::string ArchiveInput::failure() const {
    if (!source_->error.empty()) return source_->error;
    const char* message = archive_error_string(archive_);
    std::string text = message != nullptr ? message : "unreadable data";
    const std::string lower = [&text] {
        std::string copy = text;
        std::transform(copy.begin(), copy.end(), copy.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return copy;
    }();
    if (lower.find("truncat") == std::string::npos && lower.find("corrupt") == std::string::npos &&
        lower.find("damaged") == std::string::npos) {
        text += " (truncated or corrupt data)";
    }
    return text;
}

void ArchiveInput::fail(const ArchiveError& error) {
    if (error.fatal) broken_ = true;
    throw error;
}

bool ArchiveInput::next_entry() {
    member_.clear();
    if (broken_) return false;
    while (true) {
        struct archive_entry* entry = nullptr;
        const int status = archive_read_next_header(archive_, &entry);
        if (status == ARCHIVE_EOF) {
            if (!source_->error.empty()) fail(ArchiveError(source_->error, true));
            return false;
        }
        if (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY) fail(ArchiveError(failure(), true));
        const int format = archive_format(archive_);
        has_members_ = format != ARCHIVE_FORMAT_RAW && format != ARCHIVE_FORMAT_EMPTY;
        if (status == ARCHIVE_FAILED) {
            // A bad header may be followed by good ones, but not forever.
            fail(ArchiveError(failure(), ++failed_headers_ >= 100));
        }
        failed_headers_ = 0;
        if (archive_entry_filetype(entry) != AE_IFREG) continue;
        if (has_members_) {
            const char* name = archive_entry_pathname_utf8(entry);
            if (name == nullptr) name = archive_entry_pathname(entry);
            member_ = name != nullptr ? name : "";
            while (member_.rfind("./", 0) == 0) member_.erase(0, 2);
            // Old zips store names in a legacy code page: make them text for messages and ids.
            if (!utf8::is_valid(member_)) member_ = utf8::from_windows1252(member_);
        }
        return true;
    }
}

std::size_t ArchiveInput::read(char* buffer, std::size_t capacity) {
    if (broken_) return 0;
    const la_ssize_t got = archive_read_data(archive_, buffer, capacity);
    if (got > 0) return static_cast<std::size_t>(got);
    if (got == 0) {
        if (!source_->error.empty()) fail(ArchiveError(source_->error, true));
        return 0;
    }
    // ARCHIVE_FAILED and ARCHIVE_WARN lose this member only (an encrypted zip entry, an
    // unsupported compression method); ARCHIVE_FATAL the rest of the archive.
    fail(ArchiveError(failure(), got == ARCHIVE_FATAL || !source_->error.empty()));
}

}  // namespace dateline::indexer
