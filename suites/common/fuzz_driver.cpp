#include "common/fuzz_driver.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>

#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

std::uint64_t environment_number(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0') {
    ADD_FAILURE() << name << "=" << text << " is not a decimal number";
    return fallback;
  }
  return value;
}

std::string current_case_id() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return info == nullptr ? "" : std::string(info->test_suite_name()) + "." + info->name();
}

std::string signal_text(int sig) {
  switch (sig) {
    case SIGALRM:
      return "timeout";
    case SIGSEGV:
      return "crash SIGSEGV";
    case SIGABRT:
      return "crash SIGABRT";
    case SIGBUS:
      return "crash SIGBUS";
    case SIGFPE:
      return "crash SIGFPE";
    case SIGILL:
      return "crash SIGILL";
    default:
      return "crash signal " + std::to_string(sig);
  }
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Evaluates inputs[begin, end) in one forked child, which sends each observation as
// "<length>\n<bytes>". Returns the observations received (fewer when the child died) and, through
// `death`, how the child ended when it did not exit 0.
std::vector<std::string> evaluate_in_child(const FuzzParser& parser, const std::vector<FuzzInput>& inputs,
                                           std::size_t begin, std::size_t end, unsigned timeout_seconds,
                                           std::string& death) {
  std::vector<std::string> results;
  death.clear();
  int fds[2];
  if (pipe(fds) != 0) {
    death = "pipe failed";
    return results;
  }
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]), close(fds[1]);
    death = "fork failed";
    return results;
  }
  if (pid == 0) {
    // A group of its own: whatever the evaluation starts (wordexp's shell on musl) is killed with it.
    setpgid(0, 0);
    close(fds[0]);
    std::signal(SIGALRM, SIG_DFL);
    alarm(timeout_seconds);
    for (std::size_t i = begin; i < end; ++i) {
      const std::string value = parser.evaluate(inputs[i].variant, inputs[i].text);
      if (!write_all(fds[1], std::to_string(value.size()) + "\n") || !write_all(fds[1], value)) _exit(3);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string buffer;
  char chunk[65536];
  ssize_t n;
  // Bounded even when a grandchild keeps the pipe open after the child is gone: past the child's own
  // alarm (plus a margin) the whole group is killed.
  bool killed = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds + 5);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd pfd{fds[0], POLLIN, 0};
    const int ready = left.count() > 0 ? poll(&pfd, 1, static_cast<int>(left.count())) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      kill(-pid, SIGKILL);
      killed = true;
      break;
    }
    n = read(fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  kill(-pid, SIGKILL);  // anything the child left running (a hung shell after a timeout)
  std::size_t at = 0;
  while (at < buffer.size()) {
    const std::size_t newline = buffer.find('\n', at);
    if (newline == std::string::npos) break;
    const std::size_t length = std::strtoull(buffer.c_str() + at, nullptr, 10);
    if (newline + 1 + length > buffer.size()) break;
    results.push_back(buffer.substr(newline + 1, length));
    at = newline + 1 + length;
  }
  if (killed)
    death = "timeout";
  else if (WIFSIGNALED(status))
    death = signal_text(WTERMSIG(status));
  else if (WEXITSTATUS(status) != 0)
    death = "exit " + std::to_string(WEXITSTATUS(status));
  return results;
}

std::vector<FuzzInput> read_inputs(const FuzzParser& parser, const std::string& path) {
  std::vector<FuzzInput> inputs;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "LIBCDIFF_FUZZ_INPUTS=" << path << ": cannot be read: " << std::strerror(errno);
    return inputs;
  }
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto parts = parse_fuzz_input_line(parser.family, line);
    if (!parts) {
      ADD_FAILURE() << path << ":" << number << ": not <variant> TAB <hex digits>";
      continue;
    }
    inputs.push_back({parts->variant, parts->text});
  }
  return inputs;
}

}  // namespace

std::uint64_t FuzzRng::next() {
  state_ += 0x9e3779b97f4a7c15ull;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::uint64_t FuzzRng::below(std::uint64_t n) {
  if (n == 0) return 0;
  // Rejection keeps it uniform; the loop ends after one draw almost always.
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
  std::uint64_t x;
  do x = next();
  while (x >= limit);
  return x % n;
}

std::string fuzz_token_string(FuzzRng& rng, const std::vector<std::string>& tokens, unsigned min,
                              unsigned max) {
  const unsigned length = min + static_cast<unsigned>(rng.below(max - min + 1));
  std::string out;
  for (unsigned i = 0; i < length; ++i) out += rng.pick(tokens);
  return out;
}

void run_fuzz_sweep(const FuzzParser& parser) {
  const std::string case_id = current_case_id();
  const std::uint64_t seed = environment_number("LIBCDIFF_FUZZ_SEED", 1);
  const std::uint64_t first = environment_number("LIBCDIFF_FUZZ_FIRST", 0);
  const std::uint64_t count = environment_number("LIBCDIFF_FUZZ_COUNT", parser.default_count);
  const char* inputs_file = std::getenv("LIBCDIFF_FUZZ_INPUTS");
  const bool given = inputs_file != nullptr && *inputs_file != '\0';

  std::vector<FuzzInput> inputs;
  std::set<std::string> keys;
  std::size_t dropped = 0;
  auto add = [&](FuzzInput input) {
    if (!fuzz_representable(input.text) || input.variant.find(' ') != std::string::npos) {
      ++dropped;
      return;
    }
    if (keys.insert(fuzz_key(parser.family, input.variant, input.text)).second)
      inputs.push_back(std::move(input));
  };
  if (given) {
    for (auto& input : read_inputs(parser, inputs_file)) add(std::move(input));
  } else {
    const std::uint64_t case_hash = fnv1a(case_id);
    inputs.reserve(count);
    for (std::uint64_t i = first; i < first + count; ++i) {
      FuzzRng rng(mix(seed ^ mix(case_hash ^ mix(i))));
      add(parser.generate(rng));
    }
  }

  SweepTable table;
  table.reserve(inputs.size());
  constexpr std::size_t kChunk = 256;
  for (std::size_t begin = 0; begin < inputs.size(); begin += kChunk) {
    const std::size_t end = std::min(inputs.size(), begin + kChunk);
    std::string death;
    auto results = evaluate_in_child(parser, inputs, begin, end, parser.chunk_timeout_seconds, death);
    // The child died: the input it was on is evaluated alone, so its fate is its own observation, and
    // the rest of the chunk goes on in new children.
    while (begin + results.size() < end && !death.empty()) {
      const std::size_t culprit = begin + results.size();
      std::string alone_death;
      auto alone =
          evaluate_in_child(parser, inputs, culprit, culprit + 1, parser.chunk_timeout_seconds, alone_death);
      results.push_back(alone.empty() ? (alone_death.empty() ? "no result" : alone_death) : alone[0]);
      if (culprit + 1 < end) {
        auto rest = evaluate_in_child(parser, inputs, culprit + 1, end, parser.chunk_timeout_seconds, death);
        results.insert(results.end(), rest.begin(), rest.end());
      }
    }
    for (std::size_t i = begin; i < end && i - begin < results.size(); ++i)
      table.set(fuzz_key(parser.family, inputs[i].variant, inputs[i].text), results[i - begin]);
    if (begin + results.size() < end)
      ADD_FAILURE() << case_id << ": inputs " << begin + results.size() << ".." << end - 1
                    << " got no observation (" << death << ")";
  }
  ::testing::Test::RecordProperty("fuzz.mode", given ? "inputs" : "generated");
  ::testing::Test::RecordProperty("fuzz.seed", std::to_string(seed));
  ::testing::Test::RecordProperty("fuzz.first", std::to_string(first));
  ::testing::Test::RecordProperty("fuzz.count", std::to_string(given ? inputs.size() : count));
  ::testing::Test::RecordProperty("fuzz.dropped", std::to_string(dropped));
  // Generated inputs that repeat an earlier one (short inputs do) are evaluated once.
  ::testing::Test::RecordProperty("fuzz.distinct", std::to_string(inputs.size()));
  table.write();
}

}  // namespace libcdiff::suite
