/* The handle table: slots indexed by dwLower, checked by type tag and a generation in
 * dwUpper that is never reused, so no handle value ever names two objects. */
#include "bridge/handle.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* dwLower = TAG_BASE | type << TYPE_SHIFT | slot index. The tag makes a zeroed handle, the
 * SecInvalidateHandle value and small integers all fail the check before any lookup. */
#define HANDLE_TAG_BASE ((ULONG_PTR)0x5350 << 48)
#define HANDLE_TAG_MASK ((ULONG_PTR)0xFFFF << 48)
#define HANDLE_TYPE_SHIFT 40
#define HANDLE_TYPE_MASK ((ULONG_PTR)0xFF << HANDLE_TYPE_SHIFT)
#define HANDLE_INDEX_MASK (((ULONG_PTR)1 << HANDLE_TYPE_SHIFT) - 1)
#define HANDLE_SLOTS_MAX ((size_t)1 << 24)

typedef struct handle_slot {
    handle_obj *obj;     /* NULL when free */
    ULONG_PTR generation;
    size_t next_free;    /* free-list link, index + 1, 0 ends */
} handle_slot;

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static handle_slot *table_slots;
static size_t table_capacity;
static size_t table_free_head; /* index + 1 of the first free slot, 0 when none */
static size_t table_live;
static ULONG_PTR table_generation;

/* A per-process starting generation makes a handle value copied from another process (or
 * invented) fail even when its index happens to be live here. */
static void table_seed_generation(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ULONG_PTR seed = (ULONG_PTR)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (ULONG_PTR)getpid() << 32 ^
                     (ULONG_PTR)(uintptr_t)&ts;
    table_generation = seed & ~(ULONG_PTR)0xFFFF; /* low bits count up */
}

static int table_grow(void)
{
    size_t capacity = table_capacity ? table_capacity * 2 : 64;
    if (capacity > HANDLE_SLOTS_MAX)
        return -1;
    handle_slot *slots = realloc(table_slots, capacity * sizeof(*slots));
    if (slots == NULL)
        return -1;
    for (size_t i = table_capacity; i < capacity; i++) {
        slots[i].obj = NULL;
        slots[i].generation = 0;
        slots[i].next_free = i + 1 < capacity ? i + 2 : table_free_head;
    }
    table_free_head = table_capacity + 1;
    table_slots = slots;
    table_capacity = capacity;
    return 0;
}

/* The slot a handle names, or NULL. Caller holds table_lock. */
static handle_slot *table_lookup(const SecHandle *h, handle_type type)
{
    if (h == NULL || (h->dwLower & HANDLE_TAG_MASK) != HANDLE_TAG_BASE)
        return NULL;
    if ((h->dwLower & HANDLE_TYPE_MASK) >> HANDLE_TYPE_SHIFT != (ULONG_PTR)type)
        return NULL;
    size_t index = (size_t)(h->dwLower & HANDLE_INDEX_MASK);
    if (index >= table_capacity)
        return NULL;
    handle_slot *slot = &table_slots[index];
    if (slot->obj == NULL || slot->generation != h->dwUpper || slot->obj->type != type)
        return NULL;
    return slot;
}

void handle_obj_init(handle_obj *obj, handle_type type, void (*destroy)(handle_obj *))
{
    atomic_init(&obj->refs, 1);
    obj->type = type;
    obj->destroy = destroy;
}

SECURITY_STATUS handle_register(handle_obj *obj, SecHandle *out)
{
    SECURITY_STATUS status = SEC_E_OK;

    pthread_mutex_lock(&table_lock);
    if (table_generation == 0)
        table_seed_generation();
    if (table_free_head == 0 && table_grow() != 0) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }
    size_t index = table_free_head - 1;
    handle_slot *slot = &table_slots[index];
    table_free_head = slot->next_free;
    slot->obj = obj;
    slot->generation = ++table_generation;
    table_live++;
    out->dwLower = HANDLE_TAG_BASE | (ULONG_PTR)obj->type << HANDLE_TYPE_SHIFT | (ULONG_PTR)index;
    out->dwUpper = slot->generation;

cleanup:
    pthread_mutex_unlock(&table_lock);
    return status;
}

handle_obj *handle_acquire(const SecHandle *h, handle_type type)
{
    handle_obj *obj = NULL;

    pthread_mutex_lock(&table_lock);
    handle_slot *slot = table_lookup(h, type);
    if (slot != NULL) {
        obj = slot->obj;
        atomic_fetch_add_explicit(&obj->refs, 1, memory_order_relaxed);
    }
    pthread_mutex_unlock(&table_lock);
    return obj;
}

void handle_retain(handle_obj *obj)
{
    atomic_fetch_add_explicit(&obj->refs, 1, memory_order_relaxed);
}

void handle_release(handle_obj *obj)
{
    if (obj == NULL)
        return;
    if (atomic_fetch_sub_explicit(&obj->refs, 1, memory_order_acq_rel) == 1)
        obj->destroy(obj);
}

SECURITY_STATUS handle_unregister(const SecHandle *h, handle_type type)
{
    handle_obj *obj = NULL;

    pthread_mutex_lock(&table_lock);
    handle_slot *slot = table_lookup(h, type);
    if (slot != NULL) {
        obj = slot->obj;
        slot->obj = NULL;
        slot->next_free = table_free_head;
        table_free_head = (size_t)(slot - table_slots) + 1;
        table_live--;
    }
    pthread_mutex_unlock(&table_lock);

    if (obj == NULL)
        return SEC_E_INVALID_HANDLE;
    handle_release(obj);
    return SEC_E_OK;
}

size_t handle_live_count(void)
{
    pthread_mutex_lock(&table_lock);
    size_t live = table_live;
    pthread_mutex_unlock(&table_lock);
    return live;
}
