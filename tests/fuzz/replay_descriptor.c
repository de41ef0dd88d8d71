/* fuzz_descriptor.c under names of its own, for the corpus replay program (replay_main.c). */
#define LLVMFuzzerInitialize replay_descriptor_initialize
#define LLVMFuzzerTestOneInput replay_descriptor_one
#include "tests/fuzz/fuzz_descriptor.c"
