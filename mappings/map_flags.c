/* ISC/ASC context flags <-> GSS context flags, one table row per flag, each row with the
 * Windows or GSSAPI behaviour it reproduces. */
#include "mappings/map_flags.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h> /* GSS_C_DCE_STYLE, GSS_C_IDENTIFY_FLAG, ... (gssapi_ext.h) */

#include <stddef.h>

/* A request row: when the SSPI flag is set (and `unless` is not), ask GSS for `gss`. */
typedef struct map_req_row {
    ULONG sspi;
    uint32_t gss;
    ULONG unless;
} map_req_row;

/* A return row: when GSS reports `gss`, report `sspi`, provided the caller's request had
 * `needs` (0: no condition) and not `unless` (0: no condition). */
typedef struct map_ret_row {
    uint32_t gss;
    ULONG sspi;
    ULONG needs;
    ULONG unless;
} map_ret_row;

#define MAP_ROWS(t) (sizeof(t) / sizeof((t)[0]))

/* InitializeSecurityContext (Kerberos), fContextReq, and RFC 2744 section 5.19. */
static const map_req_row map_isc_req_rows[] = {
    /* Windows delegates only to services the KDC marks ok-as-delegate; GSS_C_DELEG_POLICY_FLAG
     * is that policy (RFC 5896), GSS_C_DELEG_FLAG would delegate unconditionally. */
    {ISC_REQ_DELEGATE, GSS_C_DELEG_POLICY_FLAG, 0},
    {ISC_REQ_MUTUAL_AUTH, GSS_C_MUTUAL_FLAG, 0},
    {ISC_REQ_REPLAY_DETECT, GSS_C_REPLAY_FLAG, 0},
    {ISC_REQ_SEQUENCE_DETECT, GSS_C_SEQUENCE_FLAG, 0},
    {ISC_REQ_CONFIDENTIALITY, GSS_C_CONF_FLAG, 0},
    /* "ISC_REQ_NO_INTEGRITY: If this flag is set, the ISC_REQ_INTEGRITY flag is ignored"
     * (InitializeSecurityContext (Kerberos)). The bridge also sets krb5's no-CI-flags
     * credential option, since MIT asks for integrity whatever the flags say. */
    {ISC_REQ_INTEGRITY, GSS_C_INTEG_FLAG, ISC_REQ_NO_INTEGRITY},
    /* DCE style (MS-KILE): three legs, raw AP-REQ/AP-REP; MIT's GSS_C_DCE_STYLE. */
    {ISC_REQ_USE_DCE_STYLE, GSS_C_DCE_STYLE, 0},
    /* The server may identify, not impersonate, the client: the checksum flag RFC 4757
     * (section 7.1) defines for it. */
    {ISC_REQ_IDENTIFY, GSS_C_IDENTIFY_FLAG, 0},
    {ISC_REQ_EXTENDED_ERROR, GSS_C_EXTENDED_ERROR_FLAG, 0},
    /* A null session authenticates nobody; GSSAPI's counterpart is an anonymous initiator
     * (RFC 6112 anonymous PKINIT), which the realm must allow or the call fails. */
    {ISC_REQ_NULL_SESSION, GSS_C_ANON_FLAG, 0},
};

static const map_ret_row map_isc_ret_rows[] = {
    /* GSS_C_DELEG_FLAG comes back only when a ticket was really forwarded. */
    {GSS_C_DELEG_FLAG, ISC_RET_DELEGATE, 0, 0},
    {GSS_C_MUTUAL_FLAG, ISC_RET_MUTUAL_AUTH, 0, 0},
    {GSS_C_REPLAY_FLAG, ISC_RET_REPLAY_DETECT, 0, 0},
    {GSS_C_SEQUENCE_FLAG, ISC_RET_SEQUENCE_DETECT, 0, 0},
    /* MIT's krb5 mechanism reports CONF|INTEG on every context, requested or not. Windows'
     * Kerberos package reports ISC_RET_CONFIDENTIALITY only when it was requested, and its
     * EncryptMessage then fails with SEC_E_UNSUPPORTED_FUNCTION (integrity-only wrap needs
     * SECQOP_WRAP_NO_ENCRYPT). So: requested and granted. */
    {GSS_C_CONF_FLAG, ISC_RET_CONFIDENTIALITY, ISC_REQ_CONFIDENTIALITY, 0},
    /* Likewise ISC_RET_INTEGRITY answers ISC_REQ_INTEGRITY ("Context Requirements": the RET
     * flags say which requested attributes the context has); ISC_REQ_NO_INTEGRITY cancels
     * the request. */
    {GSS_C_INTEG_FLAG, ISC_RET_INTEGRITY, ISC_REQ_INTEGRITY, ISC_REQ_NO_INTEGRITY},
    {GSS_C_DCE_STYLE, ISC_RET_USED_DCE_STYLE, 0, 0},
    {GSS_C_IDENTIFY_FLAG, ISC_RET_IDENTIFY, 0, 0},
    {GSS_C_EXTENDED_ERROR_FLAG, ISC_RET_EXTENDED_ERROR, 0, 0},
    {GSS_C_ANON_FLAG, ISC_RET_NULL_SESSION, 0, 0},
};

/* Every GSS krb5 context is connection-oriented ("SSPI Context Semantics": connection is the
 * default; GSS has no datagram mode), so it reports CONNECTION even when DATAGRAM was asked
 * for: the caller sees what it got and decides. */
static const ULONG map_isc_ret_always = ISC_RET_CONNECTION;

/* AcceptSecurityContext (Kerberos), fContextReq. ASC_* values differ from ISC_* ones. */
static const map_req_row map_asc_req_rows[] = {
    /* The acceptor has no delegation policy to apply: it takes what the client forwarded. */
    {ASC_REQ_DELEGATE, GSS_C_DELEG_FLAG, 0},
    {ASC_REQ_MUTUAL_AUTH, GSS_C_MUTUAL_FLAG, 0},
    {ASC_REQ_REPLAY_DETECT, GSS_C_REPLAY_FLAG, 0},
    {ASC_REQ_SEQUENCE_DETECT, GSS_C_SEQUENCE_FLAG, 0},
    {ASC_REQ_CONFIDENTIALITY, GSS_C_CONF_FLAG, 0},
    {ASC_REQ_INTEGRITY, GSS_C_INTEG_FLAG, 0},
    {ASC_REQ_USE_DCE_STYLE, GSS_C_DCE_STYLE, 0},
    {ASC_REQ_IDENTIFY, GSS_C_IDENTIFY_FLAG, 0},
    {ASC_REQ_EXTENDED_ERROR, GSS_C_EXTENDED_ERROR_FLAG, 0},
    /* Accepting an anonymous initiator is what allowing a null session means. */
    {ASC_REQ_ALLOW_NULL_SESSION, GSS_C_ANON_FLAG, 0},
};

static const map_ret_row map_asc_ret_rows[] = {
    /* MIT sets GSS_C_DELEG_FLAG when the client forwarded a TGT (or, under its delegation
     * policy, an S4U2Proxy evidence ticket): either way the server can act as the client. */
    {GSS_C_DELEG_FLAG, ASC_RET_DELEGATE, 0, 0},
    {GSS_C_MUTUAL_FLAG, ASC_RET_MUTUAL_AUTH, 0, 0},
    {GSS_C_REPLAY_FLAG, ASC_RET_REPLAY_DETECT, 0, 0},
    {GSS_C_SEQUENCE_FLAG, ASC_RET_SEQUENCE_DETECT, 0, 0},
    /* An MIT initiator always sends CONF in its checksum flags, so as on the initiator side
     * confidentiality is reported only when the server asked for it too. */
    {GSS_C_CONF_FLAG, ASC_RET_CONFIDENTIALITY, ASC_REQ_CONFIDENTIALITY, 0},
    /* Integrity is what the initiator granted: signatures work on every krb5 context. */
    {GSS_C_INTEG_FLAG, ASC_RET_INTEGRITY, 0, 0},
    {GSS_C_DCE_STYLE, ASC_RET_USED_DCE_STYLE, 0, 0},
    {GSS_C_IDENTIFY_FLAG, ASC_RET_IDENTIFY, 0, 0},
    {GSS_C_EXTENDED_ERROR_FLAG, ASC_RET_EXTENDED_ERROR, 0, 0},
    {GSS_C_ANON_FLAG, ASC_RET_NULL_SESSION, 0, 0},
};

static const ULONG map_asc_ret_always = ASC_RET_CONNECTION;

static uint32_t map_req(const map_req_row *rows, size_t n, ULONG req)
{
    uint32_t gss = 0;
    for (size_t i = 0; i < n; i++)
        if ((req & rows[i].sspi) != 0 && (req & rows[i].unless) == 0)
            gss |= rows[i].gss;
    return gss;
}

static ULONG map_ret(const map_ret_row *rows, size_t n, ULONG always, uint32_t gss_ret, ULONG req)
{
    ULONG ret = always;
    for (size_t i = 0; i < n; i++) {
        if ((gss_ret & rows[i].gss) == 0)
            continue;
        if (rows[i].needs != 0 && (req & rows[i].needs) == 0)
            continue;
        if (rows[i].unless != 0 && (req & rows[i].unless) != 0)
            continue;
        ret |= rows[i].sspi;
    }
    return ret;
}

uint32_t map_isc_req_to_gss(ULONG isc_req)
{
    return map_req(map_isc_req_rows, MAP_ROWS(map_isc_req_rows), isc_req);
}

ULONG map_gss_to_isc_ret(uint32_t gss_ret, ULONG isc_req)
{
    return map_ret(map_isc_ret_rows, MAP_ROWS(map_isc_ret_rows), map_isc_ret_always, gss_ret,
                   isc_req);
}

uint32_t map_asc_req_to_gss(ULONG asc_req)
{
    return map_req(map_asc_req_rows, MAP_ROWS(map_asc_req_rows), asc_req);
}

ULONG map_gss_to_asc_ret(uint32_t gss_ret, ULONG asc_req)
{
    return map_ret(map_asc_ret_rows, MAP_ROWS(map_asc_ret_rows), map_asc_ret_always, gss_ret,
                   asc_req);
}
