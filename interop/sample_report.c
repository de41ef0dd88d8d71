/* Diagnostics and attribute display for the sample programs (sample_report.h). */
#include "interop/sample_report.h"

#include <ctype.h>
#include <sspibridge.h>
#include <string.h>
#include <strings.h>

static const char *report_progname = "sspi-sample";

void report_set_prog(const char *prog)
{
    report_progname = prog;
}

const char *report_prog(void)
{
    return report_progname;
}

void report_failure(const char *call, SECURITY_STATUS status)
{
    SSPIBRIDGE_LAST_ERROR err;
    int have = sspibridge_last_error(&err) && err.Status == status && err.Message[0] != '\0';

    fprintf(stderr, "%s: %s failed: %s (0x%08x)%s%s\n", report_progname, call,
            sspibridge_status_name(status), (unsigned)status, have ? ": " : "",
            have ? err.Message : "");
    fflush(stderr);
}

typedef struct report_flag {
    ULONG bit;
    const char *name;
} report_flag;

#define REPORT_FLAG(f) {f, #f}

static const report_flag report_isc_ret[] = {
    REPORT_FLAG(ISC_RET_DELEGATE),           REPORT_FLAG(ISC_RET_MUTUAL_AUTH),
    REPORT_FLAG(ISC_RET_REPLAY_DETECT),      REPORT_FLAG(ISC_RET_SEQUENCE_DETECT),
    REPORT_FLAG(ISC_RET_CONFIDENTIALITY),    REPORT_FLAG(ISC_RET_USE_SESSION_KEY),
    REPORT_FLAG(ISC_RET_USED_COLLECTED_CREDS), REPORT_FLAG(ISC_RET_USED_SUPPLIED_CREDS),
    REPORT_FLAG(ISC_RET_ALLOCATED_MEMORY),   REPORT_FLAG(ISC_RET_USED_DCE_STYLE),
    REPORT_FLAG(ISC_RET_DATAGRAM),           REPORT_FLAG(ISC_RET_CONNECTION),
    REPORT_FLAG(ISC_RET_INTERMEDIATE_RETURN), REPORT_FLAG(ISC_RET_CALL_LEVEL),
    REPORT_FLAG(ISC_RET_EXTENDED_ERROR),     REPORT_FLAG(ISC_RET_STREAM),
    REPORT_FLAG(ISC_RET_INTEGRITY),          REPORT_FLAG(ISC_RET_IDENTIFY),
    REPORT_FLAG(ISC_RET_NULL_SESSION),       REPORT_FLAG(ISC_RET_MANUAL_CRED_VALIDATION),
    REPORT_FLAG(ISC_RET_FRAGMENT_ONLY),      REPORT_FLAG(ISC_RET_FORWARD_CREDENTIALS),
    REPORT_FLAG(ISC_RET_USED_HTTP_STYLE),    REPORT_FLAG(ISC_RET_NO_ADDITIONAL_TOKEN),
    REPORT_FLAG(ISC_RET_REAUTHENTICATION),   REPORT_FLAG(ISC_RET_CONFIDENTIALITY_ONLY),
};

static const report_flag report_asc_ret[] = {
    REPORT_FLAG(ASC_RET_DELEGATE),          REPORT_FLAG(ASC_RET_MUTUAL_AUTH),
    REPORT_FLAG(ASC_RET_REPLAY_DETECT),     REPORT_FLAG(ASC_RET_SEQUENCE_DETECT),
    REPORT_FLAG(ASC_RET_CONFIDENTIALITY),   REPORT_FLAG(ASC_RET_USE_SESSION_KEY),
    REPORT_FLAG(ASC_RET_SESSION_TICKET),    REPORT_FLAG(ASC_RET_ALLOCATED_MEMORY),
    REPORT_FLAG(ASC_RET_USED_DCE_STYLE),    REPORT_FLAG(ASC_RET_DATAGRAM),
    REPORT_FLAG(ASC_RET_CONNECTION),        REPORT_FLAG(ASC_RET_CALL_LEVEL),
    REPORT_FLAG(ASC_RET_THIRD_LEG_FAILED),  REPORT_FLAG(ASC_RET_EXTENDED_ERROR),
    REPORT_FLAG(ASC_RET_STREAM),            REPORT_FLAG(ASC_RET_INTEGRITY),
    REPORT_FLAG(ASC_RET_LICENSING),         REPORT_FLAG(ASC_RET_IDENTIFY),
    REPORT_FLAG(ASC_RET_NULL_SESSION),      REPORT_FLAG(ASC_RET_ALLOW_NON_USER_LOGONS),
    REPORT_FLAG(ASC_RET_ALLOW_CONTEXT_REPLAY), REPORT_FLAG(ASC_RET_FRAGMENT_ONLY),
    REPORT_FLAG(ASC_RET_NO_TOKEN),          REPORT_FLAG(ASC_RET_NO_ADDITIONAL_TOKEN),
};

static const report_flag report_isc_req[] = {
    REPORT_FLAG(ISC_REQ_DELEGATE),         REPORT_FLAG(ISC_REQ_MUTUAL_AUTH),
    REPORT_FLAG(ISC_REQ_REPLAY_DETECT),    REPORT_FLAG(ISC_REQ_SEQUENCE_DETECT),
    REPORT_FLAG(ISC_REQ_CONFIDENTIALITY),  REPORT_FLAG(ISC_REQ_USE_SESSION_KEY),
    REPORT_FLAG(ISC_REQ_PROMPT_FOR_CREDS), REPORT_FLAG(ISC_REQ_USE_SUPPLIED_CREDS),
    REPORT_FLAG(ISC_REQ_ALLOCATE_MEMORY),  REPORT_FLAG(ISC_REQ_USE_DCE_STYLE),
    REPORT_FLAG(ISC_REQ_DATAGRAM),         REPORT_FLAG(ISC_REQ_CONNECTION),
    REPORT_FLAG(ISC_REQ_CALL_LEVEL),       REPORT_FLAG(ISC_REQ_FRAGMENT_SUPPLIED),
    REPORT_FLAG(ISC_REQ_EXTENDED_ERROR),   REPORT_FLAG(ISC_REQ_STREAM),
    REPORT_FLAG(ISC_REQ_INTEGRITY),        REPORT_FLAG(ISC_REQ_IDENTIFY),
    REPORT_FLAG(ISC_REQ_NULL_SESSION),     REPORT_FLAG(ISC_REQ_MANUAL_CRED_VALIDATION),
    REPORT_FLAG(ISC_REQ_FRAGMENT_TO_FIT),  REPORT_FLAG(ISC_REQ_FORWARD_CREDENTIALS),
    REPORT_FLAG(ISC_REQ_NO_INTEGRITY),     REPORT_FLAG(ISC_REQ_USE_HTTP_STYLE),
    REPORT_FLAG(ISC_REQ_UNVERIFIED_TARGET_NAME), REPORT_FLAG(ISC_REQ_CONFIDENTIALITY_ONLY),
};

static const report_flag report_asc_req[] = {
    REPORT_FLAG(ASC_REQ_DELEGATE),         REPORT_FLAG(ASC_REQ_MUTUAL_AUTH),
    REPORT_FLAG(ASC_REQ_REPLAY_DETECT),    REPORT_FLAG(ASC_REQ_SEQUENCE_DETECT),
    REPORT_FLAG(ASC_REQ_CONFIDENTIALITY),  REPORT_FLAG(ASC_REQ_USE_SESSION_KEY),
    REPORT_FLAG(ASC_REQ_SESSION_TICKET),   REPORT_FLAG(ASC_REQ_ALLOCATE_MEMORY),
    REPORT_FLAG(ASC_REQ_USE_DCE_STYLE),    REPORT_FLAG(ASC_REQ_DATAGRAM),
    REPORT_FLAG(ASC_REQ_CONNECTION),       REPORT_FLAG(ASC_REQ_CALL_LEVEL),
    REPORT_FLAG(ASC_REQ_FRAGMENT_SUPPLIED), REPORT_FLAG(ASC_REQ_EXTENDED_ERROR),
    REPORT_FLAG(ASC_REQ_STREAM),           REPORT_FLAG(ASC_REQ_INTEGRITY),
    REPORT_FLAG(ASC_REQ_LICENSING),        REPORT_FLAG(ASC_REQ_IDENTIFY),
    REPORT_FLAG(ASC_REQ_ALLOW_NULL_SESSION), REPORT_FLAG(ASC_REQ_ALLOW_NON_USER_LOGONS),
    REPORT_FLAG(ASC_REQ_ALLOW_CONTEXT_REPLAY), REPORT_FLAG(ASC_REQ_FRAGMENT_TO_FIT),
    REPORT_FLAG(ASC_REQ_NO_TOKEN),         REPORT_FLAG(ASC_REQ_PROXY_BINDINGS),
    REPORT_FLAG(ASC_REQ_ALLOW_MISSING_BINDINGS),
};

#define REPORT_COUNT(t) (sizeof(t) / sizeof((t)[0]))

/* The GSSAPI flag each SSPI attribute stands for, in the order and spelling of MIT's
 * display_ctx_flags (its CONF and INTEG lines end in a blank). The low five ISC_RET and
 * ASC_RET bits are the same; integrity differs (ISC 0x10000, ASC 0x20000). */
static const struct {
    ULONG isc, asc;
    const char *line;
} report_gss_lines[] = {
    {ISC_RET_DELEGATE, ASC_RET_DELEGATE, "context flag: GSS_C_DELEG_FLAG"},
    {ISC_RET_MUTUAL_AUTH, ASC_RET_MUTUAL_AUTH, "context flag: GSS_C_MUTUAL_FLAG"},
    {ISC_RET_REPLAY_DETECT, ASC_RET_REPLAY_DETECT, "context flag: GSS_C_REPLAY_FLAG"},
    {ISC_RET_SEQUENCE_DETECT, ASC_RET_SEQUENCE_DETECT, "context flag: GSS_C_SEQUENCE_FLAG"},
    {ISC_RET_CONFIDENTIALITY, ASC_RET_CONFIDENTIALITY, "context flag: GSS_C_CONF_FLAG "},
    {ISC_RET_INTEGRITY, ASC_RET_INTEGRITY, "context flag: GSS_C_INTEG_FLAG "},
};

static const char *report_flags_text(const report_flag *rows, size_t n, ULONG v, char *buf,
                                     size_t size)
{
    size_t used;
    ULONG rest = v;
    int w = snprintf(buf, size, "0x%08x (", (unsigned)v);

    if (w < 0 || (size_t)w >= size)
        return buf;
    used = (size_t)w;
    for (size_t i = 0; i < n; i++) {
        if ((v & rows[i].bit) == 0)
            continue;
        rest &= ~rows[i].bit;
        w = snprintf(buf + used, size - used, "%s%s", buf[used - 1] == '(' ? "" : " | ",
                     rows[i].name);
        if (w < 0 || (size_t)w >= size - used)
            return buf;
        used += (size_t)w;
    }
    if (rest != 0) {
        w = snprintf(buf + used, size - used, "%s0x%x", buf[used - 1] == '(' ? "" : " | ",
                     (unsigned)rest);
        if (w < 0 || (size_t)w >= size - used)
            return buf;
        used += (size_t)w;
    }
    snprintf(buf + used, size - used, "%s", buf[used - 1] == '(' ? "none)" : ")");
    return buf;
}

void report_ctx_attrs(FILE *out, ULONG attrs, int acceptor)
{
    char buf[1024];

    for (size_t i = 0; i < REPORT_COUNT(report_gss_lines); i++)
        if (attrs & (acceptor ? report_gss_lines[i].asc : report_gss_lines[i].isc))
            fprintf(out, "%s\n", report_gss_lines[i].line);
    if (acceptor)
        report_flags_text(report_asc_ret, REPORT_COUNT(report_asc_ret), attrs, buf, sizeof(buf));
    else
        report_flags_text(report_isc_ret, REPORT_COUNT(report_isc_ret), attrs, buf, sizeof(buf));
    fprintf(out, "Context attributes: %s\n", buf);
}

const char *report_req_text(ULONG req, int acceptor, char *buf, size_t size)
{
    if (acceptor)
        return report_flags_text(report_asc_req, REPORT_COUNT(report_asc_req), req, buf, size);
    return report_flags_text(report_isc_req, REPORT_COUNT(report_isc_req), req, buf, size);
}

SECURITY_STATUS report_key_info(FILE *out, PCtxtHandle ctx)
{
    SecPkgContext_KeyInfoA ki;
    SECURITY_STATUS status;

    memset(&ki, 0, sizeof(ki));
    status = QueryContextAttributesA(ctx, SECPKG_ATTR_KEY_INFO, &ki);
    if (status != SEC_E_OK) {
        report_failure("QueryContextAttributes(SECPKG_ATTR_KEY_INFO)", status);
        return status;
    }
    fprintf(out, "Session key: enctype %u (%s), %u bits, signature algorithm %u (%s)\n",
            (unsigned)ki.EncryptAlgorithm,
            ki.sEncryptAlgorithmName ? ki.sEncryptAlgorithmName : "?", (unsigned)ki.KeySize,
            (unsigned)ki.SignatureAlgorithm,
            ki.sSignatureAlgorithmName ? ki.sSignatureAlgorithmName : "?");
    if (ki.sEncryptAlgorithmName != NULL)
        FreeContextBuffer(ki.sEncryptAlgorithmName);
    if (ki.sSignatureAlgorithmName != NULL)
        FreeContextBuffer(ki.sSignatureAlgorithmName);
    return SEC_E_OK;
}

static const char *report_negotiation_state(ULONG state)
{
    switch (state) {
    case SECPKG_NEGOTIATION_COMPLETE:
        return "SECPKG_NEGOTIATION_COMPLETE";
    case SECPKG_NEGOTIATION_OPTIMISTIC:
        return "SECPKG_NEGOTIATION_OPTIMISTIC";
    case SECPKG_NEGOTIATION_IN_PROGRESS:
        return "SECPKG_NEGOTIATION_IN_PROGRESS";
    case SECPKG_NEGOTIATION_DIRECT:
        return "SECPKG_NEGOTIATION_DIRECT";
    case SECPKG_NEGOTIATION_TRY_MULTICRED:
        return "SECPKG_NEGOTIATION_TRY_MULTICRED";
    default:
        return "unknown state";
    }
}

SECURITY_STATUS report_package(FILE *out, PCtxtHandle ctx, const char *asked, char *used,
                               size_t size)
{
    SecPkgContext_NegotiationInfoA ni;
    SECURITY_STATUS status;

    snprintf(used, size, "%s", asked);
    /* Only Negotiate has something to report: Kerberos and NTLM are what was asked for. */
    if (strcasecmp(asked, NEGOSSP_NAME_A) != 0) {
        fprintf(out, "Package: %s\n", asked);
        return SEC_E_OK;
    }
    memset(&ni, 0, sizeof(ni));
    status = QueryContextAttributesA(ctx, SECPKG_ATTR_NEGOTIATION_INFO, &ni);
    if (status != SEC_E_OK) {
        report_failure("QueryContextAttributes(SECPKG_ATTR_NEGOTIATION_INFO)", status);
        return status;
    }
    if (ni.PackageInfo != NULL && ni.PackageInfo->Name != NULL)
        snprintf(used, size, "%s", ni.PackageInfo->Name);
    fprintf(out, "Package: %s, negotiated %s (%s)\n", asked, used,
            report_negotiation_state(ni.NegotiationState));
    if (ni.PackageInfo != NULL)
        FreeContextBuffer(ni.PackageInfo);
    return SEC_E_OK;
}

void report_hexdump(FILE *out, const void *p, size_t n)
{
    const unsigned char *b = p;

    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%02x ", b[i]);
        if (i % 16 == 15)
            fprintf(out, "\n");
    }
    fprintf(out, "\n");
    fflush(out);
}

static int report_is_text(unsigned char c)
{
    return isprint(c) || isspace(c);
}

void report_message(FILE *out, const char *label, const void *p, size_t n)
{
    const unsigned char *b = p;

    fprintf(out, "%s: ", label);
    if (n == 0 || (report_is_text(b[0]) && (n < 2 || report_is_text(b[1])))) {
        fprintf(out, "\"%.*s\"\n", (int)n, (const char *)p);
    } else {
        fprintf(out, "\n");
        report_hexdump(out, p, n);
    }
}
