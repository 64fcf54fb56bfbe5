#include "compare/estimator.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "util/error.hpp"

namespace libcdiff::compare {

std::string Estimator::name() const {
  if (quantile == 0.5) return "median";
  return fmt::format("p{}", static_cast<int>(std::lround(quantile * 100)));
}

std::string Estimator::plural() const {
  if (quantile == 0.5) return "medians";
  const int n = static_cast<int>(std::lround(quantile * 100));
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                    ? "st"
                       : n % 10 == 2                    ? "nd"
                       : n % 10 == 3                    ? "rd"
                                                        : "th";
  return fmt::format("{}{} percentiles", n, suffix);
}

std::optional<Estimator> estimator_from_name(const std::string& text) {
  if (text == "median" || text == "p50") return Estimator{};
  int percent = 0;
  std::size_t used = 0;
  if (text.size() > 1 && text[0] == 'p') {
    try {
      percent = std::stoi(text.substr(1), &used);
    } catch (const std::exception&) {
      used = 0;
    }
  }
  if (used == 0 || used != text.size() - 1 || percent < 1 || percent > 50 || !std::isdigit(text[1]))
    return std::nullopt;
  return Estimator{percent / 100.0};
}

Estimator parse_estimator(const std::string& text) {
  if (text.empty()) return {};
  if (const auto e = estimator_from_name(text)) return *e;
  throw usage_error("--estimator " + text, "is not an estimator",
                    "use median (the default) or p1 .. p50, e.g. p10 for the 10th percentile");
}

}  // namespace libcdiff::compare
