#pragma once
// Which field of an input record holds each release field, for JSON inputs whose names differ
// from ours: `--map title=headline,body=text,date=published`.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

class FieldMap {
public:
    // Adds the mappings in `spec`, "FIELD=NAME" pairs separated by commas. FIELD is one of
    // fields(); NAME is the input's field name, or a dotted path into nested objects
    // ("meta.title") when no field has the dotted name itself. Returns a message for the user
    // when `spec` is not valid (and then adds nothing), "" otherwise.
    std::string add(std::string_view spec);

    // The input field that holds our field `field`: its mapping, else the field's own name.
    std::string input_name(const std::string& field) const;

    bool empty() const { return names_.empty(); }

    // The release fields that can be mapped: id, title, date, source, place, url, lang, body,
    // topics.
    static const std::vector<std::string>& fields();

private:
    std::map<std::string, std::string> names_;
};

}  // namespace dateline
