/* The interposed allocator behind alloc_count.h. glibc supports replacing malloc this way
 * (glibc manual, "Replacing malloc"): its own internal calls go through the replacement
 * too. The __libc_* entry points are glibc's allocator under its exported names. */
#include "bench/alloc_count.h"

#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *p);

/* Relaxed: the benchmark measures on one thread; the count only has to be exact there. */
static atomic_uint_fast64_t alloc_calls;

static inline void alloc_count_one(void)
{
    atomic_fetch_add_explicit(&alloc_calls, 1, memory_order_relaxed);
}

uint64_t alloc_count_calls(void)
{
    return atomic_load_explicit(&alloc_calls, memory_order_relaxed);
}

/* The replacements: declared here because _GNU_SOURCE headers already declare them with
 * attributes this definition must match. */
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
void *memalign(size_t alignment, size_t size);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **out, size_t alignment, size_t size);

void *malloc(size_t size)
{
    alloc_count_one();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    alloc_count_one();
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    alloc_count_one();
    return __libc_realloc(p, size);
}

void free(void *p)
{
    __libc_free(p);
}

void *memalign(size_t alignment, size_t size)
{
    alloc_count_one();
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size)
{
    alloc_count_one();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
    /* POSIX: a power of two multiple of sizeof(void *), else EINVAL. */
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    alloc_count_one();
    void *p = __libc_memalign(alignment, size);
    if (p == NULL)
        return ENOMEM;
    *out = p;
    return 0;
}
