/* What sspi-client and sspi-server print: failures with the SSPI call, its status and the
 * bridge's explanation; context attributes in MIT's words and in SSPI's; the session key
 * (SECPKG_ATTR_KEY_INFO); tokens as hex. Output stays line-compatible with MIT's samples. */
#ifndef SSPIBRIDGE_INTEROP_SAMPLE_REPORT_H
#define SSPIBRIDGE_INTEROP_SAMPLE_REPORT_H

#include <security.h>
#include <stddef.h>
#include <stdio.h>

/* The program name that prefixes every diagnostic ("sspi-client"). */
void report_set_prog(const char *prog);
const char *report_prog(void);

/* "PROG: CALL failed: SEC_E_NAME (0x8009030c): message" on stderr. The message is the
 * thread's sspibridge_last_error text when it belongs to this status. */
void report_failure(const char *call, SECURITY_STATUS status);

/* The context attributes: first MIT's "context flag: GSS_C_..._FLAG" lines (gss-misc.c
 * display_ctx_flags, trailing blanks included) for the attributes GSSAPI has names for,
 * then "Context attributes: 0x... (ISC_RET_A | ISC_RET_B)" (ASC_RET_* when acceptor). */
void report_ctx_attrs(FILE *out, ULONG attrs, int acceptor);

/* Requested flags as "0x... (ISC_REQ_A | ...)" into buf; returns buf. */
const char *report_req_text(ULONG req, int acceptor, char *buf, size_t size);

/* Queries SECPKG_ATTR_KEY_INFO and prints
 *   "Session key: enctype 18 (aes256-cts-hmac-sha1-96), 256 bits, signature algorithm 16 (...)"
 * Returns the query's status (failures reported). */
SECURITY_STATUS report_key_info(FILE *out, PCtxtHandle ctx);

/* The package the context runs on, as "Package: NTLM", or for Negotiate the package it
 * settled on (SECPKG_ATTR_NEGOTIATION_INFO, the way Windows programs tell Kerberos from an
 * NTLM fallback): "Package: Negotiate, negotiated Kerberos (SECPKG_NEGOTIATION_COMPLETE)".
 * The package in use is copied into used (size bytes). Returns the query's status. */
SECURITY_STATUS report_package(FILE *out, PCtxtHandle ctx, const char *asked, char *used,
                               size_t size);

/* Bytes as MIT's print_token prints them: "%02x " each, 16 to a line. */
void report_hexdump(FILE *out, const void *p, size_t n);

/* A received message as gss-server shows it: quoted when its first two bytes are
 * printable, else as hex. */
void report_message(FILE *out, const char *label, const void *p, size_t n);

#endif
