/* One main() for every CUnit program: each test file lists its tests and names its suite.
 * The basic runner prints CUnit's run summary, which CI reads. */
#ifndef SSPIBRIDGE_TEST_MAIN_H
#define SSPIBRIDGE_TEST_MAIN_H

#include <CUnit/Basic.h>
#include <pthread.h>
#include <setjmp.h>
#include <sspibridge.h>
#include <stdio.h>
#include <string.h>

/* Tests that expect a documented backend difference (README, "Heimdal backend") assert the
 * exact code each backend gives, chosen by this query: never skipped. */
static inline int test_backend_heimdal(void)
{
    return strcmp(sspibridge_backend(), "heimdal") == 0;
}

/* Heimdal's krb5 mechanism reads krb5.conf once per thread (its krb5 context is
 * thread-specific), where MIT rereads it for every call: a suite that switches between
 * throwaway realms (KRB5_CONFIG) must make the next GSS calls on a fresh thread. On Heimdal
 * every test therefore runs on a thread of its own, and tests that switch realms inside one
 * test call test_in_fresh_thread for each realm. A failing *_FATAL assertion jumps back to
 * the thread that ran it: the CUnit test's jump buffer is swapped for the thread's own. */
typedef struct test_thread_call_ {
    void (*fn)(void *);
    void *arg;
} test_thread_call_;

static inline void *test_thread_body_(void *p)
{
    test_thread_call_ *call = p;
    CU_pTest test = CU_get_current_test();
    jmp_buf jump, *saved = test != NULL ? test->pJumpBuf : NULL;
    if (test != NULL)
        test->pJumpBuf = &jump;
    if (setjmp(jump) == 0)
        call->fn(call->arg);
    if (test != NULL)
        test->pJumpBuf = saved;
    return NULL;
}

static inline void test_in_fresh_thread(void (*fn)(void *), void *arg)
{
    test_thread_call_ call = {fn, arg};
    pthread_t t;
    if (strcmp(SSPIBRIDGE_BACKEND, "heimdal") != 0 || pthread_create(&t, NULL, test_thread_body_, &call) != 0) {
        fn(arg);
        return;
    }
    pthread_join(t, NULL);
}

/* The running program's test table, for the trampoline below. */
static const CU_TestInfo *test_table_;

static inline void test_call_plain_(void *fn)
{
    CU_TestFunc f;
    memcpy(&f, &fn, sizeof(f));
    f();
}

static inline void test_trampoline_(void)
{
    CU_pTest test = CU_get_current_test();
    for (size_t i = 0; test != NULL && test_table_[i].pName != NULL; i++) {
        if (strcmp(test_table_[i].pName, test->pName) == 0) {
            void *fn;
            CU_TestFunc f = test_table_[i].pTestFunc;
            memcpy(&fn, &f, sizeof(fn));
            test_in_fresh_thread(test_call_plain_, fn);
            return;
        }
    }
    CU_FAIL("test not found in the program's table");
}

/* Each program may define suite set-up/tear-down (NULL for none). */
#define SSPI_TEST_MAIN(suite_name, init_fn, clean_fn, tests_array)                 \
    int main(void)                                                              \
    {                                                                           \
        if (CU_initialize_registry() != CUE_SUCCESS)                            \
            return 2;                                                           \
        CU_pSuite suite = CU_add_suite((suite_name), (init_fn), (clean_fn));    \
        if (suite == NULL)                                                      \
            return 2;                                                           \
        test_table_ = (tests_array);                                            \
        int threaded_ = strcmp(SSPIBRIDGE_BACKEND, "heimdal") == 0;             \
        for (size_t i_ = 0; (tests_array)[i_].pName != NULL; i_++)              \
            if (CU_add_test(suite, (tests_array)[i_].pName,                     \
                            threaded_ ? test_trampoline_                        \
                                      : (tests_array)[i_].pTestFunc) == NULL)   \
                return 2;                                                       \
        CU_basic_set_mode(CU_BRM_VERBOSE);                                      \
        CU_basic_run_tests();                                                   \
        unsigned failed_ = CU_get_number_of_failures() +                        \
                           CU_get_number_of_suites_failed() +                   \
                           CU_get_number_of_tests_failed();                     \
        unsigned ran_ = CU_get_number_of_tests_run();                           \
        CU_cleanup_registry();                                                  \
        if (ran_ == 0) {                                                        \
            fprintf(stderr, "%s: no test ran\n", (suite_name));                \
            return 1;                                                           \
        }                                                                       \
        return failed_ ? 1 : 0;                                                 \
    }

#endif
