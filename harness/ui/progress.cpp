#include "ui/progress.hpp"

namespace libcdiff::ui {

void Progress::step(const std::string& what) {
  ++current_;
  out_ << "[" << current_ << "/" << total_ << "] " << what << std::endl;
}

void Progress::note(const std::string& what) {
  out_ << "      " << what << std::endl;
}

}  // namespace libcdiff::ui
