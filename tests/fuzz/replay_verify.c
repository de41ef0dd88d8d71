/* fuzz_verify.c under names of its own, for the corpus replay program (replay_main.c). */
#define LLVMFuzzerInitialize replay_verify_initialize
#define LLVMFuzzerTestOneInput replay_verify_one
#include "tests/fuzz/fuzz_verify.c"
