/* One main() for every CUnit program: each test file lists its tests and names its suite.
 * The basic runner prints CUnit's run summary, which CI reads. */
#ifndef SSPIBRIDGE_TEST_MAIN_H
#define SSPIBRIDGE_TEST_MAIN_H

#include <CUnit/Basic.h>
#include <sspibridge.h>
#include <stdio.h>
#include <string.h>

/* Tests that expect a documented backend difference (README, "Heimdal backend") assert the
 * exact code each backend gives, chosen by this query: never skipped. */
static inline int test_backend_heimdal(void)
{
    return strcmp(sspibridge_backend(), "heimdal") == 0;
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
        for (size_t i_ = 0; (tests_array)[i_].pName != NULL; i_++)              \
            if (CU_add_test(suite, (tests_array)[i_].pName,                     \
                            (tests_array)[i_].pTestFunc) == NULL)               \
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
