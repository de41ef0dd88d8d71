/* The calling thread's impersonation: after ImpersonateSecurityContext on a context that
 * received delegated credentials, default outbound credentials on this thread are those. */
#ifndef SSPIBRIDGE_IMPERSONATE_H
#define SSPIBRIDGE_IMPERSONATE_H

#include <stddef.h>

/* Copies the ccache name holding the delegated credentials of the context this thread
 * impersonates into buf. Returns 1 when the thread impersonates such a context, else 0. */
int imp_thread_ccache(char *buf, size_t size);

#endif
