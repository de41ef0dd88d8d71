/* A counting allocator for out-of-memory tests, put between the bridge and the C library
 * with the linker's --wrap (tests/reliability/local.mk): every malloc, calloc, realloc,
 * strdup, strndup and free the objects linked into the test program make (the bridge's
 * convenience libraries, the mappings, the test itself) goes through it; the shared MIT and
 * C libraries' own allocations do not. So "the bridge's allocation sites" are exactly the
 * wrapped calls made while the counter is armed.
 *
 * The allocator also keeps the set of blocks it handed out and that are not freed yet:
 * oom_live() before and after a call tells whether the call left any of its own behind; and
 * it can show every block the wrapped objects free to a hook before the C library gets it
 * back (test_secrets looks there for passwords and keys). */
#ifndef SSPIBRIDGE_TESTS_OOM_WRAP_H
#define SSPIBRIDGE_TESTS_OOM_WRAP_H

#include <stddef.h>

/* Counts wrapped allocations from now on; the fail_at-th one (1-based) fails with ENOMEM,
 * and so does every later one when sticky is set. fail_at 0: none fails (counting only). */
void oom_arm(long fail_at, int sticky);
/* Stops counting and failing; returns how many wrapped allocations were made while armed. */
long oom_disarm(void);
/* Whether the armed run reached its fail_at-th allocation (and failed it). */
int oom_failed(void);
/* Blocks the wrapped allocator handed out and that are not freed yet. */
size_t oom_live(void);

/* Called with each block the wrapped objects free (and each block realloc is about to move),
 * with the size it was allocated with, while its bytes are still there. NULL: none. */
typedef void (*oom_free_hook)(const void *p, size_t size);
void oom_set_free_hook(oom_free_hook hook);

#endif
