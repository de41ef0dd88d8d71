/* Context requirement flags: ISC_REQ_* / ASC_REQ_* -> GSS request flags, and the flags a
 * GSS context reports -> the ISC_RET_* / ASC_RET_* Windows' Kerberos package would report. */
#ifndef SSPIBRIDGE_MAP_FLAGS_H
#define SSPIBRIDGE_MAP_FLAGS_H

#include <sspi.h>
#include <stdint.h>

/* GSS req_flags for gss_init_sec_context from InitializeSecurityContext's fContextReq.
 * Flags with no GSS counterpart (ALLOCATE_MEMORY, CONNECTION, STREAM, ...) are left to the
 * bridge. ISC_REQ_NO_INTEGRITY cancels ISC_REQ_INTEGRITY, as Windows documents. */
uint32_t map_isc_req_to_gss(ULONG isc_req);

/* ISC_RET_* the context really has, from gss_init_sec_context's ret_flags and the original
 * fContextReq. ISC_RET_ALLOCATED_MEMORY is never set here: the bridge adds it when it
 * allocated the output token. */
ULONG map_gss_to_isc_ret(uint32_t gss_ret, ULONG isc_req);

/* The GSS flags AcceptSecurityContext's fContextReq asks of the context (gss_accept_sec_context
 * takes no request flags: the bridge uses this to judge what the initiator granted). */
uint32_t map_asc_req_to_gss(ULONG asc_req);

/* ASC_RET_* from gss_accept_sec_context's ret_flags and the original fContextReq.
 * ASC_RET_ALLOCATED_MEMORY is never set here. */
ULONG map_gss_to_asc_ret(uint32_t gss_ret, ULONG asc_req);

#endif
