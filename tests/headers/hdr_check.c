/* Header check, built as C99 and as C11 with -pedantic -Werror: <security.h> compiles
 * cleanly, and its values, sizes, offsets and prototypes are Windows'. Links no library:
 * functions are named only inside sizeof and _Generic, which are never evaluated.
 * Exits 0 when every check holds. */
#define SECURITY_WIN32
#include <security.h>
#include <security.h> /* a second inclusion must be harmless */
#include <sspi.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hdr_expect.h"

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define HDR_C11 1
#define HDR_LABEL "headers-c11"
#else
#define HDR_LABEL "headers-c99"
#endif

/* Windows' FAILED()/SUCCEEDED() from winerror.h, which sspi.h does not define. */
#define HDR_FAILED(s)    ((SECURITY_STATUS)(s) < 0)
#define HDR_SUCCEEDED(s) ((SECURITY_STATUS)(s) >= 0)

static unsigned checks_run;
static unsigned checks_failed;

static void expect(int ok, const char *what)
{
    checks_run++;
    if (!ok) {
        checks_failed++;
        fprintf(stderr, "FAIL: %s\n", what);
    }
}

static void test_status_codes_are_windows_values_with_windows_sign(void)
{
#define CHECK_STATUS(name, value)                                                      \
    expect((uint32_t)(name) == (value##u) && sizeof(name) == 4 &&                      \
               HDR_FAILED(name) == (((value##u) & 0x80000000u) != 0),                  \
           #name);
    HDR_STATUS_CODES(CHECK_STATUS)
#undef CHECK_STATUS
#ifdef HDR_C11
#define CHECK_STATUS_TYPE(name, value)                                                 \
    _Static_assert(_Generic((name), SECURITY_STATUS: 1, default: 0), #name " type");
    HDR_STATUS_CODES(CHECK_STATUS_TYPE)
#undef CHECK_STATUS_TYPE
#endif
}

static const char *status_kind(SECURITY_STATUS status)
{
    /* The codes are integer constant expressions, usable as case labels. */
    switch (status) {
    case SEC_E_OK:
        return "ok";
    case SEC_I_CONTINUE_NEEDED:
        return "continue";
    case SEC_E_LOGON_DENIED:
        return "denied";
    default:
        return HDR_FAILED(status) ? "failed" : "succeeded";
    }
}

static void test_status_codes_work_as_case_labels_and_failed_checks(void)
{
    expect(strcmp(status_kind(SEC_E_OK), "ok") == 0, "switch SEC_E_OK");
    expect(strcmp(status_kind(SEC_I_CONTINUE_NEEDED), "continue") == 0,
           "switch SEC_I_CONTINUE_NEEDED");
    expect(strcmp(status_kind(SEC_E_LOGON_DENIED), "denied") == 0, "switch SEC_E_LOGON_DENIED");
    expect(strcmp(status_kind(SEC_E_WRONG_PRINCIPAL), "failed") == 0,
           "SEC_E_WRONG_PRINCIPAL fails");
    expect(strcmp(status_kind(SEC_I_COMPLETE_NEEDED), "succeeded") == 0,
           "SEC_I_COMPLETE_NEEDED succeeds");
    expect(HDR_SUCCEEDED(SEC_I_RENEGOTIATE) && !HDR_FAILED(SEC_I_RENEGOTIATE),
           "SEC_I_RENEGOTIATE is a success");
    expect(SEC_E_NOT_SUPPORTED == SEC_E_UNSUPPORTED_FUNCTION, "SEC_E_NOT_SUPPORTED alias");
}

static void test_constants_are_windows_values(void)
{
#define CHECK_CONSTANT(name, value) expect((uint64_t)(name) == (value##u), #name);
    HDR_CONSTANTS(CHECK_CONSTANT)
#undef CHECK_CONSTANT
#define CHECK_CONSTANT64(name, value) expect((uint64_t)(name) == (value##ull), #name);
    HDR_CONSTANTS64(CHECK_CONSTANT64)
#undef CHECK_CONSTANT64
    expect(ISC_REQ_INTEGRITY != ASC_REQ_INTEGRITY, "ISC and ASC INTEGRITY differ");
    expect(((SECBUFFER_DATA | SECBUFFER_READONLY_WITH_CHECKSUM) & ~SECBUFFER_ATTRMASK) ==
               SECBUFFER_DATA,
           "ATTRMASK strips buffer flags");
    expect((SECBUFFER_UNMAPPED | SECBUFFER_KERNEL_MAP) == SECBUFFER_RESERVED,
           "RESERVED is UNMAPPED|KERNEL_MAP");
}

static void test_base_types_have_windows_widths(void)
{
    ULONG attrs = 0;
    uint32_t *as_u32 = &attrs; /* ULONG is uint32_t, never unsigned long */
    LONG l = -1;
    int32_t *as_i32 = &l;

    expect(sizeof(ULONG) == 4 && sizeof(LONG) == 4 && sizeof(USHORT) == 2, "ULONG/LONG/USHORT");
    expect(sizeof(UCHAR) == 1 && sizeof(BOOLEAN) == 1, "UCHAR/BOOLEAN");
    expect(sizeof(ULONG_PTR) == sizeof(void *) && sizeof(LONG_PTR) == sizeof(void *),
           "ULONG_PTR/LONG_PTR");
    expect(sizeof(SECURITY_STATUS) == 4 && sizeof(SEC_WCHAR) == 2 && sizeof(SEC_CHAR) == 1,
           "SSPI scalars");
    expect(sizeof(LUID) == 8, "LUID");
    expect((ULONG)-1 == 0xFFFFFFFFu && *as_u32 == 0 && *as_i32 == -1, "ULONG wraps at 32 bits");
}

static void test_structures_have_windows_x64_layout(void)
{
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
#define CHECK_SIZE(type, size) expect(sizeof(type) == (size), "sizeof " #type);
    HDR_SIZES_X64(CHECK_SIZE)
#undef CHECK_SIZE
#define CHECK_OFFSET(type, member, offset)                                             \
    expect(offsetof(type, member) == (offset), "offsetof " #type "." #member);
    HDR_OFFSETS_X64(CHECK_OFFSET)
#undef CHECK_OFFSET
#endif
}

static void test_prototypes_match_function_table_types(void)
{
    /* The two arms of ?: must have compatible pointer types (a constraint: an error under
     * -Werror otherwise); inside sizeof nothing is evaluated, so nothing is linked. */
#define CHECK_FUNCTION(fn, type)                                                       \
    expect(sizeof(1 ? (type)0 : &(fn)) == sizeof(type), #fn);
    HDR_FUNCTIONS(CHECK_FUNCTION)
#undef CHECK_FUNCTION
#ifdef HDR_C11
#define CHECK_FUNCTION_C11(fn, type)                                                   \
    _Static_assert(_Generic(&(fn), type: 1, default: 0), #fn " type");
    HDR_FUNCTIONS(CHECK_FUNCTION_C11)
#undef CHECK_FUNCTION_C11
#endif
}

static void test_handle_macros_follow_windows(void)
{
    CtxtHandle ctx;
    CredHandle cred;
    volatile int flag = 1;

    ctx.dwLower = 1;
    ctx.dwUpper = 2;
    expect(SecIsValidHandle(&ctx), "a handle with ordinary words is valid");
    SecInvalidateHandle(&ctx);
    expect(!SecIsValidHandle(&ctx), "an invalidated handle is invalid");
    expect(ctx.dwLower == (ULONG_PTR)-1 && ctx.dwUpper == (ULONG_PTR)-1,
           "invalidation sets both words to all ones");
    ctx.dwLower = 0;
    expect(!SecIsValidHandle(&ctx), "one all-ones word keeps a handle invalid");

    /* An expression: usable as the body of an if without braces. */
    if (flag)
        SecInvalidateHandle(&cred);
    else
        cred.dwLower = cred.dwUpper = 0;
    expect(!SecIsValidHandle(&cred), "SecInvalidateHandle in an unbraced if");
    expect(SEC_DELETED_HANDLE == (ULONG_PTR)-2, "SEC_DELETED_HANDLE");
}

static void test_ansi_names_are_the_default(void)
{
    SecPkgInfoA info;
    PSecPkgInfoA pa = (PSecPkgInfo)&info;
    SEC_WINNT_AUTH_IDENTITY_A id;
    SEC_WINNT_AUTH_IDENTITY *plain = &id;
    SecurityFunctionTableA table;
    PSecurityFunctionTable ptable = &table;
    INIT_SECURITY_INTERFACE_A init = (INIT_SECURITY_INTERFACE)NULL;
    SECURITY_PSTR pstr = (SEC_CHAR *)NULL;
    unsigned char user[] = "alice";

    memset(&id, 0, sizeof(id));
    id.User = user;
    id.UserLength = (ULONG)strlen((const char *)user);
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    memset(&table, 0, sizeof(table));
    table.dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5;

    expect(pa == &info && plain->UserLength == 5 && ptable->Reserved8 == NULL,
           "unsuffixed names are the A variants without UNICODE");
    expect(init == NULL && pstr == NULL, "INIT_SECURITY_INTERFACE, SECURITY_PSTR");
    expect(strcmp(SECURITY_ENTRYPOINT_ANSI, "InitSecurityInterfaceA") == 0,
           "SECURITY_ENTRYPOINT_ANSI");
    expect(strcmp(NEGOSSP_NAME, "Negotiate") == 0 &&
               strcmp(MICROSOFT_KERBEROS_NAME_A, "Kerberos") == 0 &&
               strcmp(NTLMSP_NAME_A, "NTLM") == 0,
           "package names");
#ifdef HDR_C11
    _Static_assert(_Generic((SecPkgInfo *)0, SecPkgInfoA *: 1, default: 0), "SecPkgInfo");
    _Static_assert(_Generic((SecurityFunctionTable *)0, SecurityFunctionTableA *: 1, default: 0),
                   "SecurityFunctionTable");
#endif
}

static void test_utf16_literals_fit_sec_wchar(void)
{
#ifdef HDR_C11
    SEC_WCHAR *kerberos = MICROSOFT_KERBEROS_NAME_W;
    SEC_WCHAR *nego = NEGOSSP_NAME_W;
    SEC_WCHAR *ntlm = NTLMSP_NAME;
    SEC_WCHAR *lit = u"host"; /* char16_t is unsigned short in C11: no cast */

    expect(kerberos[0] == 'K' && kerberos[7] == 's' && kerberos[8] == 0, "Kerberos UTF-16");
    expect(nego[0] == 'N' && nego[9] == 0 && ntlm[3] == 'M' && ntlm[4] == 0, "UTF-16 names");
    expect(lit[0] == 'h' && lit[4] == 0, "u\"...\" literal as SEC_WCHAR *");
#endif
}

int main(void)
{
    test_status_codes_are_windows_values_with_windows_sign();
    test_status_codes_work_as_case_labels_and_failed_checks();
    test_constants_are_windows_values();
    test_base_types_have_windows_widths();
    test_structures_have_windows_x64_layout();
    test_prototypes_match_function_table_types();
    test_handle_macros_follow_windows();
    test_ansi_names_are_the_default();
    test_utf16_literals_fit_sec_wchar();

    printf("%s: %u passed, %u failed\n", HDR_LABEL, checks_run - checks_failed, checks_failed);
    return checks_failed == 0 ? 0 : 1;
}
