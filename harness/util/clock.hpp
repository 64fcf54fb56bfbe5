// Wall-clock time behind an interface, so run directories and timestamps are testable.
#pragma once

#include <chrono>
#include <string>

namespace libcdiff::util {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// "2026-11-26T15:04:05Z"
std::string iso8601_utc(std::chrono::system_clock::time_point t);
// "20261126T150405Z": sortable and safe in file names
std::string compact_utc(std::chrono::system_clock::time_point t);

}  // namespace libcdiff::util
