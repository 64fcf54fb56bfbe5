#include <argp.h>
static struct argp parser = {0, 0, 0, "doc"};
int main(int argc, char** argv) {
  return argp_parse(&parser, argc, argv, 0, 0, 0);
}
