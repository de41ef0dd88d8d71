/* FreeContextBuffer's bookkeeping: a hash set of the blocks handed out. The set is consulted
 * before the pointer is touched, so a foreign or already-freed pointer is never read. */
#include "bridge/memory.h"

#include "bridge/call.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct mem_entry {
    void *ptr;   /* NULL: never used; MEM_TOMBSTONE: freed */
    size_t size;
} mem_entry;

#define MEM_TOMBSTONE ((void *)(uintptr_t)1)

static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;
static mem_entry *mem_set;
static size_t mem_capacity; /* power of two */
static size_t mem_used;     /* live + tombstones */
static size_t mem_live;

static size_t mem_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    return (size_t)x;
}

/* The entry holding p, or NULL. Caller holds mem_lock. */
static mem_entry *mem_find(const void *p)
{
    if (mem_capacity == 0)
        return NULL;
    for (size_t i = mem_hash(p) & (mem_capacity - 1);; i = (i + 1) & (mem_capacity - 1)) {
        if (mem_set[i].ptr == NULL)
            return NULL;
        if (mem_set[i].ptr == p)
            return &mem_set[i];
    }
}

static void mem_insert_slot(mem_entry *set, size_t capacity, void *p, size_t size)
{
    size_t i = mem_hash(p) & (capacity - 1);
    while (set[i].ptr != NULL && set[i].ptr != MEM_TOMBSTONE)
        i = (i + 1) & (capacity - 1);
    set[i].ptr = p;
    set[i].size = size;
}

/* Keeps the load (live + tombstones) under one half, rehashing away tombstones. */
static int mem_reserve(void)
{
    if ((mem_used + 1) * 2 <= mem_capacity)
        return 0;
    size_t capacity = mem_capacity ? mem_capacity : 64;
    while ((mem_live + 1) * 2 > capacity / 2)
        capacity *= 2;
    mem_entry *set = calloc(capacity, sizeof(*set));
    if (set == NULL)
        return -1;
    for (size_t i = 0; i < mem_capacity; i++)
        if (mem_set[i].ptr != NULL && mem_set[i].ptr != MEM_TOMBSTONE)
            mem_insert_slot(set, capacity, mem_set[i].ptr, mem_set[i].size);
    free(mem_set);
    mem_set = set;
    mem_capacity = capacity;
    mem_used = mem_live;
    return 0;
}

void *mem_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (p == NULL)
        return NULL;
    pthread_mutex_lock(&mem_lock);
    if (mem_reserve() != 0) {
        pthread_mutex_unlock(&mem_lock);
        free(p);
        return NULL;
    }
    mem_insert_slot(mem_set, mem_capacity, p, size);
    mem_used++;
    mem_live++;
    pthread_mutex_unlock(&mem_lock);
    return p;
}

SECURITY_STATUS mem_free(void *p)
{
    if (p == NULL)
        return SEC_E_OK;
    pthread_mutex_lock(&mem_lock);
    mem_entry *entry = mem_find(p);
    size_t size = 0;
    if (entry != NULL) {
        size = entry->size;
        entry->ptr = MEM_TOMBSTONE;
        mem_live--;
    }
    pthread_mutex_unlock(&mem_lock);
    if (entry == NULL)
        return SEC_E_INVALID_PARAMETER;
    /* Blocks may hold session keys or tokens: wipe them all, it costs little. */
    explicit_bzero(p, size);
    free(p);
    return SEC_E_OK;
}

size_t mem_live_count(void)
{
    pthread_mutex_lock(&mem_lock);
    size_t live = mem_live;
    pthread_mutex_unlock(&mem_lock);
    return live;
}

SECURITY_STATUS SEC_ENTRY FreeContextBuffer(PVOID pvContextBuffer)
{
    SECURITY_STATUS status = mem_free(pvContextBuffer);
    if (status != SEC_E_OK)
        call_note("FreeContextBuffer: %p was not handed out by sspibridge (left alone)", pvContextBuffer);
    CALL_RETURN(status);
}
