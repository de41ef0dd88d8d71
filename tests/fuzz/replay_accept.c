/* fuzz_accept.c under names of its own, for the corpus replay program (replay_main.c). */
#define LLVMFuzzerInitialize replay_accept_initialize
#define LLVMFuzzerTestOneInput replay_accept_one
#include "tests/fuzz/fuzz_accept.c"
