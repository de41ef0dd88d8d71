/* Header check, built as C11 with -DUNICODE: the unsuffixed names select the W variants,
 * as on Windows. Links no library (functions appear only in _Generic and sizeof).
 * Exits 0 when every check holds. */
#ifndef UNICODE
#error "build this check with -DUNICODE"
#endif
#define SECURITY_WIN32
#include <security.h>

#include <stdio.h>
#include <string.h>

#define IS_TYPE(expr, type) _Generic((expr), type: 1, default: 0)

/* Types: each unsuffixed name is the W type. */
_Static_assert(IS_TYPE((SecPkgInfo *)0, SecPkgInfoW *), "SecPkgInfo");
_Static_assert(IS_TYPE((PSecPkgInfo)0, PSecPkgInfoW), "PSecPkgInfo");
_Static_assert(IS_TYPE((SEC_WINNT_AUTH_IDENTITY *)0, SEC_WINNT_AUTH_IDENTITY_W *),
               "SEC_WINNT_AUTH_IDENTITY");
_Static_assert(IS_TYPE((PSEC_WINNT_AUTH_IDENTITY_EX)0, PSEC_WINNT_AUTH_IDENTITY_EXW),
               "PSEC_WINNT_AUTH_IDENTITY_EX");
_Static_assert(IS_TYPE((SecurityFunctionTable *)0, SecurityFunctionTableW *),
               "SecurityFunctionTable");
_Static_assert(IS_TYPE((PSecurityFunctionTable)0, PSecurityFunctionTableW),
               "PSecurityFunctionTable");
_Static_assert(IS_TYPE((INIT_SECURITY_INTERFACE)0, INIT_SECURITY_INTERFACE_W),
               "INIT_SECURITY_INTERFACE");
_Static_assert(IS_TYPE((SecPkgContext_Names *)0, SecPkgContext_NamesW *), "Names");
_Static_assert(IS_TYPE((SecPkgContext_NativeNames *)0, SecPkgContext_NativeNamesW *),
               "NativeNames");
_Static_assert(IS_TYPE((SecPkgContext_PackageInfo *)0, SecPkgContext_PackageInfoW *),
               "PackageInfo");
_Static_assert(IS_TYPE((SecPkgContext_NegotiationInfo *)0, SecPkgContext_NegotiationInfoW *),
               "NegotiationInfo");
_Static_assert(IS_TYPE((SecPkgContext_KeyInfo *)0, SecPkgContext_KeyInfoW *), "KeyInfo");
_Static_assert(IS_TYPE((SecPkgContext_CredentialName *)0, SecPkgContext_CredentialNameW *),
               "CredentialName");
_Static_assert(IS_TYPE((SecPkgCredentials_Names *)0, SecPkgCredentials_NamesW *),
               "SecPkgCredentials_Names");
_Static_assert(IS_TYPE((SECURITY_PSTR)0, SEC_WCHAR *), "SECURITY_PSTR");

/* Functions: each unsuffixed name is the W function with the W pointer type. */
_Static_assert(IS_TYPE(&InitSecurityInterface, INIT_SECURITY_INTERFACE_W),
               "InitSecurityInterface");
_Static_assert(IS_TYPE(&AcquireCredentialsHandle, ACQUIRE_CREDENTIALS_HANDLE_FN),
               "AcquireCredentialsHandle");
_Static_assert(IS_TYPE(&AcquireCredentialsHandle, ACQUIRE_CREDENTIALS_HANDLE_FN_W),
               "AcquireCredentialsHandle is W");
_Static_assert(IS_TYPE(&InitializeSecurityContext, INITIALIZE_SECURITY_CONTEXT_FN_W),
               "InitializeSecurityContext");
_Static_assert(IS_TYPE(&EnumerateSecurityPackages, ENUMERATE_SECURITY_PACKAGES_FN_W),
               "EnumerateSecurityPackages");
_Static_assert(IS_TYPE(&QuerySecurityPackageInfo, QUERY_SECURITY_PACKAGE_INFO_FN_W),
               "QuerySecurityPackageInfo");
_Static_assert(IS_TYPE(&QueryContextAttributes, QUERY_CONTEXT_ATTRIBUTES_FN_W),
               "QueryContextAttributes");
_Static_assert(IS_TYPE(&QueryContextAttributesEx, QUERY_CONTEXT_ATTRIBUTES_EX_FN_W),
               "QueryContextAttributesEx");
_Static_assert(IS_TYPE(&SetContextAttributes, SET_CONTEXT_ATTRIBUTES_FN_W),
               "SetContextAttributes");
_Static_assert(IS_TYPE(&QueryCredentialsAttributes, QUERY_CREDENTIALS_ATTRIBUTES_FN_W),
               "QueryCredentialsAttributes");
_Static_assert(IS_TYPE(&QueryCredentialsAttributesEx, QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_W),
               "QueryCredentialsAttributesEx");
_Static_assert(IS_TYPE(&SetCredentialsAttributes, SET_CREDENTIALS_ATTRIBUTES_FN_W),
               "SetCredentialsAttributes");
_Static_assert(IS_TYPE(&AddCredentials, ADD_CREDENTIALS_FN_W), "AddCredentials");
_Static_assert(IS_TYPE(&ImportSecurityContext, IMPORT_SECURITY_CONTEXT_FN_W),
               "ImportSecurityContext");
_Static_assert(IS_TYPE(&ChangeAccountPassword, CHANGE_PASSWORD_FN_W), "ChangeAccountPassword");
_Static_assert(IS_TYPE(NEGOSSP_NAME, SEC_WCHAR *), "NEGOSSP_NAME is UTF-16");

/* Windows code calls through the unsuffixed field names; under UNICODE the macros turn
 * them into the W fields. */
#define TABLE ((PSecurityFunctionTable)0)
_Static_assert(IS_TYPE(TABLE->AcquireCredentialsHandle, ACQUIRE_CREDENTIALS_HANDLE_FN_W),
               "table->AcquireCredentialsHandle");
_Static_assert(IS_TYPE(TABLE->InitializeSecurityContext, INITIALIZE_SECURITY_CONTEXT_FN_W),
               "table->InitializeSecurityContext");
_Static_assert(IS_TYPE(TABLE->QueryContextAttributes, QUERY_CONTEXT_ATTRIBUTES_FN_W),
               "table->QueryContextAttributes");
_Static_assert(IS_TYPE(TABLE->FreeCredentialHandle, FREE_CREDENTIALS_HANDLE_FN),
               "table->FreeCredentialHandle, the old name");
#undef TABLE

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

static void test_unicode_identity_takes_utf16(void)
{
    SEC_WCHAR user[] = u"alice";
    SEC_WCHAR domain[] = u"EXAMPLE.COM";
    SEC_WINNT_AUTH_IDENTITY id;
    SEC_WINNT_AUTH_IDENTITY_W *as_w = &id; /* same type, no cast */

    memset(&id, 0, sizeof(id));
    id.User = user;
    id.UserLength = 5;
    id.Domain = domain;
    id.DomainLength = 11;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
    expect(as_w->User[0] == 'a' && as_w->Domain[10] == 'M', "identity holds UTF-16");
    expect(sizeof(id) == sizeof(SEC_WINNT_AUTH_IDENTITY_W), "sizeof SEC_WINNT_AUTH_IDENTITY");
}

static void test_unicode_function_table_fields(void)
{
    SecurityFunctionTable table;
    PSecurityFunctionTableW w = &table;
    INIT_SECURITY_INTERFACE init = (INIT_SECURITY_INTERFACE_W)NULL;

    memset(&table, 0, sizeof(table));
    table.dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5;
    expect(w->AcquireCredentialsHandle == NULL && w->QueryCredentialsAttributesExW == NULL,
           "table fields through unsuffixed names");
    expect(init == NULL && sizeof(table) == sizeof(SecurityFunctionTableW), "W table");
    expect(strcmp(SECURITY_ENTRYPOINT_ANSI, "InitSecurityInterfaceW") == 0,
           "SECURITY_ENTRYPOINT_ANSI");
}

static void test_unicode_package_names(void)
{
    SEC_WCHAR *nego = NEGOSSP_NAME;
    SEC_WCHAR *kerberos = MICROSOFT_KERBEROS_NAME;
    static const char expect_nego[] = "Negotiate";
    int same = 1;

    for (size_t i = 0; i < sizeof(expect_nego); i++)
        same = same && nego[i] == (SEC_WCHAR)expect_nego[i];
    expect(same, "NEGOSSP_NAME spells Negotiate in UTF-16");
    expect(kerberos[0] == 'K' && kerberos[8] == 0, "MICROSOFT_KERBEROS_NAME");
}

int main(void)
{
    test_unicode_identity_takes_utf16();
    test_unicode_function_table_fields();
    test_unicode_package_names();

    printf("headers-unicode: %u passed, %u failed\n", checks_run - checks_failed, checks_failed);
    return checks_failed == 0 ? 0 : 1;
}
