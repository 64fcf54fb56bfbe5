#include <obstack.h>
#include <stdlib.h>
#define obstack_chunk_alloc malloc
#define obstack_chunk_free free
int main(void) {
  struct obstack o;
  obstack_init(&o);
  obstack_free(&o, 0);
  return 0;
}
