// Header check, built as C++11 with -pedantic -Werror: <security.h> compiles cleanly as
// C++ and its values, sizes, offsets and prototypes are Windows'. Links no library:
// functions are named only inside decltype. Exits 0 when every check holds.
#define SECURITY_WIN32
#include <security.h>
#include <security.h> // a second inclusion must be harmless
#include <sspi.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <type_traits>

#include "hdr_expect.h"

namespace {

unsigned checks_run;
unsigned checks_failed;

void expect(bool ok, const char *what)
{
    checks_run++;
    if (!ok) {
        checks_failed++;
        std::fprintf(stderr, "FAIL: %s\n", what);
    }
}

// The codes are constant expressions of type SECURITY_STATUS with Windows' bit patterns;
// errors are negative.
#define CHECK_STATUS(name, bits)                                                       \
    static_assert(std::is_same<decltype(name), SECURITY_STATUS>::value, #name " type"); \
    static_assert(static_cast<std::uint32_t>(name) == (bits##u), #name " value");       \
    static_assert(((name) < 0) == (((bits##u) & 0x80000000u) != 0), #name " sign");
HDR_STATUS_CODES(CHECK_STATUS)
#undef CHECK_STATUS

#define CHECK_CONSTANT(name, value)                                                    \
    static_assert(static_cast<std::uint64_t>(name) == (value##u), #name);
HDR_CONSTANTS(CHECK_CONSTANT)
#undef CHECK_CONSTANT

#define CHECK_CONSTANT64(name, value)                                                  \
    static_assert(static_cast<std::uint64_t>(name) == (value##ull), #name);
HDR_CONSTANTS64(CHECK_CONSTANT64)
#undef CHECK_CONSTANT64

#define CHECK_FUNCTION(fn, type)                                                       \
    static_assert(std::is_same<decltype(&fn), type>::value, #fn " type");
HDR_FUNCTIONS(CHECK_FUNCTION)
#undef CHECK_FUNCTION

static_assert(sizeof(ULONG) == 4 && sizeof(LONG) == 4 && sizeof(SECURITY_STATUS) == 4,
              "32-bit ULONG/LONG");
static_assert(std::is_same<ULONG, std::uint32_t>::value, "ULONG is uint32_t");
static_assert(std::is_same<SEC_WCHAR, unsigned short>::value, "SEC_WCHAR");
static_assert(std::is_same<SecPkgInfo, SecPkgInfoA>::value, "ANSI by default");
static_assert(std::is_same<SecurityFunctionTable, SecurityFunctionTableA>::value,
              "ANSI table by default");
static_assert(std::is_same<INIT_SECURITY_INTERFACE, INIT_SECURITY_INTERFACE_A>::value,
              "ANSI INIT_SECURITY_INTERFACE by default");

#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
#define CHECK_SIZE(type, size) static_assert(sizeof(type) == (size), "sizeof " #type);
HDR_SIZES_X64(CHECK_SIZE)
#undef CHECK_SIZE
#define CHECK_OFFSET(type, member, offset)                                             \
    static_assert(offsetof(type, member) == (offset), "offsetof " #type "." #member);
HDR_OFFSETS_X64(CHECK_OFFSET)
#undef CHECK_OFFSET
#endif

const char *status_kind(SECURITY_STATUS status)
{
    switch (status) {
    case SEC_E_OK:
        return "ok";
    case SEC_I_CONTINUE_NEEDED:
        return "continue";
    case SEC_E_LOGON_DENIED:
        return "denied";
    default:
        return status < 0 ? "failed" : "succeeded";
    }
}

void test_status_codes_at_run_time()
{
#define CHECK_STATUS(name, value)                                                      \
    expect(static_cast<std::uint32_t>(name) == (value##u) &&                           \
               ((name) < 0) == (((value##u) & 0x80000000u) != 0),                      \
           #name);
    HDR_STATUS_CODES(CHECK_STATUS)
#undef CHECK_STATUS
    expect(std::strcmp(status_kind(SEC_E_OK), "ok") == 0, "switch SEC_E_OK");
    expect(std::strcmp(status_kind(SEC_I_CONTINUE_NEEDED), "continue") == 0,
           "switch SEC_I_CONTINUE_NEEDED");
    expect(std::strcmp(status_kind(SEC_E_INVALID_TOKEN), "failed") == 0,
           "SEC_E_INVALID_TOKEN fails");
    expect(std::strcmp(status_kind(SEC_I_COMPLETE_AND_CONTINUE), "succeeded") == 0,
           "SEC_I_COMPLETE_AND_CONTINUE succeeds");
}

void test_layout_at_run_time()
{
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
#define CHECK_SIZE(type, size) expect(sizeof(type) == (size), "sizeof " #type);
    HDR_SIZES_X64(CHECK_SIZE)
#undef CHECK_SIZE
#endif
}

void test_handle_macros()
{
    CtxtHandle ctx;
    ctx.dwLower = 1;
    ctx.dwUpper = 2;
    expect(SecIsValidHandle(&ctx), "a handle with ordinary words is valid");
    SecInvalidateHandle(&ctx);
    expect(!SecIsValidHandle(&ctx), "an invalidated handle is invalid");
    expect(ctx.dwLower == static_cast<ULONG_PTR>(-1) && ctx.dwUpper == static_cast<ULONG_PTR>(-1),
           "invalidation sets both words to all ones");
    ctx.dwUpper = 0;
    expect(!SecIsValidHandle(&ctx), "one all-ones word keeps a handle invalid");
}

void test_names_and_literals()
{
    SEC_WCHAR *kerberos = MICROSOFT_KERBEROS_NAME_W;
    SEC_WCHAR *nego = NEGOSSP_NAME_W;
    // C++ keeps char16_t distinct from unsigned short: a u"..." literal needs the cast.
    const SEC_WCHAR *spn = reinterpret_cast<const SEC_WCHAR *>(u"HTTP/web.example.com");

    expect(kerberos[0] == 'K' && kerberos[8] == 0, "Kerberos UTF-16");
    expect(nego[0] == 'N' && nego[9] == 0, "Negotiate UTF-16");
    expect(spn[0] == 'H' && spn[4] == '/', "u\"...\" literal through reinterpret_cast");
    expect(std::strcmp(NEGOSSP_NAME, "Negotiate") == 0, "NEGOSSP_NAME is ANSI by default");
    expect(std::strcmp(SECURITY_ENTRYPOINT_ANSI, "InitSecurityInterfaceA") == 0,
           "SECURITY_ENTRYPOINT_ANSI");

    SecurityFunctionTableW table;
    std::memset(&table, 0, sizeof(table));
    table.dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5;
    expect(table.QueryCredentialsAttributesExW == nullptr && table.Reserved2 == nullptr,
           "function table fields");
}

} // namespace

int main()
{
    test_status_codes_at_run_time();
    test_layout_at_run_time();
    test_handle_macros();
    test_names_and_literals();

    std::printf("headers-cxx: %u passed, %u failed\n", checks_run - checks_failed,
                checks_failed);
    return checks_failed == 0 ? 0 : 1;
}
