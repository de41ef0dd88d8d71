/* The handle table: every kind of bad handle is SEC_E_INVALID_HANDLE, objects live until
 * their last reference goes, and threads may create and free handles at once. */
#include "bridge/handle.h"
#include "tests/common/test_main.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct test_obj {
    handle_obj h;
    atomic_int *destroyed;
} test_obj;

static void test_obj_destroy(handle_obj *obj)
{
    test_obj *t = (test_obj *)obj;
    atomic_fetch_add(t->destroyed, 1);
    free(t);
}

static test_obj *test_obj_new(handle_type type, atomic_int *destroyed)
{
    test_obj *t = calloc(1, sizeof(*t));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    handle_obj_init(&t->h, type, test_obj_destroy);
    t->destroyed = destroyed;
    return t;
}

static void test_null_handle_is_invalid(void)
{
    CU_ASSERT_PTR_NULL(handle_acquire(NULL, HANDLE_TYPE_CRED));
    CU_ASSERT_EQUAL(handle_unregister(NULL, HANDLE_TYPE_CTX), SEC_E_INVALID_HANDLE);
}

static void test_zeroed_handle_is_invalid(void)
{
    SecHandle h;
    memset(&h, 0, sizeof(h));
    CU_ASSERT_PTR_NULL(handle_acquire(&h, HANDLE_TYPE_CRED));
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CRED), SEC_E_INVALID_HANDLE);
}

static void test_invalidated_handle_is_invalid(void)
{
    SecHandle h;
    SecInvalidateHandle(&h);
    CU_ASSERT_FALSE(SecIsValidHandle(&h));
    CU_ASSERT_PTR_NULL(handle_acquire(&h, HANDLE_TYPE_CTX));
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CTX), SEC_E_INVALID_HANDLE);
}

static void test_random_handle_is_invalid(void)
{
    atomic_int destroyed = 0;
    test_obj *t = test_obj_new(HANDLE_TYPE_CRED, &destroyed);
    SecHandle h, forged;
    CU_ASSERT_EQUAL_FATAL(handle_register(&t->h, &h), SEC_E_OK);
    /* Right index and tag, invented generation: still refused. */
    forged = h;
    forged.dwUpper ^= 0x5a5a5a5aU;
    CU_ASSERT_PTR_NULL(handle_acquire(&forged, HANDLE_TYPE_CRED));
    srand(7);
    for (int i = 0; i < 1000; i++) {
        forged.dwLower = ((ULONG_PTR)rand() << 33) ^ (ULONG_PTR)rand();
        forged.dwUpper = ((ULONG_PTR)rand() << 33) ^ (ULONG_PTR)rand();
        CU_ASSERT_PTR_NULL(handle_acquire(&forged, HANDLE_TYPE_CRED));
    }
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CRED), SEC_E_OK);
    CU_ASSERT_EQUAL(destroyed, 1);
}

static void test_wrong_type_handle_is_invalid(void)
{
    atomic_int destroyed = 0;
    test_obj *t = test_obj_new(HANDLE_TYPE_CRED, &destroyed);
    SecHandle h;
    CU_ASSERT_EQUAL_FATAL(handle_register(&t->h, &h), SEC_E_OK);
    CU_ASSERT_PTR_NULL(handle_acquire(&h, HANDLE_TYPE_CTX));
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CTX), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(destroyed, 0);
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CRED), SEC_E_OK);
    CU_ASSERT_EQUAL(destroyed, 1);
}

static void test_stale_handle_is_invalid_after_slot_reuse(void)
{
    atomic_int destroyed = 0;
    SecHandle old, fresh;
    test_obj *a = test_obj_new(HANDLE_TYPE_CTX, &destroyed);
    CU_ASSERT_EQUAL_FATAL(handle_register(&a->h, &old), SEC_E_OK);
    CU_ASSERT_EQUAL(handle_unregister(&old, HANDLE_TYPE_CTX), SEC_E_OK);
    test_obj *b = test_obj_new(HANDLE_TYPE_CTX, &destroyed);
    CU_ASSERT_EQUAL_FATAL(handle_register(&b->h, &fresh), SEC_E_OK);
    /* The slot is reused (same index), the generation is not. */
    CU_ASSERT_EQUAL(old.dwLower, fresh.dwLower);
    CU_ASSERT_NOT_EQUAL(old.dwUpper, fresh.dwUpper);
    CU_ASSERT_PTR_NULL(handle_acquire(&old, HANDLE_TYPE_CTX));
    CU_ASSERT_EQUAL(handle_unregister(&old, HANDLE_TYPE_CTX), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(handle_unregister(&fresh, HANDLE_TYPE_CTX), SEC_E_OK);
    CU_ASSERT_EQUAL(destroyed, 2);
}

static void test_double_free_is_invalid(void)
{
    atomic_int destroyed = 0;
    SecHandle h;
    test_obj *t = test_obj_new(HANDLE_TYPE_CRED, &destroyed);
    CU_ASSERT_EQUAL_FATAL(handle_register(&t->h, &h), SEC_E_OK);
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CRED), SEC_E_OK);
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CRED), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(destroyed, 1);
}

static void test_object_outlives_unregister_while_referenced(void)
{
    atomic_int destroyed = 0;
    SecHandle h;
    test_obj *t = test_obj_new(HANDLE_TYPE_CTX, &destroyed);
    CU_ASSERT_EQUAL_FATAL(handle_register(&t->h, &h), SEC_E_OK);
    handle_obj *held = handle_acquire(&h, HANDLE_TYPE_CTX);
    CU_ASSERT_PTR_EQUAL(held, &t->h);
    CU_ASSERT_EQUAL(handle_unregister(&h, HANDLE_TYPE_CTX), SEC_E_OK);
    CU_ASSERT_EQUAL(destroyed, 0);
    CU_ASSERT_PTR_NULL(handle_acquire(&h, HANDLE_TYPE_CTX));
    handle_release(held);
    CU_ASSERT_EQUAL(destroyed, 1);
}

#define THREADS 8
#define ROUNDS 2000

static void *churn(void *arg)
{
    atomic_int *destroyed = arg;
    for (int i = 0; i < ROUNDS; i++) {
        SecHandle h;
        test_obj *t = calloc(1, sizeof(*t));
        if (t == NULL)
            return (void *)1;
        handle_obj_init(&t->h, i % 2 ? HANDLE_TYPE_CTX : HANDLE_TYPE_CRED, test_obj_destroy);
        t->destroyed = destroyed;
        if (handle_register(&t->h, &h) != SEC_E_OK)
            return (void *)1;
        handle_obj *o = handle_acquire(&h, t->h.type);
        if (o != &t->h)
            return (void *)1;
        handle_release(o);
        if (handle_unregister(&h, t->h.type) != SEC_E_OK)
            return (void *)1;
        if (handle_acquire(&h, i % 2 ? HANDLE_TYPE_CTX : HANDLE_TYPE_CRED) != NULL)
            return (void *)1;
    }
    return NULL;
}

static void test_threads_create_and_free_concurrently(void)
{
    pthread_t th[THREADS];
    atomic_int destroyed = 0;
    size_t before = handle_live_count();
    for (int i = 0; i < THREADS; i++)
        CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, churn, &destroyed), 0);
    for (int i = 0; i < THREADS; i++) {
        void *rc = (void *)1;
        pthread_join(th[i], &rc);
        CU_ASSERT_PTR_NULL(rc);
    }
    CU_ASSERT_EQUAL(destroyed, THREADS * ROUNDS);
    CU_ASSERT_EQUAL(handle_live_count(), before);
}

static CU_TestInfo tests[] = {
    {"null handle is invalid", test_null_handle_is_invalid},
    {"zeroed handle is invalid", test_zeroed_handle_is_invalid},
    {"SecInvalidateHandle value is invalid", test_invalidated_handle_is_invalid},
    {"forged and random handles are invalid", test_random_handle_is_invalid},
    {"wrong-type handle is invalid", test_wrong_type_handle_is_invalid},
    {"stale handle is invalid after slot reuse", test_stale_handle_is_invalid_after_slot_reuse},
    {"double free is invalid", test_double_free_is_invalid},
    {"object outlives unregister while referenced", test_object_outlives_unregister_while_referenced},
    {"threads create and free concurrently", test_threads_create_and_free_concurrently},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("handle table", NULL, NULL, tests)
