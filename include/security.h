/* security.h: the header Windows SSPI code includes; brings in sspi.h and the names of
 * the built-in packages. */
#ifndef SSPIBRIDGE_SECURITY_H
#define SSPIBRIDGE_SECURITY_H

/* Windows requires SECURITY_WIN32, SECURITY_KERNEL or SECURITY_MAC to be defined before
 * this header. Here any of them, or none, gives the same user-mode API. */

#include <sspi.h>

/* Package names, matched case-insensitively by the package functions. The wide (_W and
 * unsuffixed wide) names are UTF-16 literals of type SEC_WCHAR *; they need C11 or C++11
 * for u"..." literals. Windows declares them as L"..."; a wchar_t string would be 32-bit
 * here, so such code must use these macros or u"..." instead. */
#ifndef NTLMSP_NAME_A
#define NTLMSP_NAME_A "NTLM"
#endif
#ifndef MICROSOFT_KERBEROS_NAME_A
#define MICROSOFT_KERBEROS_NAME_A "Kerberos"
#endif
#ifndef NEGOSSP_NAME_A
#define NEGOSSP_NAME_A "Negotiate"
#endif

#if defined(__cplusplus) && __cplusplus >= 201103L
#define SSPIBRIDGE_UTF16_NAME(s)                                                             \
    const_cast<SEC_WCHAR *>(reinterpret_cast<const SEC_WCHAR *>(u##s))
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define SSPIBRIDGE_UTF16_NAME(s) ((SEC_WCHAR *)u##s)
#endif

#ifdef SSPIBRIDGE_UTF16_NAME
#ifndef NTLMSP_NAME
#define NTLMSP_NAME SSPIBRIDGE_UTF16_NAME("NTLM")
#endif
#ifndef MICROSOFT_KERBEROS_NAME_W
#define MICROSOFT_KERBEROS_NAME_W SSPIBRIDGE_UTF16_NAME("Kerberos")
#define MICROSOFT_KERBEROS_NAME   MICROSOFT_KERBEROS_NAME_W
#endif
#ifndef NEGOSSP_NAME_W
#define NEGOSSP_NAME_W SSPIBRIDGE_UTF16_NAME("Negotiate")
#endif
#endif

#ifndef NEGOSSP_NAME
#ifdef UNICODE
#define NEGOSSP_NAME NEGOSSP_NAME_W
#else
#define NEGOSSP_NAME NEGOSSP_NAME_A
#endif
#endif

#endif /* SSPIBRIDGE_SECURITY_H */
