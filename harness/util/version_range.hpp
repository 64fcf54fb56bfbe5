// Version ranges used by case expectations: "*", "1.2.5", ">=1.1.11", "<1.2.4", ">=1.1.11,<1.2.4".
// Versions compare numerically component by component ("1.2.10" > "1.2.9").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace libcdiff::util {

// <0, 0, >0 like strcmp; missing components count as 0 ("1.2" == "1.2.0").
int compare_versions(std::string_view a, std::string_view b);

class VersionRange {
 public:
  // Throws std::invalid_argument with a readable message on a malformed range.
  static VersionRange parse(std::string_view text);

  bool contains(std::string_view version) const;
  const std::string& text() const { return text_; }

 private:
  struct Bound {
    std::string op;  // ">=", ">", "<=", "<", "="
    std::string version;
  };
  std::string text_;
  std::vector<Bound> bounds_;  // all must hold; empty means any version
};

}  // namespace libcdiff::util
