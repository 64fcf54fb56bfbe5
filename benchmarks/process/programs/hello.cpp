// The smallest C++ program that uses iostreams: size and start-up of libc + C++ library.
#include <iostream>

int main() {
  std::cout << "hello" << std::endl;
  return 0;
}
