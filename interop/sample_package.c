/* Package selection for the sample programs (sample_package.h). */
#include "interop/sample_package.h"

#include "interop/sample_report.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *oid; /* dotted */
    const char *package;
} package_oids[] = {
    {"1.2.840.113554.1.2.2", MICROSOFT_KERBEROS_NAME_A}, /* RFC 1964 krb5 */
    {"1.2.840.48018.1.2.2", MICROSOFT_KERBEROS_NAME_A},  /* Microsoft's krb5 OID */
    {"1.3.5.1.5.2", MICROSOFT_KERBEROS_NAME_A},          /* pre-RFC krb5 (old gss-client -krb5) */
    {"1.3.6.1.5.5.2", NEGOSSP_NAME_A},                   /* SPNEGO, RFC 4178 */
    {"1.3.6.1.4.1.311.2.2.10", NTLMSP_NAME_A},           /* NTLMSSP */
};

static const struct {
    const char *name;
    const char *package;
} package_names[] = {
    {"krb5", MICROSOFT_KERBEROS_NAME_A},    {"kerberos", MICROSOFT_KERBEROS_NAME_A},
    {"spnego", NEGOSSP_NAME_A},             {"negotiate", NEGOSSP_NAME_A},
    {"ntlm", NTLMSP_NAME_A},
};

/* "{ 1 2 840 }" or "1.2.840" -> "1.2.840" in out; 0 on success. */
static int package_dotted(const char *in, char *out, size_t size)
{
    size_t n = 0;
    int braces = (*in == '{');
    const char *p = braces ? in + 1 : in;
    int want_digit = 1;

    for (; *p != '\0' && *p != '}'; p++) {
        if (isdigit((unsigned char)*p)) {
            if (n + 1 >= size)
                return -1;
            out[n++] = *p;
            want_digit = 0;
        } else if (*p == '.' || *p == ' ') {
            if (braces ? *p == '.' : *p == ' ')
                return -1;
            if (!want_digit) {
                if (n + 1 >= size)
                    return -1;
                out[n++] = '.';
                want_digit = 1;
            }
        } else {
            return -1;
        }
    }
    if (braces != (*p == '}') || (braces && p[1] != '\0'))
        return -1;
    if (n > 0 && out[n - 1] == '.')
        n--;
    out[n] = '\0';
    return n > 0 ? 0 : -1;
}

const char *package_from_mech(const char *mech)
{
    char dotted[128];

    for (size_t i = 0; i < sizeof(package_names) / sizeof(package_names[0]); i++)
        if (strcasecmp(mech, package_names[i].name) == 0)
            return package_names[i].package;
    if (package_dotted(mech, dotted, sizeof(dotted)) != 0)
        return NULL;
    for (size_t i = 0; i < sizeof(package_oids) / sizeof(package_oids[0]); i++)
        if (strcmp(dotted, package_oids[i].oid) == 0)
            return package_oids[i].package;
    return NULL;
}

ULONG package_max_token(const char *package)
{
    PSecPkgInfoA info = NULL;
    SECURITY_STATUS status;
    ULONG max;

    status = QuerySecurityPackageInfoA((SEC_CHAR *)package, &info);
    if (status != SEC_E_OK) {
        report_failure("QuerySecurityPackageInfo", status);
        return 0;
    }
    max = info->cbMaxToken;
    FreeContextBuffer(info);
    return max;
}
