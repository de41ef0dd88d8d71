/* fuzz_init_reply.c under names of its own, for the corpus replay program (replay_main.c). */
#define LLVMFuzzerInitialize replay_init_reply_initialize
#define LLVMFuzzerTestOneInput replay_init_reply_one
#include "tests/fuzz/fuzz_init_reply.c"
