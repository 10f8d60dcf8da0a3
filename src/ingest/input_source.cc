#include "ingest/input_source.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <istream>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/status.h"
#include "ingest/gzip_reader.h"
#include "ingest/html_input.h"

namespace crosscheck::ingest {
namespace fs = std::filesystem;

namespace {

enum class FileKind { kText, kHtml, kJsonLines, kUnknown };

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

FileKind KindOfPath(const std::string& path) {
  std::string name = Lower(fs::path(path).filename().string());
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".txt") || EndsWith(name, ".text")) return FileKind::kText;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return FileKind::kHtml;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) return FileKind::kJsonLines;
  return FileKind::kUnknown;
}

Diagnostic Failure(const std::string& id, const std::string& origin, const Status& status) {
  return Diagnostic{id, origin, StatusCodeName(status.code()), status.message(), true};
}

// Reads a whole file, inflating it when it is gzip, within the limits.
Result<std::string> ReadInput(const std::string& path, const IngestLimits& limits, bool feed,
                              std::vector<std::string>* warnings) {
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (error) return Status(StatusCode::kIoError, "cannot open: " + error.message());
  if (!fs::is_regular_file(status)) return Status(StatusCode::kIoError, "not a regular file");
  uintmax_t size = fs::file_size(path, error);
  if (error) return Status(StatusCode::kIoError, "cannot stat: " + error.message());
  if (size > limits.max_file_bytes) {
    return Status(StatusCode::kTooLarge, "file of " + std::to_string(size) + " bytes is over the limit of " +
                                             std::to_string(limits.max_file_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, "cannot open for reading");
  // Allocated with simdjson's padding behind the last byte: JSON lines are parsed in place.
  std::string bytes(static_cast<size_t>(size) + simdjson::SIMDJSON_PADDING, '\0');
  bytes.resize(static_cast<size_t>(size));
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) return Status(StatusCode::kIoError, "short read");
  if (LooksGzipped(bytes)) return Gunzip(bytes, feed ? limits.max_inflated_feed_bytes : limits.max_inflated_bytes);
  if (EndsWith(Lower(path), ".gz")) warnings->push_back("named .gz but not gzip-compressed: read as it is");
  return bytes;
}

std::string StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// The string fields of one JSON Lines object that a RawInput takes. As with the
// nlohmann DOM the engine used before, a repeated key counts by its last value.
struct JsonFields {
  std::string_view id, title, published, outlet, url, language, html, text;
  bool has_id = false, id_is_string = false, has_html = false, html_is_string = false;
  bool has_text = false, text_is_string = false;
};

// Fast path: simdjson over the line in place (the buffer holds SIMDJSON_PADDING
// readable bytes after it). False when simdjson rejects the line, which then goes
// through the exact path below.
bool ParseWithSimdjson(simdjson::dom::parser* parser, std::string_view line, bool padded, JsonFields* fields) {
  simdjson::dom::object object;
  if (parser->parse(line.data(), line.size(), /*realloc_if_needed=*/!padded).get_object().get(object)) return false;
  for (simdjson::dom::key_value_pair field : object) {
    const std::string_view key = field.key;
    std::string_view value;
    const bool is_string = field.value.get_string().get(value) == simdjson::SUCCESS;
    auto take = [&](std::string_view* slot) { *slot = is_string ? value : std::string_view(); };
    if (key == "id") {
      fields->has_id = true;
      fields->id_is_string = is_string;
      take(&fields->id);
    } else if (key == "title") {
      take(&fields->title);
    } else if (key == "published") {
      take(&fields->published);
    } else if (key == "outlet") {
      take(&fields->outlet);
    } else if (key == "url") {
      take(&fields->url);
    } else if (key == "language") {
      take(&fields->language);
    } else if (key == "html") {
      fields->has_html = true;
      fields->html_is_string = is_string;
      take(&fields->html);
    } else if (key == "text") {
      fields->has_text = true;
      fields->text_is_string = is_string;
      take(&fields->text);
    }
  }
  return true;
}

}  // namespace

// One JSON Lines stream being read: a file or inflated buffer split in place, or standard input.
struct InputSource::JsonLines {
  std::string path;
  std::string buffer;   // the whole file, with simdjson's padding allocated behind it
  size_t position = 0;  // start of the next line in buffer
  std::istream* in = nullptr;  // standard input, read a line at a time
  std::string stream_line;
  int line_number = 0;
  simdjson::dom::parser parser;  // reused: its buffers grow to the longest line and stay

  // The next line without its LF, as std::getline gives it; false at the end.
  bool NextLine(std::string_view* line, bool* padded) {
    if (in != nullptr) {
      if (!std::getline(*in, stream_line)) return false;
      *line = stream_line;
      *padded = false;
      return true;
    }
    if (position >= buffer.size()) return false;
    const char* begin = buffer.data() + position;
    const void* newline = std::memchr(begin, '\n', buffer.size() - position);
    const size_t length = newline == nullptr ? buffer.size() - position : static_cast<const char*>(newline) - begin;
    *line = std::string_view(begin, length);
    position += length + 1;
    *padded = buffer.capacity() >= buffer.size() + simdjson::SIMDJSON_PADDING;
    return true;
  }
};

std::string DocumentIdFromPath(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  if (EndsWith(Lower(name), ".gz")) name.resize(name.size() - 3);
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

InputSource::InputSource(std::vector<std::string> paths, IngestLimits limits)
    : pending_(paths.begin(), paths.end()), limits_(limits) {}

InputSource::~InputSource() = default;

void InputSource::ExpandDirectory(const std::string& path) {
  std::vector<std::string> files;
  std::error_code error;
  // Directory symlinks are not followed, so a link loop cannot trap the walk.
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error), end;
  for (; !error && it != end; it.increment(error)) {
    std::error_code entry_error;
    if (it->is_symlink(entry_error) && it->is_directory(entry_error)) {
      // Directory links are not followed (a link to its own folder would never end): say so.
      RawInput notice;
      notice.id = it->path().filename().string();
      notice.origin = it->path().string();
      notice.failed = true;
      notice.diagnostics.push_back(Diagnostic{notice.id, notice.origin, "not_followed",
                                              "a link to a directory is not followed", true});
      notices_.push_back(std::move(notice));
      continue;
    }
    if (!it->is_regular_file(entry_error) || entry_error) continue;
    std::string file = it->path().string();
    if (KindOfPath(file) != FileKind::kUnknown) files.push_back(file);
  }
  std::sort(files.begin(), files.end());  // a stable order whatever the file system gives
  pending_.insert(pending_.begin(), files.begin(), files.end());
}

bool InputSource::Next(RawInput* out) {
  while (true) {
    *out = RawInput{};
    if (!notices_.empty()) {
      *out = std::move(notices_.front());
      notices_.pop_front();
      return true;
    }
    if (lines_ && NextFromJsonLines(out)) return true;
    lines_.reset();
    if (pending_.empty()) return false;
    if (OpenNextPath(out)) return true;
  }
}

bool InputSource::OpenNextPath(RawInput* out) {
  std::string path = pending_.front();
  pending_.pop_front();
  if (path == "-") {
    lines_ = std::make_unique<JsonLines>();
    lines_->path = "<stdin>";
    lines_->in = &std::cin;
    return false;
  }
  std::error_code error;
  if (fs::is_directory(path, error)) {
    ExpandDirectory(path);
    return false;
  }
  FileKind kind = KindOfPath(path);
  out->id = DocumentIdFromPath(path);
  out->origin = path;
  if (!fs::exists(fs::symlink_status(path, error))) {
    out->failed = true;
    out->diagnostics.push_back(Failure(out->id, path, Status(StatusCode::kNotFound, "no such file or directory")));
    return true;
  }
  std::vector<std::string> warnings;
  Result<std::string> bytes = ReadInput(path, limits_, kind == FileKind::kJsonLines, &warnings);
  if (!bytes.ok()) {
    out->failed = true;
    out->diagnostics.push_back(Failure(out->id, path, bytes.status()));
    return true;
  }
  for (std::string& warning : warnings) {
    out->diagnostics.push_back(Diagnostic{out->id, path, "not_gzip", std::move(warning), false});
  }
  if (kind == FileKind::kJsonLines) {
    lines_ = std::make_unique<JsonLines>();
    lines_->path = path;
    lines_->buffer = std::move(*bytes);
    return false;
  }
  out->kind = kind == FileKind::kHtml ? BodyKind::kHtml : BodyKind::kText;
  out->body = std::move(*bytes);
  return true;
}

static void NoteDuplicateId(const std::string& origin, std::unordered_set<std::string>* seen_ids, RawInput* out) {
  if (!seen_ids->insert(out->id).second) {
    out->diagnostics.push_back(Diagnostic{out->id, origin, "duplicate_id",
                                          "id '" + out->id + "' was seen before in this batch: both versions are kept", false});
  }
  for (Diagnostic& diagnostic : out->diagnostics) diagnostic.document = out->id;
}

static void FillFromNlohmann(const nlohmann::json& object, const std::string& origin,
                             std::unordered_set<std::string>* seen_ids, RawInput* out) {
  std::string id = StringField(object, "id");
  if (!id.empty()) {
    out->id = id;
  } else if (object.contains("id")) {
    out->diagnostics.push_back(Diagnostic{out->id, origin, "bad_id", "\"id\" is not a string: the document is named by its line", false});
  }
  NoteDuplicateId(origin, seen_ids, out);
  out->title = StringField(object, "title");
  out->published = StringField(object, "published");
  out->outlet = StringField(object, "outlet");
  out->url = StringField(object, "url");
  out->language = StringField(object, "language");
  if (object.contains("html") && object["html"].is_string()) {
    out->kind = BodyKind::kHtml;
    out->body = object["html"].get<std::string>();
  } else if (object.contains("text") && object["text"].is_string()) {
    out->body = object["text"].get<std::string>();
  } else {
    out->failed = true;
    out->diagnostics.push_back(
        Failure(out->id, origin, Status(StatusCode::kBadJson, "neither a \"text\" nor an \"html\" string field")));
  }
}

bool InputSource::NextFromJsonLines(RawInput* out) {
  std::string_view line;
  bool padded = false;
  while (lines_->NextLine(&line, &padded)) {
    ++lines_->line_number;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;
    std::string origin = lines_->path + ":" + std::to_string(lines_->line_number);
    out->origin = origin;
    out->id = origin;
    if (line.size() > limits_.max_line_bytes) {
      out->failed = true;
      out->diagnostics.push_back(
          Failure(out->id, origin, Status(StatusCode::kTooLarge, "JSON line of " + std::to_string(line.size()) +
                                                                      " bytes is over the limit")));
      return true;
    }
    JsonFields fields;
    nlohmann::json object;  // only filled on the exact path
    if (!ParseWithSimdjson(&lines_->parser, line, padded, &fields)) {
      // Rejected lines (broken UTF-8 among them) take the exact path: repair, say so, then nlohmann.
      std::string repaired;
      if (size_t replaced = RepairUtf8(line, &repaired); replaced > 0) {
        out->diagnostics.push_back(Diagnostic{out->id, origin, "repaired_utf8",
                                              std::to_string(replaced) + " invalid UTF-8 sequences replaced by U+FFFD"});
      } else {
        repaired.assign(line);
      }
      object = nlohmann::json::parse(repaired, nullptr, /*allow_exceptions=*/false);
      if (object.is_discarded() || !object.is_object()) {
        out->failed = true;
        out->diagnostics.push_back(Failure(out->id, origin, Status(StatusCode::kBadJson, "malformed JSON line")));
        return true;
      }
      FillFromNlohmann(object, origin, &seen_ids_, out);
      return true;
    }
    if (fields.id_is_string && !fields.id.empty()) {
      out->id = std::string(fields.id);
    } else if (fields.has_id) {
      out->diagnostics.push_back(Diagnostic{out->id, origin, "bad_id", "\"id\" is not a string: the document is named by its line", false});
    }
    NoteDuplicateId(origin, &seen_ids_, out);
    out->title = fields.title;
    out->published = fields.published;
    out->outlet = fields.outlet;
    out->url = fields.url;
    out->language = fields.language;
    if (fields.has_html && fields.html_is_string) {
      out->kind = BodyKind::kHtml;
      out->body = fields.html;
    } else if (fields.has_text && fields.text_is_string) {
      out->body = fields.text;
    } else {
      out->failed = true;
      out->diagnostics.push_back(
          Failure(out->id, origin, Status(StatusCode::kBadJson, "neither a \"text\" nor an \"html\" string field")));
    }
    return true;
  }
  return false;
}

}  // namespace crosscheck::ingest
