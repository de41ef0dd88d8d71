/* The counting allocator behind oom_wrap.h. __real_* are the C library's functions; the
 * linker sends every call the wrapped objects make to the __wrap_* ones here. */
#include "tests/reliability/oom_wrap.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);

void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static int oom_counting, oom_sticky, oom_hit;
static long oom_calls, oom_fail_at;

/* The live set: open addressing over a fixed table (the tests hold a few thousand blocks at
 * most); when it is full, blocks are no longer tracked (and oom_live says so by growing). */
#define OOM_SET_SIZE 65536u
#define OOM_TOMBSTONE ((void *)(uintptr_t)1)
static struct oom_entry {
    void *p;
    size_t size;
} oom_set[OOM_SET_SIZE];
static size_t oom_set_live;
static oom_free_hook oom_hook;

static size_t oom_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9u;
    x ^= x >> 32;
    return (size_t)x & (OOM_SET_SIZE - 1);
}

static void oom_set_add(void *p, size_t size)
{
    size_t i = oom_hash(p);
    for (size_t k = 0; k < OOM_SET_SIZE; k++, i = (i + 1) & (OOM_SET_SIZE - 1)) {
        if (oom_set[i].p == NULL || oom_set[i].p == OOM_TOMBSTONE) {
            oom_set[i].p = p;
            oom_set[i].size = size;
            oom_set_live++;
            return;
        }
    }
}

/* Forgets p; returns its size, or (size_t)-1 when it is not one of ours (the C or MIT
 * library's). */
static size_t oom_set_del(void *p)
{
    size_t i = oom_hash(p);
    for (size_t k = 0; k < OOM_SET_SIZE; k++, i = (i + 1) & (OOM_SET_SIZE - 1)) {
        if (oom_set[i].p == NULL)
            return (size_t)-1;
        if (oom_set[i].p == p) {
            oom_set[i].p = OOM_TOMBSTONE;
            oom_set_live--;
            return oom_set[i].size;
        }
    }
    return (size_t)-1;
}

/* Whether this allocation is the one to fail. */
static int oom_fail_now(void)
{
    if (!oom_counting)
        return 0;
    oom_calls++;
    if (oom_fail_at > 0 && (oom_calls == oom_fail_at || (oom_sticky && oom_calls > oom_fail_at))) {
        oom_hit = 1;
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t size)
{
    if (oom_fail_now())
        return NULL;
    void *p = __real_malloc(size);
    if (p != NULL)
        oom_set_add(p, size);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (oom_fail_now())
        return NULL;
    void *p = __real_calloc(n, size);
    if (p != NULL)
        oom_set_add(p, n * size);
    return p;
}

void *__wrap_realloc(void *old, size_t size)
{
    if (oom_fail_now())
        return NULL; /* old stays valid, as realloc promises */
    /* The old block's bytes as realloc leaves them are what a free hook would see: report
     * them before realloc may release it. */
    if (old != NULL && oom_hook != NULL) {
        size_t old_size = oom_set_del(old);
        if (old_size != (size_t)-1) {
            oom_hook(old, old_size);
            oom_set_add(old, old_size);
        }
    }
    void *p = __real_realloc(old, size);
    if (p != NULL) {
        if (old != NULL)
            oom_set_del(old);
        oom_set_add(p, size);
    }
    return p;
}

void __wrap_free(void *p)
{
    if (p != NULL) {
        size_t size = oom_set_del(p);
        if (size != (size_t)-1 && oom_hook != NULL)
            oom_hook(p, size);
    }
    __real_free(p);
}

char *__wrap_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = __wrap_malloc(n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

char *__wrap_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = __wrap_malloc(len + 1);
    if (p != NULL) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void oom_arm(long fail_at, int sticky)
{
    oom_calls = 0;
    oom_fail_at = fail_at;
    oom_sticky = sticky;
    oom_hit = 0;
    oom_counting = 1;
}

long oom_disarm(void)
{
    oom_counting = 0;
    return oom_calls;
}

int oom_failed(void)
{
    return oom_hit;
}

size_t oom_live(void)
{
    return oom_set_live;
}

void oom_set_free_hook(oom_free_hook hook)
{
    oom_hook = hook;
}
