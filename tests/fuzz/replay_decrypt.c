/* fuzz_decrypt.c under names of its own, for the corpus replay program (replay_main.c). */
#define LLVMFuzzerInitialize replay_decrypt_initialize
#define LLVMFuzzerTestOneInput replay_decrypt_one
#include "tests/fuzz/fuzz_decrypt.c"
