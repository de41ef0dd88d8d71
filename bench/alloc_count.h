/* A counting allocator interposed in the benchmark binary: malloc, calloc, realloc,
 * posix_memalign, aligned_alloc and memalign defined here take precedence over glibc's for
 * every shared object of the process (the bridge, GSSAPI, krb5), count the call and forward
 * to glibc's allocator (__libc_*), so the heap itself is unchanged. */
#ifndef SSPIBENCH_ALLOC_COUNT_H
#define SSPIBENCH_ALLOC_COUNT_H

#include <stdint.h>

/* Allocating calls (malloc, calloc, realloc, the aligned forms) since the process started:
 * a realloc counts as one allocation; free is not counted. */
uint64_t alloc_count_calls(void);

#endif
