/* Packages, FreeContextBuffer and the function tables, through the public API only. */
#include "bridge/memory.h"
#include "tests/common/test_main.h"

#include <security.h>
#include <sspibridge.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int wide_equals(const SEC_WCHAR *w, const char *ascii)
{
    while (*ascii)
        if (*w++ != (SEC_WCHAR)*ascii++)
            return 0;
    return *w == 0;
}

static void test_enumerate_lists_kerberos_with_windows_values(void)
{
    ULONG count = 0;
    PSecPkgInfoA info = NULL;
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesA(&count, &info), SEC_E_OK);
    CU_ASSERT_FATAL(count >= 1);
    int found = 0;
    for (ULONG i = 0; i < count; i++) {
        if (strcmp(info[i].Name, "Kerberos") != 0)
            continue;
        found = 1;
        CU_ASSERT_STRING_EQUAL(info[i].Comment, "Microsoft Kerberos V1.0");
        CU_ASSERT_EQUAL(info[i].cbMaxToken, 48000);
        CU_ASSERT_EQUAL(info[i].wRPCID, 16);
        CU_ASSERT_EQUAL(info[i].wVersion, 1);
        CU_ASSERT(info[i].fCapabilities & SECPKG_FLAG_INTEGRITY);
        CU_ASSERT(info[i].fCapabilities & SECPKG_FLAG_PRIVACY);
        CU_ASSERT(info[i].fCapabilities & SECPKG_FLAG_MUTUAL_AUTH);
    }
    CU_ASSERT(found);
    CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_OK);
}

static void test_enumerate_w_matches_enumerate_a(void)
{
    ULONG na = 0, nw = 0;
    PSecPkgInfoA a = NULL;
    PSecPkgInfoW w = NULL;
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesA(&na, &a), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesW(&nw, &w), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(na, nw);
    for (ULONG i = 0; i < na; i++) {
        CU_ASSERT(wide_equals(w[i].Name, a[i].Name));
        CU_ASSERT(wide_equals(w[i].Comment, a[i].Comment));
        CU_ASSERT_EQUAL(w[i].fCapabilities, a[i].fCapabilities);
        CU_ASSERT_EQUAL(w[i].cbMaxToken, a[i].cbMaxToken);
        CU_ASSERT_EQUAL(w[i].wRPCID, a[i].wRPCID);
    }
    CU_ASSERT_EQUAL(FreeContextBuffer(a), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(w), SEC_E_OK);
}

static void test_enumerate_null_arguments_are_invalid_parameter(void)
{
    ULONG count;
    PSecPkgInfoA info;
    CU_ASSERT_EQUAL(EnumerateSecurityPackagesA(NULL, &info), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(EnumerateSecurityPackagesA(&count, NULL), SEC_E_INVALID_PARAMETER);
}

static void test_package_names_match_case_insensitively(void)
{
    const char *names[] = {"Kerberos", "kerberos", "KERBEROS", "kErBeRoS"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        PSecPkgInfoA info = NULL;
        CU_ASSERT_EQUAL(QuerySecurityPackageInfoA((SEC_CHAR *)names[i], &info), SEC_E_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(info);
        CU_ASSERT_STRING_EQUAL(info->Name, "Kerberos");
        CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_OK);
    }
}

static void test_query_package_info_w_finds_kerberos(void)
{
    PSecPkgInfoW info = NULL;
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoW((SEC_WCHAR *)u"kerberos", &info), SEC_E_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(info);
    CU_ASSERT(wide_equals(info->Name, "Kerberos"));
    CU_ASSERT_EQUAL(info->cbMaxToken, 48000);
    CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_OK);
}

static void test_unknown_package_is_secpkg_not_found(void)
{
    PSecPkgInfoA info = (PSecPkgInfoA)(uintptr_t)1;
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoA((SEC_CHAR *)"Schannel", &info), SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_PTR_NULL(info);
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoA(NULL, &info), SEC_E_SECPKG_NOT_FOUND);
    PSecPkgInfoW winfo = NULL;
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoW((SEC_WCHAR *)u"Digest", &winfo), SEC_E_SECPKG_NOT_FOUND);
    /* An unpaired surrogate is not a name at all. */
    const SEC_WCHAR bad[] = {0xD800, 'K', 0};
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoW((SEC_WCHAR *)bad, &winfo), SEC_E_SECPKG_NOT_FOUND);
}

static void test_unknown_package_sets_last_error(void)
{
    SSPIBRIDGE_LAST_ERROR e;
    PSecPkgInfoA info;
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoA((SEC_CHAR *)"NoSuchPackage", &info), SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(sspibridge_last_error(&e), 1);
    CU_ASSERT_EQUAL(e.Status, SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_STRING_EQUAL(e.Function, "QuerySecurityPackageInfoA");
    CU_ASSERT_PTR_NOT_NULL(strstr(e.Message, "NoSuchPackage"));
}

static void test_free_context_buffer_refuses_foreign_pointers(void)
{
    char stack_buffer[16];
    void *heap = malloc(32);
    CU_ASSERT_EQUAL(FreeContextBuffer(stack_buffer), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(FreeContextBuffer(heap), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(FreeContextBuffer((void *)(uintptr_t)0x10), SEC_E_INVALID_PARAMETER);
    free(heap); /* still ours: the bridge did not free it */
}

static void test_free_context_buffer_twice_is_refused(void)
{
    ULONG count;
    PSecPkgInfoA info = NULL;
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesA(&count, &info), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_INVALID_PARAMETER);
}

static void test_free_context_buffer_null_is_ok(void)
{
    CU_ASSERT_EQUAL(FreeContextBuffer(NULL), SEC_E_OK);
}

static void test_nothing_handed_out_is_left_after_frees(void)
{
    size_t before = mem_live_count();
    ULONG count;
    PSecPkgInfoA info = NULL;
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesA(&count, &info), SEC_E_OK);
    CU_ASSERT_EQUAL(mem_live_count(), before + 1); /* one block: array and strings */
    CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_OK);
    CU_ASSERT_EQUAL(mem_live_count(), before);
}

static void test_function_table_a_has_every_slot(void)
{
    PSecurityFunctionTableA t = InitSecurityInterfaceA();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT(t->dwVersion >= SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION);
    CU_ASSERT_PTR_EQUAL(t->EnumerateSecurityPackagesA, EnumerateSecurityPackagesA);
    CU_ASSERT_PTR_EQUAL(t->QueryCredentialsAttributesA, QueryCredentialsAttributesA);
    CU_ASSERT_PTR_EQUAL(t->AcquireCredentialsHandleA, AcquireCredentialsHandleA);
    CU_ASSERT_PTR_EQUAL(t->FreeCredentialsHandle, FreeCredentialsHandle);
    CU_ASSERT_PTR_EQUAL(t->InitializeSecurityContextA, InitializeSecurityContextA);
    CU_ASSERT_PTR_EQUAL(t->AcceptSecurityContext, AcceptSecurityContext);
    CU_ASSERT_PTR_EQUAL(t->CompleteAuthToken, CompleteAuthToken);
    CU_ASSERT_PTR_EQUAL(t->DeleteSecurityContext, DeleteSecurityContext);
    CU_ASSERT_PTR_EQUAL(t->ApplyControlToken, ApplyControlToken);
    CU_ASSERT_PTR_EQUAL(t->QueryContextAttributesA, QueryContextAttributesA);
    CU_ASSERT_PTR_EQUAL(t->ImpersonateSecurityContext, ImpersonateSecurityContext);
    CU_ASSERT_PTR_EQUAL(t->RevertSecurityContext, RevertSecurityContext);
    CU_ASSERT_PTR_EQUAL(t->MakeSignature, MakeSignature);
    CU_ASSERT_PTR_EQUAL(t->VerifySignature, VerifySignature);
    CU_ASSERT_PTR_EQUAL(t->FreeContextBuffer, FreeContextBuffer);
    CU_ASSERT_PTR_EQUAL(t->QuerySecurityPackageInfoA, QuerySecurityPackageInfoA);
    CU_ASSERT_PTR_EQUAL(t->ExportSecurityContext, ExportSecurityContext);
    CU_ASSERT_PTR_EQUAL(t->ImportSecurityContextA, ImportSecurityContextA);
    CU_ASSERT_PTR_EQUAL(t->AddCredentialsA, AddCredentialsA);
    CU_ASSERT_PTR_EQUAL(t->QuerySecurityContextToken, QuerySecurityContextToken);
    CU_ASSERT_PTR_EQUAL(t->EncryptMessage, EncryptMessage);
    CU_ASSERT_PTR_EQUAL(t->DecryptMessage, DecryptMessage);
    CU_ASSERT_PTR_EQUAL(t->SetContextAttributesA, SetContextAttributesA);
    CU_ASSERT_PTR_EQUAL(t->SetCredentialsAttributesA, SetCredentialsAttributesA);
    CU_ASSERT_PTR_EQUAL(t->ChangeAccountPasswordA, ChangeAccountPasswordA);
    CU_ASSERT_PTR_EQUAL(t->QueryContextAttributesExA, QueryContextAttributesExA);
    CU_ASSERT_PTR_EQUAL(t->QueryCredentialsAttributesExA, QueryCredentialsAttributesExA);
}

static void test_function_table_w_has_every_slot(void)
{
    PSecurityFunctionTableW t = InitSecurityInterfaceW();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_PTR_EQUAL(t->EnumerateSecurityPackagesW, EnumerateSecurityPackagesW);
    CU_ASSERT_PTR_EQUAL(t->QueryCredentialsAttributesW, QueryCredentialsAttributesW);
    CU_ASSERT_PTR_EQUAL(t->AcquireCredentialsHandleW, AcquireCredentialsHandleW);
    CU_ASSERT_PTR_EQUAL(t->InitializeSecurityContextW, InitializeSecurityContextW);
    CU_ASSERT_PTR_EQUAL(t->QueryContextAttributesW, QueryContextAttributesW);
    CU_ASSERT_PTR_EQUAL(t->QuerySecurityPackageInfoW, QuerySecurityPackageInfoW);
    CU_ASSERT_PTR_EQUAL(t->ImportSecurityContextW, ImportSecurityContextW);
    CU_ASSERT_PTR_EQUAL(t->AddCredentialsW, AddCredentialsW);
    CU_ASSERT_PTR_EQUAL(t->SetContextAttributesW, SetContextAttributesW);
    CU_ASSERT_PTR_EQUAL(t->SetCredentialsAttributesW, SetCredentialsAttributesW);
    CU_ASSERT_PTR_EQUAL(t->ChangeAccountPasswordW, ChangeAccountPasswordW);
    CU_ASSERT_PTR_EQUAL(t->QueryContextAttributesExW, QueryContextAttributesExW);
    CU_ASSERT_PTR_EQUAL(t->QueryCredentialsAttributesExW, QueryCredentialsAttributesExW);
    CU_ASSERT_PTR_EQUAL(t->EncryptMessage, EncryptMessage);
    CU_ASSERT_PTR_EQUAL(t->DecryptMessage, DecryptMessage);
    CU_ASSERT_PTR_EQUAL(t->FreeContextBuffer, FreeContextBuffer);
}

static void test_table_packages_query_through_table(void)
{
    PSecurityFunctionTableA t = InitSecurityInterfaceA();
    PSecPkgInfoA info = NULL;
    CU_ASSERT_EQUAL(t->QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", &info), SEC_E_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(info);
    CU_ASSERT_EQUAL(info->cbMaxToken, 48000);
    CU_ASSERT_EQUAL(t->FreeContextBuffer(info), SEC_E_OK);
}

static void test_bad_handles_are_invalid_handle_everywhere(void)
{
    CredHandle cred;
    CtxtHandle ctx;
    SecInvalidateHandle(&cred);
    SecInvalidateHandle(&ctx);
    SecPkgCredentials_NamesA names;
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&cred), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&ctx), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(QueryCredentialsAttributesA(&cred, SECPKG_CRED_ATTR_NAMES, &names), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(ImpersonateSecurityContext(&ctx), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(RevertSecurityContext(&ctx), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(ApplyControlToken(&ctx, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(MakeSignature(&ctx, 0, NULL, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(EncryptMessage(&ctx, 0, NULL, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DecryptMessage(&ctx, NULL, 0, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(VerifySignature(&ctx, NULL, 0, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&ctx, SECPKG_ATTR_SIZES, NULL), SEC_E_INVALID_HANDLE);
}

static void test_unknown_package_in_acquire_is_secpkg_not_found(void)
{
    CredHandle cred;
    TimeStamp expiry;
    CU_ASSERT_EQUAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NoSuchPackage", SECPKG_CRED_OUTBOUND,
                                              NULL, NULL, NULL, NULL, &cred, &expiry),
                    SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)u"NoSuchPackage", SECPKG_CRED_OUTBOUND,
                                              NULL, NULL, NULL, NULL, &cred, &expiry),
                    SEC_E_SECPKG_NOT_FOUND);
}

static void test_version_and_backend_are_reported(void)
{
    CU_ASSERT_STRING_EQUAL(sspibridge_version(), PACKAGE_VERSION);
    CU_ASSERT_STRING_EQUAL(sspibridge_backend(), SSPIBRIDGE_BACKEND);
    CU_ASSERT_STRING_EQUAL(sspibridge_status_name(SEC_E_INVALID_HANDLE), "SEC_E_INVALID_HANDLE");
}

/* A package whose mechanism is missing is neither listed nor found. MIT's mechglue reads only
 * $GSS_MECH_CONFIG when it is set, so an empty file there leaves krb5 and SPNEGO (built in)
 * without gss-ntlmssp. The mechanism list is read once per process: a child asks. */
static void test_missing_mechanism_hides_its_package(void)
{
    char conf[] = "/tmp/sspibridge-mechconf.XXXXXX";
    int fd = mkstemp(conf);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        ULONG n = 0;
        PSecPkgInfoA info = NULL;
        CredHandle cred;
        int bad = 0;
        setenv("GSS_MECH_CONFIG", conf, 1);
        if (EnumerateSecurityPackagesA(&n, &info) != SEC_E_OK)
            _exit(10);
        for (ULONG i = 0; i < n; i++) {
            if (strcmp(info[i].Name, "NTLM") == 0)
                bad = 11;
            if (strcmp(info[i].Name, "Kerberos") != 0 && strcmp(info[i].Name, "Negotiate") != 0 &&
                strcmp(info[i].Name, "NTLM") != 0)
                bad = 12;
        }
        FreeContextBuffer(info);
        if (bad)
            _exit(bad);
        if (QuerySecurityPackageInfoA((SEC_CHAR *)"NTLM", &info) != SEC_E_SECPKG_NOT_FOUND)
            _exit(13);
        if (AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NTLM", SECPKG_CRED_OUTBOUND, NULL, NULL,
                                      NULL, NULL, &cred, NULL) != SEC_E_SECPKG_NOT_FOUND)
            _exit(14);
        if (QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", &info) != SEC_E_OK)
            _exit(15);
        FreeContextBuffer(info);
        _exit(0);
    }
    int st = 0;
    CU_ASSERT_EQUAL(waitpid(pid, &st, 0), pid);
    CU_ASSERT(WIFEXITED(st));
    CU_ASSERT_EQUAL(WEXITSTATUS(st), 0);
    unlink(conf);
}

static CU_TestInfo tests[] = {
    {"test_missing_mechanism_hides_its_package", test_missing_mechanism_hides_its_package},
    {"enumerate lists Kerberos with Windows' values", test_enumerate_lists_kerberos_with_windows_values},
    {"EnumerateSecurityPackagesW matches the A list", test_enumerate_w_matches_enumerate_a},
    {"enumerate with NULL arguments is SEC_E_INVALID_PARAMETER", test_enumerate_null_arguments_are_invalid_parameter},
    {"package names match case-insensitively", test_package_names_match_case_insensitively},
    {"QuerySecurityPackageInfoW finds kerberos", test_query_package_info_w_finds_kerberos},
    {"unknown package is SEC_E_SECPKG_NOT_FOUND", test_unknown_package_is_secpkg_not_found},
    {"unknown package sets the last error", test_unknown_package_sets_last_error},
    {"FreeContextBuffer refuses foreign pointers", test_free_context_buffer_refuses_foreign_pointers},
    {"FreeContextBuffer twice is refused", test_free_context_buffer_twice_is_refused},
    {"FreeContextBuffer(NULL) is SEC_E_OK", test_free_context_buffer_null_is_ok},
    {"nothing handed out is left after frees", test_nothing_handed_out_is_left_after_frees},
    {"function table A has every slot", test_function_table_a_has_every_slot},
    {"function table W has every slot", test_function_table_w_has_every_slot},
    {"packages query through the table", test_table_packages_query_through_table},
    {"bad handles are SEC_E_INVALID_HANDLE everywhere", test_bad_handles_are_invalid_handle_everywhere},
    {"unknown package in AcquireCredentialsHandle is SEC_E_SECPKG_NOT_FOUND", test_unknown_package_in_acquire_is_secpkg_not_found},
    {"version and backend are reported", test_version_and_backend_are_reported},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("packages and function tables", NULL, NULL, tests)
